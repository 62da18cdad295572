package jconcur.kernel.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import jconcur.display.MimeBundle;
import jconcur.kernel.engine.ExecuteOutcome.Failed;
import jconcur.kernel.engine.ExecuteOutcome.Ok;
import org.junit.jupiter.api.Test;

/** The engine against a real user VM: results, output, errors, assistance. State is shared between tests. */
class JShellEngineTest extends LiveEngineTest {

    private Optional<MimeBundle> ok(String code) {
        ExecuteOutcome outcome = engine.execute(code);
        if (outcome instanceof Failed f) {
            throw new AssertionError("cell failed: " + String.join("\n", f.traceback()));
        }
        return ((Ok) outcome).result();
    }

    private Failed failed(String code) {
        return assertInstanceOf(Failed.class, engine.execute(code));
    }

    private static String text(Optional<MimeBundle> result) {
        return (String) result.orElseThrow().data().get("text/plain");
    }

    @Test
    void expressionsShowTheirValueDeclarationsDoNot() {
        assertEquals("2", text(ok("1 + 1")));
        assertEquals(Optional.empty(), ok("int seven = 7;"));
        assertEquals("14", text(ok("seven * 2")));
        assertEquals(Optional.empty(), ok("seven = 8"), "assignments show nothing, as in IPython");
        assertEquals("\"text\"", text(ok("\"text\"")));
    }

    @Test
    void aFinalStatementEndingInASemicolonShowsNoValue() {
        assertEquals(Optional.empty(), ok("1 + 1;"), "as in IPython, ';' hides the value");
        assertEquals(Optional.empty(), ok("System.out.printf(\"x%n\");  "));
        assertEquals(Optional.empty(), ok("display(\"shown once, as a display\");"));
        assertEquals("3", text(ok("int one = 1;\none + 2")));
    }

    @Test
    void aVariableAndImportsPersistAcrossCellsOnOneThread() {
        ok("var lock = new ReentrantLock();");
        ok("lock.lock();");
        assertEquals("true", text(ok("lock.isHeldByCurrentThread()")), "statements run on one thread, as in JShell");
        ok("lock.unlock();");
        assertEquals("true", text(ok("HttpClient.class != null")), "java.net.http is preloaded");
    }

    @Test
    void aForwardReferenceIsNotedOnStdoutOnlyWhenTheCellLeavesItUnresolved() {
        ok("int quadruple(int n) { return twice(twice(n)); }\nint twice(int n) { return 2 * n; }\nassert quadruple(1) == 4;");
        assertEquals("", out.stdout() + out.stderr(), "declared later in the same cell: nothing to note");
        ok("int half(int n) { return divide(n, 2); }");
        assertEquals("Note: half can be used once method divide(int,int) is declared.\n", out.stdout());
        assertEquals("", out.stderr(), "a note, not an error: nbgrader fails a test cell on any stderr output");
    }

    @Test
    void severalSnippetsRunInOrderAndTheLastValueIsTheResult() {
        assertEquals("6", text(ok("int a = 1;\nint b = a + 2;\n\n// comment\nb * 2")));
    }

    @Test
    void userCodeRunsInAnotherProcessWithTheDefaultOptions() {
        long kernelPid = ProcessHandle.current().pid();
        long userPid = Long.parseLong(text(ok("ProcessHandle.current().pid()")));
        assertTrue(userPid != kernelPid);
        assertEquals(engine.userVmPid().orElseThrow(), userPid);
        assertEquals("true", text(ok("ManagementFactory.getRuntimeMXBean().getInputArguments().contains(\"-ea\")"
                .replace("ManagementFactory", "java.lang.management.ManagementFactory"))));
        assertEquals("\"main\"", text(ok("Thread.currentThread().getName()")));
    }

    @Test
    void outputStreamsInOrderAndInBatches() {
        ok("for (int i = 0; i < 1000; i++) System.out.println(\"line \" + i); System.err.println(\"done\");");
        assertTrue(out.stdout().startsWith("line 0\nline 1\n"));
        assertTrue(out.stdout().endsWith("line 999\n"));
        assertEquals("done\n", out.stderr());
        assertTrue(out.calls().size() < 20, "a thousand printlns must not make a thousand messages: " + out.calls().size());
    }

    @Test
    void closingSystemOutDoesNotSilenceLaterCells() {
        ok("try (var writer = new java.io.PrintWriter(System.out)) { writer.println(\"closed after this\"); }");
        ok("System.out.println(\"still here\");");
        assertEquals("closed after this\nstill here\n", out.stdout());
    }

