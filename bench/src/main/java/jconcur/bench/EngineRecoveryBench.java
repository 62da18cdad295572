package jconcur.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import jconcur.kernel.engine.ExecuteOutcome;
import jconcur.kernel.engine.JShellEngine;

/**
 * How fast the engine recovers: interrupt of a busy loop and of a sleeping cell (interrupt -> cell returns),
 * a deadlocked cell (interrupt -> report, VM replaced), System.exit, and the first cell after each (fresh VM).
 * <pre>
 * java -cp bench/target/classes:kernel/target/jconcur-kernel.jar jconcur.bench.EngineRecoveryBench [--runs 5]
 * </pre>
 */
public final class EngineRecoveryBench {

    private static final String DEADLOCK = """
            Object left = new Object(), right = new Object();
            CountDownLatch both = new CountDownLatch(2);
            new Thread(() -> { synchronized (right) { both.countDown();
                try { both.await(); } catch (InterruptedException e) { } synchronized (left) { } } }).start();
            synchronized (left) { both.countDown(); both.await(); synchronized (right) { } }""";

    private EngineRecoveryBench() {}

    public static void main(String[] args) throws Exception {
        int runs = args.length == 2 && args[0].equals("--runs") ? Integer.parseInt(args[1]) : 5;
        MarkerOutput output = new MarkerOutput();
        long bootStart = System.nanoTime();
        JShellEngine engine = JShellEngine.start(output, null);
        check(engine.execute("1 + 1"), "Ok");
        report("start -> first cell done (boot, preload)", List.of(millisSince(bootStart)));
        try {
            report("interrupt while (true) {} -> cell returned", interrupts(engine, output, "while (true) { }", runs, "Interrupted"));
            report("interrupt Thread.sleep -> cell returned", interrupts(engine, output, "Thread.sleep(600_000);", runs, "Interrupted"));
            List<Double> deadlocks = new ArrayList<>();
            List<Double> after = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                deadlocks.add(interrupt(engine, output, DEADLOCK, "Deadlock"));
                after.add(timed(() -> check(engine.execute("1 + 1"), "Ok")));
            }
            report("interrupt deadlocked cell -> report (VM replaced)", deadlocks);
            report("  then next cell (fresh VM boot)", after);
            List<Double> exits = new ArrayList<>();
            List<Double> afterExit = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                exits.add(timed(() -> check(engine.execute("System.exit(3);"), "SystemExit")));
                afterExit.add(timed(() -> check(engine.execute("1 + 1"), "Ok")));
            }
            report("System.exit(3) cell -> reported", exits);
            report("  then next cell (fresh VM boot)", afterExit);
        } finally {
            engine.close();
        }
    }

    private static List<Double> interrupts(JShellEngine engine, MarkerOutput output, String code, int runs, String ename)
            throws Exception {
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            times.add(interrupt(engine, output, code, ename));
        }
        return times;
    }

    /** Runs code after printing a marker, interrupts once the marker arrived, returns interrupt -> return ms. */
    private static double interrupt(JShellEngine engine, MarkerOutput output, String code, String ename) throws Exception {
        CountDownLatch started = output.expect("started");
        CompletableFuture<ExecuteOutcome> cell = CompletableFuture.supplyAsync(
                () -> engine.execute("{ System.out.println(\"started\");\n" + code + "\n}"));
        if (!started.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the cell did not start");
        }
        long start = System.nanoTime();
        engine.interrupt();
        ExecuteOutcome outcome = cell.get(60, TimeUnit.SECONDS);
        double ms = millisSince(start);
        check(outcome, ename);
        return ms;
    }

    private static void check(ExecuteOutcome outcome, String expected) {
        String got = outcome instanceof ExecuteOutcome.Failed f ? f.ename() : "Ok";
        if (!got.equals(expected)) {
            throw new IllegalStateException("expected " + expected + " but got " + outcome);
        }
    }

    private static double timed(Runnable action) {
        long start = System.nanoTime();
        action.run();
        return millisSince(start);
    }

    private static double millisSince(long start) {
        return (System.nanoTime() - start) / 1e6;
    }

    private static void report(String what, List<Double> millis) {
        List<Double> sorted = millis.stream().sorted().toList();
        System.out.printf(Locale.ROOT, "%-52s median %7.0f ms  max %7.0f ms  (n=%d)%n", what,
                sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1), sorted.size());
    }

    /** Counts down a latch when a marker line is printed. */
    private static final class MarkerOutput extends SilentOutput {
        private volatile String marker = "";
        private volatile CountDownLatch seen = new CountDownLatch(0);

        CountDownLatch expect(String line) {
            seen = new CountDownLatch(1);
            marker = line;
            return seen;
        }

        @Override
        public void stream(Stream stream, String text) {
            if (text.contains(marker)) {
                seen.countDown();
            }
        }

    }
}
