package jconcur.kernel.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Vectors computed with JupyterLab's definition (packages/debugger/src/hash.ts run on the same strings and seeds);
 * ipykernel's murmur2_x86 gives the same numbers.
 */
class Murmur2Test {

    @Test
    void emptyTextHashesToTheMixedSeed() {
        assertEquals(0L, Murmur2.hash("", 0));
        assertEquals(3990065800L, Murmur2.hash("", 3339675911L));
    }

    @Test
    void everyTailLengthMatchesJupyterLab() {
        assertEquals(2167009006L, Murmur2.hash("a", 3339675911L));
        assertEquals(3350977461L, Murmur2.hash("abc", 3339675911L));
        assertEquals(804720481L, Murmur2.hash("abcd", 3339675911L));
        assertEquals(1700674886L, Murmur2.hash("for (int i = 0; i < 3; i++) {}", 42));
    }

    @Test
    void hashesTheUtf8BytesOfNonAsciiText() {
        assertEquals(763218550L, Murmur2.hash("String s = \"héllo wörld — ✓ 𝄞\";", 3339675911L));
    }

    @Test
    void cellPathIsPrefixHashSuffix() {
        assertEquals(CellPaths.PREFIX + "111580194" + CellPaths.SUFFIX,
                CellPaths.of("int x = 1;\nSystem.out.println(x);\n"));
    }
}
