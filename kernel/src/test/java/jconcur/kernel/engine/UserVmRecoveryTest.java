package jconcur.kernel.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import jconcur.kernel.engine.ExecuteOutcome.Failed;
import jconcur.kernel.engine.ExecuteOutcome.Ok;
import org.junit.jupiter.api.Test;

/** Interrupts, deadlocks and dying user VMs: the cell says what happened and the next cell runs. */
class UserVmRecoveryTest extends LiveEngineTest {

    /** Runs a cell that prints a marker before it blocks, interrupts it once it did, returns how it ended. */
    private ExecuteOutcome interruptWhenRunning(String blockingCode) throws Exception {
        String marker = "running " + System.nanoTime();
        CompletableFuture<ExecuteOutcome> cell = CompletableFuture.supplyAsync(
                () -> engine.execute("{ System.out.println(\"" + marker + "\");\n" + blockingCode + "\n}"));
        assertTrue(out.await(() -> out.stdout().contains(marker), 30_000), "the cell did not start");
        engine.interrupt();
        return cell.get(60, TimeUnit.SECONDS);
    }

    private long userVmPid() {
        return Long.parseLong(text("ProcessHandle.current().pid()"));
    }

    private String text(String code) {
        Ok ok = assertInstanceOf(Ok.class, engine.execute(code), code);
        return (String) ok.result().orElseThrow().data().get("text/plain");
    }

    @Test
    void interruptStopsABusyLoopAndKeepsState() throws Exception {
        engine.execute("int kept = 42;");
        Failed f = assertInstanceOf(Failed.class, interruptWhenRunning("while (true) { }"));
        assertEquals("Interrupted", f.ename());
        String traceback = JShellEngineTest.stripAnsi(String.join("\n", f.traceback()));
        assertTrue(traceback.contains("at line 2: while (true) { }"), traceback);
        assertEquals("42", text("kept"));
    }

    @Test
    void interruptStopsAnEndlessPrintLoop() throws Exception {
        CompletableFuture<ExecuteOutcome> cell = CompletableFuture.supplyAsync(
                () -> engine.execute("while (true) System.out.println(\"flood\");"));
        assertTrue(out.await(() -> out.stdout().length() >= UserVmOptions.DEFAULT_OUTPUT_LIMIT, 60_000));
        engine.interrupt();
        Failed f = assertInstanceOf(Failed.class, cell.get(60, TimeUnit.SECONDS));
        assertEquals("Interrupted", f.ename());
        assertTrue(out.stderr().contains("output limit"), "the flood was capped: " + out.stderr());
        assertEquals("3", text("1 + 2"));
    }

    @Test
    void interruptWakesASleepingOrWaitingCell() throws Exception {
        assertEquals("Interrupted", ((Failed) interruptWhenRunning("Thread.sleep(600_000);")).ename());
        assertEquals("Interrupted", ((Failed) interruptWhenRunning("new CountDownLatch(1).await();")).ename());
    }

    @Test
    void anInterruptedCellNamesTheDeadlockedThreadsItLeavesBehind() throws Exception {
        engine.execute("ReentrantLock first = new ReentrantLock(), second = new ReentrantLock();\n"
                + "void both(Lock a, Lock b, CountDownLatch ready) {\n"
                + "  a.lock();\n  ready.countDown();\n"
                + "  try { ready.await(); } catch (InterruptedException e) { }\n"
                + "  b.lock();\n}");
        Failed f = assertInstanceOf(Failed.class, interruptWhenRunning("""
                CountDownLatch ready = new CountDownLatch(2);
                Thread one = new Thread(() -> both(first, second, ready), "one");
                Thread two = new Thread(() -> both(second, first, ready), "two");
                one.start(); two.start();
                one.join();"""));
        assertEquals("Interrupted", f.ename());
        String traceback = JShellEngineTest.stripAnsi(String.join("\n", f.traceback()));
        assertTrue(traceback.contains("at line 6: one.join();"), traceback);
        assertTrue(traceback.contains("These threads are deadlocked"), traceback);
        assertTrue(traceback.contains("\"one\" (WAITING) waits for ReentrantLock$NonfairSync@"), traceback);
        assertTrue(traceback.contains("at both, line 6 of an earlier cell: b.lock();"), traceback);
    }

