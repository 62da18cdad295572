package jconcur.kernel.magic;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MagicArgsTest {

    private static final Set<String> VALUES = Set.of("-n", "-r", "-p");
    private static final Set<String> FLAGS = Set.of("-q", "-o");

    @Test
    void optionsThenCode() throws Exception {
        MagicArgs a = MagicArgs.parse("-n 100 -r3 -q fib(-1) + x", VALUES, FLAGS);
        assertEquals(100, a.intOption("-n", 0, 1));
        assertEquals(3, a.intOption("-r", 7, 1));
        assertTrue(a.has("-q"));
        assertFalse(a.has("-o"));
        assertEquals("fib(-1) + x", a.rest());
    }

    @Test
    void negativeNumberAfterOptionsIsCode() throws Exception {
        assertEquals("-1 + 2", MagicArgs.parse("-n 5 -1 + 2", VALUES, FLAGS).rest());
    }

    @Test
    void badOptionsAreUsageErrors() {
        assertThrows(MagicUsageException.class, () -> MagicArgs.parse("-x foo()", VALUES, FLAGS));
        assertThrows(MagicUsageException.class, () -> MagicArgs.parse("-n", VALUES, FLAGS));
        MagicUsageException e = assertThrows(MagicUsageException.class,
                () -> MagicArgs.parse("-n zero f()", VALUES, FLAGS).intOption("-n", 0, 1));
        assertTrue(e.getMessage().contains("-n"));
    }

    @Test
    void shellWords() throws Exception {
        assertEquals(List.of("a b", "c", "d\"e", "f g"), MagicArgs.split("'a b' c \"d\\\"e\" f\\ g"));
        assertThrows(MagicUsageException.class, () -> MagicArgs.split("'open"));
    }
}