    @Test
    void outputOfABackgroundThreadArrivesAfterItsCellEnded() throws InterruptedException {
        ok("Thread t = new Thread(() -> { try { Thread.sleep(300); } catch (InterruptedException e) { }"
                + " System.out.println(\"from background\"); }); t.start();");
        assertFalse(out.stdout().contains("from background"));
        assertTrue(out.await(() -> out.stdout().contains("from background"), 10_000));
    }

    @Test
    void compileErrorsShowTheCellLineAndACaret() {
        Failed f = failed("int ok = 1;\nint bad = undefinedName + 1;");
        assertEquals("CompileError", f.ename());
        String traceback = String.join("\n", f.traceback());
        assertTrue(traceback.contains("line 2: cannot find symbol"), traceback);
        assertTrue(traceback.contains("int bad = undefinedName + 1;"), traceback);
        int caretLine = f.traceback().indexOf(f.traceback().stream().filter(l -> l.contains("^")).findFirst().orElseThrow());
        String code = f.traceback().get(caretLine - 1);
        assertEquals(code.indexOf("undefinedName"), stripAnsi(f.traceback().get(caretLine)).indexOf('^'));
        assertEquals("", out.stderr(), "errors go to the error output only");
    }

    @Test
    void exceptionsShowUserFramesWithCellLinesAndCauses() {
        ok("int depth(int n) {\n  if (n == 0) throw new IllegalStateException(\"bottom\");\n  return depth(n - 1);\n}");
        Failed f = failed("int x = 1;\ntry {\n  depth(1);\n} catch (IllegalStateException e) {\n"
                + "  throw new RuntimeException(\"wrapped\", e);\n}");
        assertEquals("java.lang.RuntimeException", f.ename());
        assertEquals("wrapped", f.evalue());
        String traceback = stripAnsi(String.join("\n", f.traceback()));
        assertTrue(traceback.startsWith("java.lang.RuntimeException: wrapped\n  at line 5: throw new RuntimeException"),
                traceback);
        assertTrue(traceback.contains("Caused by: java.lang.IllegalStateException: bottom\n"
                + "  at depth, line 2 of an earlier cell: if (n == 0)"), traceback);
        assertFalse(traceback.contains("jdk.internal") || traceback.contains("reflect") || traceback.contains("$JShell$"),
                traceback);
    }

    @Test
    void theFirstErrorStopsTheCell() {
        failed("int before = 1;\nint boom = 1 / 0;\nint after = 2;");
        assertEquals("CompileError", failed("after").ename());
    }

    @Test
    void systemInAsksTheFrontEnd() {
        out.answerInputWith("Ada");
        assertEquals("\"Hello Ada\"", text(ok("\"Hello \" + new java.util.Scanner(System.in).nextLine()")));
        out.allowInput(false);
        try {
            Failed f = failed("new java.util.Scanner(System.in).nextLine()");
            assertTrue(String.join("\n", f.traceback()).contains("does not support input"), f.traceback().toString());
        } finally {
            out.allowInput(true);
        }
    }

    @Test
    void displayAndUpdateDisplayKeepTheirOrderWithOutput() {
        ok("System.out.println(\"before\"); String id = display(\"shown\"); System.out.println(\"after\");"
                + " updateDisplay(id, \"updated\");");
        List<String> calls = out.calls();
        assertEquals(List.of("STDOUT:before\n", "DISPLAY:shown", "STDOUT:after\n", "DISPLAY:updated"), calls);
        List<RecordingOutput.Display> displays = out.displays();
        assertEquals(displays.get(0).displayId(), displays.get(1).displayId());
        assertTrue(displays.get(1).update());
    }

    @Test
    void richValuesRenderInTheUserVmAndDeclarationsDoNot() {
        ok("record Dot(int x) implements Renderable {\n"
                + "  public MimeBundle toMimeBundle() { return new MimeBundle(Map.of(\"text/html\", \"<b>\" + x + \"</b>\"), Map.of()); }\n}");
        MimeBundle dot = ok("new Dot(4)").orElseThrow();
        assertEquals("<b>4</b>", dot.data().get("text/html"));
        assertEquals("Dot[x=4]", dot.data().get("text/plain"), "JShell's text goes along");
        assertEquals(Optional.empty(), ok("var dot = new Dot(5);"));
        MimeBundle image = ok("new java.awt.image.BufferedImage(3, 3, java.awt.image.BufferedImage.TYPE_INT_RGB)")
                .orElseThrow();
        assertTrue(((String) image.data().get("image/png")).startsWith("iVBOR"), "base64 PNG");
    }

    @Test
    void aRichValueLongerThanJShellPassesInOneInvokeArrivesWhole() {
        ok("record Long2(int n) implements Renderable {\n"
                + "  public MimeBundle toMimeBundle() { return new MimeBundle(Map.of(\"text/html\", \"<p>\" + \"h\".repeat(n) + \"</p>\", "
                + "\"text/markdown\", \"m\".repeat(n)), Map.of()); }\n}");
        MimeBundle bundle = ok("new Long2(50_000)").orElseThrow();
        assertEquals("<p>" + "h".repeat(50_000) + "</p>", bundle.data().get("text/html"));
        assertEquals("m".repeat(50_000), bundle.data().get("text/markdown"));
    }

