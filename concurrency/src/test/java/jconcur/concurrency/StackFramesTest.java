package jconcur.concurrency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class StackFramesTest {

    private static StackTraceElement frame(String cls, String method) {
        return new StackTraceElement(cls, method, "$JShell$12.java", 8);
    }

    private static String describe(String cls, String method) {
        return StackFrames.describe(frame(cls, method));
    }

    @Test
    void namesNotebookFramesByWhatTheyAre() {
        assertEquals("lambda (cell code)", describe("REPL.$JShell$12", "lambda$do_it$Aux$0"));
        assertEquals("lambda (cell code)", describe("REPL.$JShell$12", "lambda$do_it$$1"));
        assertEquals("top-level statement (cell code)", describe("REPL.$JShell$6", "do_it$"));
        assertEquals("baz (cell code)", describe("REPL.$JShell$5", "baz"));
        assertEquals("lambda in baz (cell code)", describe("REPL.$JShell$5", "lambda$baz$0"));
        assertEquals("Grab.both (cell code)", describe("REPL.$JShell$4$Grab", "both"));
        assertEquals("lambda in Grab.both (cell code)", describe("REPL.$JShell$4$Grab", "lambda$both$2"));
        assertEquals("new Grab.Inner (cell code)", describe("REPL.$JShell$4B$Grab$Inner", "<init>"));
        assertEquals("lambda in new Grab (cell code)", describe("REPL.$JShell$4$Grab", "lambda$new$0"));
        assertEquals("Grab (static initializer) (cell code)", describe("REPL.$JShell$4$Grab", "<clinit>"));
        assertEquals("anonymous.run (cell code)", describe("REPL.$JShell$7$1", "run"));
        assertEquals("Local.run (cell code)", describe("REPL.$JShell$7$1Local", "run"));
    }

    @Test
    void otherFramesKeepClassFileAndLineWithoutModule() {
        StackTraceElement latch = new StackTraceElement(null, "java.base", "25", "java.util.concurrent.CountDownLatch",
                "await", "CountDownLatch.java", 230);
        assertEquals("java.util.concurrent.CountDownLatch.await(CountDownLatch.java:230)", StackFrames.describe(latch));
    }

    @Test
    void leavesOutLockThreadReflectionAndJShellMachinery() {
        StackTraceElement[] actor = {
            frame("jdk.internal.misc.Unsafe", "park"),
            frame("java.util.concurrent.locks.LockSupport", "park"),
            frame("java.util.concurrent.locks.AbstractQueuedSynchronizer", "acquire"),
            frame(NamedLock.class.getName(), "lock"),
            frame("REPL.$JShell$4$Grab", "both"),
            frame("REPL.$JShell$12", "lambda$do_it$Aux$0"),
            frame(Actors.class.getName(), "lambda$run$0"),
            frame("java.lang.Thread", "runWith"),
            frame("java.lang.Thread", "run"),
        };
        assertEquals(List.of("Grab.both (cell code)", "lambda (cell code)"), StackFrames.top(actor));
        StackTraceElement[] cell = {
            frame("java.lang.Thread", "getStackTrace"),
            frame("REPL.$JShell$3", "do_it$"),
            frame("jdk.internal.reflect.DirectMethodHandleAccessor", "invoke"),
            frame("java.lang.reflect.Method", "invoke"),
            frame("jdk.jshell.execution.DirectExecutionControl", "invoke"),
            frame("java.lang.VirtualThread$VThreadContinuation", "run"),
        };
        assertEquals(List.of("top-level statement (cell code)"), StackFrames.top(cell));
    }

    @Test
    void keepsAtMostFiveFrames() {
        StackTraceElement[] deep = new StackTraceElement[8];
        for (int i = 0; i < deep.length; i++) {
            deep[i] = frame("REPL.$JShell$5", "f" + i);
        }
        assertEquals(List.of("f0 (cell code)", "f1 (cell code)", "f2 (cell code)", "f3 (cell code)", "f4 (cell code)"),
                StackFrames.top(deep));
    }

    /** The names JShell really gives notebook code, through a deadlock report made inside a JShell. */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void deadlockReportInJShellShowsReadableFrames() throws Exception {
        try (JShell jshell = JShell.builder().executionEngine("local").build()) {
            jshell.addToClasspath(Path.of(Actors.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toString());
            eval(jshell, "import jconcur.concurrency.*;");
            eval(jshell, "import java.util.concurrent.CountDownLatch;");
            eval(jshell, """
                    class Grab {
                        static void both(NamedLock mine, NamedLock theirs, CountDownLatch bothHoldOne) {
                            mine.lock();
                            try {
                                bothHoldOne.countDown();
                                try { bothHoldOne.await(); } catch (InterruptedException e) { return; }
                                theirs.lock();
                                theirs.unlock();
                            } finally {
                                mine.unlock();
                            }
                        }
                    }""");
            eval(jshell, "var a = new NamedLock(\"A\"); var b = new NamedLock(\"B\"); var latch = new CountDownLatch(2);");
            eval(jshell, "var r = Concurrency.runActors(java.time.Duration.ofSeconds(10),"
                    + " () -> Grab.both(a, b, latch), () -> Grab.both(b, a, latch));");
            assertEquals("true", eval(jshell, "r.deadlocked()"));
            assertEquals("\"Grab.both (cell code)|lambda (cell code)\"",
                    eval(jshell, "String.join(\"|\", r.actors().get(0).topFrames())"));
        }
    }

    /** Evaluates one snippet (several for a line of declarations); returns the last value. */
    private static String eval(JShell jshell, String source) {
        String value = null;
        String rest = source;
        while (!rest.isBlank()) {
            var info = jshell.sourceCodeAnalysis().analyzeCompletion(rest);
            for (SnippetEvent event : jshell.eval(info.source())) {
                assertEquals(Snippet.Status.VALID, event.status(), () -> "rejected: " + event.snippet().source()
                        + " " + jshell.diagnostics(event.snippet()).map(d -> d.getMessage(null)).toList());
                assertNull(event.exception(), () -> "threw: " + event.exception());
                value = event.value();
            }
            rest = info.remaining();
        }
        return value;
    }
}
