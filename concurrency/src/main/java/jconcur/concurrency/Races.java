package jconcur.concurrency;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/** Runs lost-update trials: several threads increment one shared counter, started together by a latch. */
final class Races {

    private static final long CHUNK = 1 << 16;

    private Races() {
    }

    static RaceReport lostUpdates(int trials, int threads, long incrementsPerThread, Supplier<? extends Counter> counters,
                                  Duration limit) {
        if (trials < 1 || threads < 1 || incrementsPerThread < 1) {
            throw new IllegalArgumentException("trials, threads and increments must be at least 1, got " + trials
                    + ", " + threads + ", " + incrementsPerThread);
        }
        long begin = System.nanoTime();
        long deadline = begin + limit.toNanos();
        List<Long> observed = new ArrayList<>();
        String name = null;
        String note = null;
        try {
            for (int trial = 1; trial <= trials; trial++) {
                Progress.update("lost updates: trial " + trial + "/" + trials);
                Counter counter = counters.get();
                name = String.valueOf(counter);
                Long result = runTrial(counter, threads, incrementsPerThread, deadline, "lost updates, trial " + trial);
                if (result == null) {
                    note = "stopped during trial " + trial + " of " + trials + ": the time limit of "
                            + TimeFormat.duration(limit) + " passed (its threads were interrupted and abandoned)";
                    break;
                }
                observed.add(result);
                if (System.nanoTime() > deadline && trial < trials) {
                    note = "stopped after " + trial + " of " + trials + " trials: the time limit of "
                            + TimeFormat.duration(limit) + " passed";
                    break;
                }
            }
        } finally {
            Progress.done();
        }
        return new RaceReport(name, threads, incrementsPerThread, threads * incrementsPerThread, observed,
                Duration.ofNanos(System.nanoTime() - begin), note);
    }

    /** The final count, or null when the threads did not finish before the deadline. */
    private static Long runTrial(Counter counter, int threads, long increments, long deadline, String where) {
        CountDownLatch start = new CountDownLatch(1);
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        List<Thread> workers = new ArrayList<>(threads);
        for (int i = 0; i < threads; i++) {
            Thread worker = Thread.ofPlatform().name("racer-" + (i + 1)).daemon(true).unstarted(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                // Check for interruption only between chunks, so the inner loop is what the JIT sees in a
                // plain hand-written race demo.
                try {
                    for (long done = 0; done < increments && !Thread.currentThread().isInterrupted(); ) {
                        long chunk = Math.min(CHUNK, increments - done);
                        for (long k = 0; k < chunk; k++) {
                            counter.increment();
                        }
                        done += chunk;
                    }
                } catch (RuntimeException e) {
                    if (!Thread.currentThread().isInterrupted()) {
                        failure.compareAndSet(null, e);
                    }
                }
            });
            workers.add(worker);
            worker.start();
        }
        start.countDown();
        try {
            for (Thread worker : workers) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !worker.join(Duration.ofNanos(left))) {
                    workers.forEach(Thread::interrupt);
                    return null;
                }
            }
        } catch (InterruptedException e) {
            workers.forEach(Thread::interrupt);
            Thread.currentThread().interrupt();
            return null;
        }
        if (failure.get() != null) {
            throw new TaskFailedException(where, failure.get());
        }
        return counter.get();
    }
}