    @Test
    void aDisplayTooBigForTheNotebookIsRefusedWithAReason() {
        Failed f = failed("display(\"x\".repeat(40_000_000))");
        assertEquals("java.lang.IllegalArgumentException", f.ename());
        assertTrue(f.evalue().contains("a notebook output takes at most 32.0 MB"), f.evalue());
    }

    @Test
    void displaysFromABackgroundThreadArriveAfterItsCellEnded() throws InterruptedException {
        ok("new Thread(() -> { try { Thread.sleep(300); } catch (InterruptedException e) { } display(\"late\"); }).start();");
        assertTrue(out.await(() -> out.calls().contains("DISPLAY:late"), 10_000), out.calls().toString());
    }

    @Test
    void helpersReportProgressAsOneUpdatedLine() {
        ok("for (int i = 0; i < 3; i++) { jconcur.concurrency.Progress.update(\"step \" + i); Thread.sleep(120); }"
                + " jconcur.concurrency.Progress.done();");
        List<RecordingOutput.Display> displays = out.displays();
        assertTrue(displays.size() >= 3, displays.toString());
        assertFalse(displays.get(0).update());
        assertTrue(displays.stream().skip(1).allMatch(d -> d.update() && d.displayId().equals(displays.get(0).displayId())));
        assertTrue(String.valueOf(displays.get(displays.size() - 1).bundle().data().get("text/plain")).matches("done in \\d+\\.\\d s"),
                "the line ends as a short summary, never an empty output: " + displays);
    }

    @Test
    void aSweepDrawsItsFiguresLiveInOneDisplayAndEndsWithTheResultAsBefore() {
        // 0.6 s per run: each update is more than the 1 s minimum interval after the previous one
        Optional<MimeBundle> result = ok("""
                Sweep.onWorkers(() -> { Thread.sleep(600); return 1; }, n -> { Thread.sleep(600); return 1; })
                        .label("sleepy").workers(1, 2).warmups(0).repeats(3).run()""");
        assertTrue(String.valueOf(result.orElseThrow().data().get("text/html")).contains("<img"), "table and charts");
        List<RecordingOutput.Display> live = out.displays().stream()
                .filter(d -> d.bundle().data().containsKey("text/html") || "".equals(d.bundle().data().get("text/plain")))
                .toList();
        assertTrue(live.size() >= 3, live.toString());
        assertFalse(live.get(0).update());
        String id = live.get(0).displayId();
        assertTrue(live.stream().skip(1).allMatch(d -> d.update() && d.displayId().equals(id)), live.toString());
        assertTrue(String.valueOf(live.get(0).bundle().data().get("text/plain")).contains("sleepy (so far: round 1 of 3)"),
                live.get(0).toString());
        assertEquals("", live.get(live.size() - 1).bundle().data().get("text/plain"),
                "the live view empties itself: the final table and charts are the cell's result");
    }

    @Test
    void completionInspectionAndCompleteness() {
        ok("int counterValue = 3;");
        Completion c = engine.complete("int z = 1;\ncounterV", 18);
        assertTrue(c.matches().contains("counterValue"), c.matches().toString());
        assertEquals(11, c.cursorStart());
        assertEquals(18, c.cursorEnd());
        assertTrue(engine.complete("Math.ma", 7).matches().stream().anyMatch(m -> m.startsWith("max")));
        Inspection doc = engine.inspect("Math.max(1, 2)", 6, 0);
        assertTrue(((String) doc.documentation().orElseThrow().data().get("text/plain")).contains("int Math.max(int a, int b)"));
        assertEquals(IsComplete.Status.INCOMPLETE, engine.isComplete("int x = ").status());
        assertEquals(IsComplete.Status.INCOMPLETE, engine.isComplete("for (int i = 0; i < 3; i++) {").status());
        assertEquals("    ", engine.isComplete("for (int i = 0; i < 3; i++) {").indent());
        assertEquals(IsComplete.Status.COMPLETE, engine.isComplete("int x = 5;").status());
        assertEquals(IsComplete.Status.COMPLETE, engine.isComplete("void f() {}\nf()").status());
        assertEquals(IsComplete.Status.INVALID, engine.isComplete("1 +* 2;").status());
        assertEquals(IsComplete.Status.INVALID, engine.isComplete("@@@").status());
    }

    static String stripAnsi(String s) {
        return s.replaceAll("\u001b\\[[0-9;]*m", "");
    }
}