    @Test
    void aDeadlockedCellIsReportedAndTheUserVmReplaced() throws Exception {
        long before = userVmPid();
        engine.execute("Object left = new Object(), right = new Object();");
        Failed f = assertInstanceOf(Failed.class, interruptWhenRunning("""
                CountDownLatch both = new CountDownLatch(2);
                Thread other = new Thread(() -> {
                    synchronized (right) {
                        both.countDown();
                        try { both.await(); } catch (InterruptedException e) { }
                        synchronized (left) { }
                    }
                }, "other");
                other.start();
                synchronized (left) {
                    both.countDown();
                    both.await();
                    synchronized (right) { }
                }"""));
        assertEquals("Deadlock", f.ename());
        assertTrue(out.displays().stream().anyMatch(d -> d.bundle().data().containsKey("image/png")
                && String.valueOf(d.bundle().data().get("text/plain")).contains("deadlock cycle")),
                "the deadlock is drawn too: " + out.displays());
        String traceback = JShellEngineTest.stripAnsi(String.join("\n", f.traceback()));
        assertTrue(traceback.contains("\"other\" (BLOCKED) waits for Object@"), traceback);
        assertTrue(traceback.contains("\"main\" (BLOCKED) waits for Object@"), traceback);
        assertTrue(traceback.contains("held by \"other\""), traceback);
        assertTrue(traceback.contains("line 14: synchronized (right) { }"), traceback);
        assertTrue(traceback.contains("The kernel replaced the user VM"), traceback);
        assertTrue(traceback.contains("State was reset"), traceback);
        assertEquals("[1]", text("new ArrayList<>(List.of(1))"), "a fresh VM with the preloaded imports");
        assertNotEquals(before, userVmPid());
    }

    @Test
    void systemExitIsReportedAndTheNextCellRunsInAFreshVm() {
        long before = userVmPid();
        Failed f = assertInstanceOf(Failed.class, engine.execute("System.out.println(\"bye\"); System.exit(3);"));
        assertEquals("SystemExit", f.ename());
        assertTrue(f.evalue().contains("System.exit(3)"), f.evalue());
        assertTrue(out.stdout().contains("bye"), "output printed just before the exit arrives");
        assertEquals("[1]", text("new ArrayList<>(List.of(1))"));
        assertNotEquals(before, userVmPid());
    }

    @Test
    void haltAndAKillFromOutsideAreReportedToo() throws Exception {
        Failed halted = assertInstanceOf(Failed.class, engine.execute("Runtime.getRuntime().halt(5);"));
        assertTrue(halted.evalue().contains("exited with code 5"), halted.evalue());

        long pid = userVmPid();
        ProcessHandle.of(pid).orElseThrow().destroyForcibly();
        assertTrue(out.await(() -> out.stderr().contains("killed by signal 9"), 30_000), out.stderr());
        assertEquals("3", text("1 + 2"));
    }

    @Test
    void outputBeyondTheCellLimitIsDroppedWithANote() {
        engine.execute("for (int i = 0; i < 1_000_000; i++) System.out.println(\"line \" + i);");
        assertTrue(out.stdout().length() <= UserVmOptions.DEFAULT_OUTPUT_LIMIT, "kept " + out.stdout().length());
        assertTrue(out.stdout().startsWith("line 0\n"));
        assertTrue(out.stderr().contains("output limit of 1.0 MB per cell reached"), out.stderr());
        assertTrue(out.calls().size() < 400, "messages: " + out.calls().size());
        assertEquals("3", text("1 + 2"), "the kernel stays responsive");

        out.reset();
        engine.execute("System.out.print(\"x\".repeat(100_000_000));");
        assertEquals(UserVmOptions.DEFAULT_OUTPUT_LIMIT, out.stdout().length());
        assertTrue(out.stderr().contains("MB more were dropped"), out.stderr());
    }

    @Test
    void deepRecursionGivesAShortTraceback() {
        engine.execute("int down(int n) {\n  return down(n + 1) + 1;\n}");
        Failed f = assertInstanceOf(Failed.class, engine.execute("down(0)"));
        assertEquals("java.lang.StackOverflowError", f.ename());
        assertTrue(f.traceback().size() < 8, String.join("\n", f.traceback()));
        assertTrue(String.join("\n", f.traceback()).contains("[the line above repeats"), f.traceback().toString());
        assertEquals("3", text("1 + 2"));
    }
}
