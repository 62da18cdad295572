package jconcur.kernel.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PagerRequestTest {

    @Test
    void recognisesIPythonHelpSyntax() {
        assertEquals(Optional.of(new PagerRequest("String", 0)), PagerRequest.parse("String?"));
        assertEquals(Optional.of(new PagerRequest("String", 1)), PagerRequest.parse("  String??\n"));
        assertEquals(Optional.of(new PagerRequest("java.util.List", 0)), PagerRequest.parse("?java.util. List"));
        assertEquals(Optional.of(new PagerRequest("Math.max", 1)), PagerRequest.parse("??Math.max"));
    }

    @Test
    void leavesJavaAlone() {
        for (String code : new String[] {"a ? b : c", "x?.y", "String s = \"?\";", "?", "1?", "f()?", "a ?? b"}) {
            assertTrue(PagerRequest.parse(code).isEmpty(), code);
        }
    }
}
