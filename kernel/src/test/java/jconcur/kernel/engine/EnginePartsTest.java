package jconcur.kernel.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jconcur.display.MimeBundle;
import jconcur.kernel.link.Handshake;
import jconcur.kernel.link.ThreadSnapshot;
import jconcur.kernel.link.ThreadSnapshot.ThreadState;
import jdk.jshell.JShell;
import org.junit.jupiter.api.Test;

/** The engine's small parts, without a user VM. */
class EnginePartsTest {

    @Test
    void utf8SplitAcrossFramesIsDecodedWhole() {
        byte[] text = "a€b😀c".getBytes(StandardCharsets.UTF_8);
        Utf8Decoder decoder = new Utf8Decoder();
        StringBuilder decoded = new StringBuilder();
        for (int i = 0; i < text.length; i++) {
            decoded.append(decoder.decode(Arrays.copyOfRange(text, i, i + 1)));
        }
        assertEquals("a€b😀c", decoded.toString());
    }

    @Test
    void lineTailKeepsTheLastLines() {
        LineTail tail = new LineTail(2);
        tail.append("one\ntw");
        tail.append("o\nthree\nfour");
        assertEquals(List.of("three", "four"), tail.lines());
    }

    @Test
    void whatTheJvmSaysBeforeMainStaysOutOfTheNotebookEvenWhenReadLate() throws Exception {
        PipedOutputStream process = new PipedOutputStream();
        ProcessOutputTail output = new ProcessOutputTail(new PipedInputStream(process, 1 << 16));
        StringBuffer notebook = new StringBuffer();
        output.sink(notebook::append); // before the reader sees anything, as on a busy machine
        String marker = Handshake.MAIN_STARTED;
        String written = "Picked up JAVA_TOOL_OPTIONS: -Dx=1\n" + marker.substring(0, 5) + "|" + marker.substring(5)
                + "native line\n";
        for (String piece : written.split("\\|")) {
            process.write(piece.getBytes(StandardCharsets.UTF_8));
            process.flush();
            Thread.sleep(50); // separate reads: the marker arrives in two pieces
        }
        process.close();
        output.awaitEnd(10_000);
        assertEquals("native line\n", notebook.toString());
        assertEquals(List.of("Picked up JAVA_TOOL_OPTIONS: -Dx=1", "native line"), output.tail().lines());
    }

    @Test
    void theLastWordsOfAVmThatDiedBeforeMainAreKeptForTheReport() throws Exception {
        PipedOutputStream process = new PipedOutputStream();
        ProcessOutputTail output = new ProcessOutputTail(new PipedInputStream(process, 1 << 16));
        StringBuffer notebook = new StringBuffer();
        output.sink(notebook::append);
        process.write("Unrecognized option: -Xbad\nError".getBytes(StandardCharsets.UTF_8));
        process.close();
        output.awaitEnd(10_000);
        assertEquals("", notebook.toString());
        assertEquals(List.of("Unrecognized option: -Xbad", "Error"), output.tail().lines());
    }

