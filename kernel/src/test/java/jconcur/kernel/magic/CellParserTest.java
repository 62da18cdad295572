package jconcur.kernel.magic;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

class CellParserTest {

    @Test
    void plainJavaHasNoMagics() {
        ParsedCell p = CellParser.parse("int x = 5 %\n 3;");
        assertFalse(p.hasMagics());
        assertEquals("int x = 5 %\n 3;", p.body());
        assertEquals(0, p.bodyOffset());
    }

    @Test
    void leadingLineMagicsThenCode() {
        String cell = "%maven a:b:1\n\n%classpath lib/x.jar\nint y = 10\n% 3;";
        ParsedCell p = CellParser.parse(cell);
        assertEquals(List.of(new MagicCall("maven", "a:b:1", false, false),
                new MagicCall("classpath", "lib/x.jar", false, false)), p.lineMagics());
        assertEquals("int y = 10\n% 3;", p.body());
        assertEquals(cell.indexOf("int y"), p.bodyOffset());
    }

    @Test
    void cellMagicTakesTheRestOfTheCell() {
        ParsedCell p = CellParser.parse("%%timeit -n 10 int[] a = new int[5];\nfoo();\n%notAMagic");
        MagicCall call = p.cellMagic().orElseThrow();
        assertEquals("timeit", call.name());
        assertEquals("-n 10 int[] a = new int[5];", call.args());
        assertTrue(call.cell());
        assertEquals("foo();\n%notAMagic", p.body());
    }

    @Test
    void questionMarkAsksForHelp() {
        assertTrue(CellParser.parse("%timeit?").lineMagics().get(0).help());
        assertTrue(CellParser.parse("%%test?").cellMagic().orElseThrow().help());
        assertFalse(CellParser.parse("%time a ? b : c").lineMagics().get(0).help());
    }

    @Test
    void onlyLeadingLinesAreMagics() {
        ParsedCell p = CellParser.parse("int a = 1;\n%time a");
        assertFalse(p.hasMagics());
    }

    @Test
    void magicWithoutArgumentsAndIndentation() {
        ParsedCell p = CellParser.parse("  %lsmagic  ");
        assertEquals(new MagicCall("lsmagic", "", false, false), p.lineMagics().get(0));
        assertTrue(p.body().isEmpty());
    }

    @Test
    void cellMagicAfterLineMagicIsReported() {
        ParsedCell p = CellParser.parse("%maven a:b:1\n%%time\nfoo();");
        assertEquals(1, p.lineMagics().size());
        assertTrue(p.cellMagic().isPresent());
    }

    @Test
    void nbgraderMarkersBecomeBlankLines() {
        String cell = "int f() {\n    ### BEGIN SOLUTION\n    return 1;\n    ### END SOLUTION\n}\n// ### BEGIN HIDDEN TESTS";
        assertEquals("int f() {\n\n    return 1;\n\n}\n// ### BEGIN HIDDEN TESTS", NbgraderMarkers.blankOut(cell));
    }
}