    @Test
    void sizesParseWithUnitsAndBadOnesSayWhatIsWrong() {
        assertEquals(1 << 20, UserVmOptions.parseSize("1m", "X"));
        assertEquals(500 << 10, UserVmOptions.parseSize("500K", "X"));
        assertEquals(2000000, UserVmOptions.parseSize("2000000", "X"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> UserVmOptions.parseSize("lots", "X"));
        assertTrue(e.getMessage().contains("X must be a positive size"));
        assertEquals(UserVmOptions.DEFAULTS, UserVmOptions.fromEnvironment(Map.of()));
        assertFalse(UserVmOptions.defaults(Runtime.Version.parse("21.0.5")).contains("-XX:+UseCompactObjectHeaders"),
                "JDK 21 does not know the option and would not start");
        assertTrue(UserVmOptions.defaults(Runtime.Version.parse("25")).contains("-XX:+UseCompactObjectHeaders"));
        assertEquals(List.of("-XX:TrimNativeHeapInterval=1000"),
                UserVmOptions.nativeHeapTrim(Runtime.Version.parse("21.0.1"), "Linux"));
        assertEquals(List.of(), UserVmOptions.nativeHeapTrim(Runtime.Version.parse("21"), "Linux"),
                "JDK 21.0.0 does not know the option and would not start");
        assertEquals(List.of(), UserVmOptions.nativeHeapTrim(Runtime.Version.parse("25"), "Mac OS X"),
                "only glibc's heap can be trimmed");
        assertEquals(List.of("-Xmx1g", "-ea"), UserVmOptions.fromEnvironment(Map.of(UserVmOptions.OPTIONS_VARIABLE, " -Xmx1g  -ea ")));
    }

    @Test
    void syntaxCheckTellsIncompleteFromInvalid() {
        SyntaxCheck check = new SyntaxCheck();
        assertEquals(SyntaxCheck.Verdict.VALID, check.check("int x = 5;"));
        assertEquals(SyntaxCheck.Verdict.VALID, check.check("void f() { }"));
        assertEquals(SyntaxCheck.Verdict.VALID, check.check("x -> x + 1"));
        assertEquals(SyntaxCheck.Verdict.VALID, check.check("import java.util.*;"));
        assertEquals(SyntaxCheck.Verdict.INCOMPLETE, check.check("int x = "));
        assertEquals(SyntaxCheck.Verdict.INCOMPLETE, check.check("class A"));
        assertEquals(SyntaxCheck.Verdict.INVALID, check.check("1 +* 2;"));
        assertEquals(SyntaxCheck.Verdict.INVALID, check.check("@@@"));
    }

    @Test
    void cellsSplitIntoSnippetsThatStartOnTheirFirstCodeLine() {
        try (JShell jshell = JShell.builder().executionEngine("local").build()) {
            List<CellSplitter.Piece> pieces = CellSplitter.split(jshell.sourceCodeAnalysis(),
                    "int a = 1;\n\n\n// note\nint b = 2; a + b\n");
            assertEquals(3, pieces.size());
            assertEquals(0, pieces.get(0).firstLine());
            assertEquals(3, pieces.get(1).firstLine(), "blank lines before a snippet are skipped, comments kept");
            assertEquals(4, pieces.get(2).firstLine());
            assertEquals("a + b", pieces.get(2).source().strip());
        }
    }

    @Test
    void deadlockedThreadsAreDescribedWithTheirLocks() {
        ThreadState thread = new ThreadState("worker", 7, "BLOCKED", Optional.of("Object@1f"),
                Optional.of("main"), List.of("Object@2e"),
                List.of(new StackTraceElement("java.lang.Thread", "run", null, 1)));
        StuckCellReport report = new StuckCellReport(new SnippetOrigins(), new UserFrames(new SnippetOrigins()));
        List<String> lines = report.leftBehind(Optional.of(new ThreadSnapshot(List.of(thread), Optional.empty(),
                Optional.empty())), 1);
        assertEquals("  \"worker\" (BLOCKED) waits for Object@1f, held by \"main\"; holds Object@2e", lines.get(1));
        assertEquals("    at Thread.run", lines.get(2));
    }

    @Test
    void aDeadlockCycleIsAlsoDrawnWithItsTextForPlainClients() {
        ThreadState one = new ThreadState("one", 7, "BLOCKED", Optional.of("Object@1f"), Optional.of("two"),
                List.of("Object@2e"), List.of());
        ThreadState two = new ThreadState("two", 8, "BLOCKED", Optional.of("Object@2e"), Optional.of("one"),
                List.of("Object@1f"), List.of());
        MimeBundle picture = StuckCellReport.picture(new ThreadSnapshot(List.of(one, two), Optional.empty(),
                Optional.empty())).orElseThrow();
        assertTrue(picture.data().containsKey("image/png"));
        assertEquals("""
                wait-for graph with a deadlock cycle: one -> two -> one
                  one waits for Object@1f held by two
                  two waits for Object@2e held by one
                  one holds Object@2e
                  two holds Object@1f""", picture.data().get("text/plain"));
        assertTrue(StuckCellReport.picture(new ThreadSnapshot(List.of(), Optional.empty(), Optional.empty())).isEmpty());
    }
}
