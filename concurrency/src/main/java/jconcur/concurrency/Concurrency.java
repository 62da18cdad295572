package jconcur.concurrency;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Static entry points of the helper package, preloaded in every notebook
 * ({@code import static jconcur.concurrency.Concurrency.*}).
 *
 * <ul>
 *   <li>timing: {@link #time(Callable)}, {@link #measure(Callable)};</li>
 *   <li>speedup sweeps: {@link #sweep(Callable, Sweep.OnExecutor)}, {@link #sweepForkJoin},
 *       {@link #sweepWorkers} (use {@link Sweep} directly for options);</li>
 *   <li>comparisons of variants: {@link #compare(Variant...)} with {@link #variant(String, Callable)};</li>
 *   <li>Amdahl's law: {@link #amdahlSpeedup}, {@link #karpFlatt}, {@link #amdahlFit};</li>
 *   <li>hazards: {@link #namedLock}, {@link #runActors}, {@link #runVirtualActors}, {@link #lostUpdates},
 *       {@link #virtualThreadsPinInSynchronized};</li>
 *   <li>pictures of what threads did: {@link #timeline(ThrowingRunnable)}, {@link #pool(int)},
 *       {@link #virtualPool()}, {@link #task(String, Callable)}, {@link #span(String, ThrowingRunnable)};</li>
 *   <li>processes: {@link #childProgram(String)};</li>
 *   <li>splitting work: {@link #ranges(long, long, int)}, {@link #chunks(List, int)}; {@link #pause(long)};</li>
 *   <li>sizing from the machine: {@link #workPerCore()}, {@link #costOf}, {@link #problemSize};</li>
 *   <li>checks of claims: {@link #expect}, {@link #require}.</li>
 * </ul>
 * Every timed result goes through {@link Sink#consume(Object)}, so the JIT cannot remove the work.
 */
public final class Concurrency {

    private Concurrency() {
    }

    // ---------------------------------------------------------------- timing

    /**
     * Runs a task once and times it: {@code time(() -> countPrimes(1_000_000))}.
     *
     * @param task the task; its result is kept (see {@link Sink})
     * @param <T>  the result type
     * @return the result and the elapsed time
     * @throws TaskFailedException when the task throws
     */
    public static <T> Timed<T> time(Callable<T> task) {
        return Stopwatch.once(task, "time");
    }

    /**
     * Runs a task without a result once and times it: {@code time(() -> { Thread.sleep(100); })}.
     *
     * @param task the task
     * @return the elapsed time (the value is null)
     * @throws TaskFailedException when the task throws
     */
    public static Timed<Void> time(ThrowingRunnable task) {
        return Stopwatch.once(Stopwatch.callable(task), "time");
    }

    /**
     * Measures a task: 1 warm-up run, then 5 measured runs.
     *
     * @param task the task; results are kept (see {@link Sink})
     * @return median, min, max, MAD, mean, sd and warnings
     */
    public static Measurement measure(Callable<?> task) {
        return measure(1, 5, task);
    }

    /**
     * Measures a task without a result: 1 warm-up run, then 5 measured runs.
     *
     * @param task the task
     * @return median, min, max, MAD, mean, sd and warnings
     */
    public static Measurement measure(ThrowingRunnable task) {
        return measure(1, 5, Stopwatch.callable(task));
    }

    /**
     * Measures a task with the given numbers of warm-up and measured runs.
     *
     * @param warmups unmeasured runs first (0 or more)
     * @param repeats measured runs (at least 1)
     * @param task    the task; results are kept (see {@link Sink})
     * @return median, min, max, MAD, mean, sd and warnings
     */
    public static Measurement measure(int warmups, int repeats, Callable<?> task) {
        if (warmups < 0 || repeats < 1) {
            throw new IllegalArgumentException("need warmups >= 0 and repeats >= 1, got " + warmups + " and " + repeats);
        }
        for (int i = 1; i <= warmups; i++) {
            Progress.update("measure: warm-up " + i + "/" + warmups);
            Stopwatch.once(task, "measure, warm-up " + i + "/" + warmups);
        }
        List<Double> seconds = new java.util.ArrayList<>();
        try {
            for (int i = 1; i <= repeats; i++) {
                Progress.update("measure: run " + i + "/" + repeats);
                seconds.add(Stopwatch.once(task, "measure, run " + i + "/" + repeats).seconds());
            }
        } finally {
            Progress.done();
        }
        return Measurement.of(warmups, seconds);
    }

    /**
     * Measures a task without a result with the given numbers of warm-up and measured runs.
     *
     * @param warmups unmeasured runs first (0 or more)
     * @param repeats measured runs (at least 1)
     * @param task    the task
     * @return median, min, max, MAD, mean, sd and warnings
     */
    public static Measurement measure(int warmups, int repeats, ThrowingRunnable task) {
        return measure(warmups, repeats, Stopwatch.callable(task));
    }

    // ---------------------------------------------------------------- sweeps

    /**
     * Sweeps a task over the default worker counts ({@link #workerCounts()}), each run on a fresh fixed
     * pool of n threads, with 1 warm-up and 3 repeats; every result is checked equal to the sequential one.
     * <pre>{@code
     * var r = sweep(() -> primesSeq(nums), pool -> primesPar(pool, nums));
     * }</pre>
     * For other worker counts, repeats, a label or another result check, use
     * {@code Sweep.onExecutor(seq, par).workers(1, 2, 4, 8).repeats(5).label("primes").run()}.
     *
     * @param sequential the sequential version (baseline and reference result), or null
     * @param parallel   the parallel version, given a fresh pool of n threads
     * @param <T>        the result type
     * @return times, speedups, efficiencies, Karp-Flatt and the Amdahl fit
     */
    public static <T> SweepResult<T> sweep(Callable<T> sequential, Sweep.OnExecutor<T> parallel) {
        return Sweep.onExecutor(sequential, parallel).run();
    }

    /**
     * Like {@link #sweep(Callable, Sweep.OnExecutor)} with a label for progress, tables and charts.
     *
     * @param label      e.g. "prime check"
     * @param sequential the sequential version, or null
     * @param parallel   the parallel version, given a fresh pool of n threads
     * @param <T>        the result type
     * @return the sweep's figures
     */
    public static <T> SweepResult<T> sweep(String label, Callable<T> sequential, Sweep.OnExecutor<T> parallel) {
        return Sweep.onExecutor(sequential, parallel).label(label).run();
    }

    /**
     * Sweeps a task whose parallel version runs on a fresh {@code ForkJoinPool} of parallelism n
     * (e.g. {@code pool.invoke(task)} or {@code pool.submit(() -> stream.parallel()...).get()}).
     *
     * @param sequential the sequential version, or null
     * @param parallel   the parallel version, given the pool
     * @param <T>        the result type
     * @return the sweep's figures
     */
    public static <T> SweepResult<T> sweepForkJoin(Callable<T> sequential, Sweep.OnForkJoin<T> parallel) {
        return Sweep.onForkJoin(sequential, parallel).run();
    }

    /**
     * Sweeps a task whose parallel version receives the worker count n and makes its own threads, virtual
     * threads or processes (their start-up counts in the measured time).
     *
     * @param sequential the sequential version, or null
     * @param parallel   the parallel version, given n
     * @param <T>        the result type
     * @return the sweep's figures
     */
    public static <T> SweepResult<T> sweepWorkers(Callable<T> sequential, Sweep.OnWorkers<T> parallel) {
        return Sweep.onWorkers(sequential, parallel).run();
    }

    /**
     * The default worker counts of sweeps: 1, 2, 4, ... up to twice the available processors.
     *
     * @return the counts in increasing order
     */
    public static List<Integer> workerCounts() {
        return Sweep.defaultWorkerCounts();
    }

    /**
     * The number of processors the JVM may use.
     *
     * @return {@code Runtime.getRuntime().availableProcessors()}
     */
    public static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    // ---------------------------------------------------------------- comparisons

    /**
     * Names one variant for {@link #compare(Variant...)}.
     *
     * @param name e.g. "virtual threads"
     * @param task computes the result
     * @param <T>  the result type
     * @return the variant
     */
    public static <T> Variant<T> variant(String name, Callable<T> task) {
        return new Variant<>(name, task);
    }

    /**
     * Compares variants of one task: 1 warm-up round, 5 measured rounds in rotated order, every result
     * checked equal to the first variant's; speedups are relative to the first variant.
     * <pre>{@code
     * compare(variant("sequential", () -> seq()), variant("threads", () -> threads()),
     *         variant("virtual threads", () -> virt()))
     * }</pre>
     *
     * @param variants the variants (distinct names)
     * @param <T>      the result type
     * @return the comparison
     */
    @SafeVarargs
    public static <T> Comparison<T> compare(Variant<T>... variants) {
        return Comparison.run("", 1, 5, ResultCheck.EQUAL, List.of(variants));
    }

    /**
     * Like {@link #compare(Variant...)} with a label.
     *
     * @param label    a title for tables and charts
     * @param variants the variants
     * @param <T>      the result type
     * @return the comparison
     */
    @SafeVarargs
    public static <T> Comparison<T> compare(String label, Variant<T>... variants) {
        return Comparison.run(label, 1, 5, ResultCheck.EQUAL, List.of(variants));
    }

    /**
     * Like {@link #compare(Variant...)} with explicit warm-up and repeat counts.
     *
     * @param warmups  unmeasured rounds
     * @param repeats  measured rounds
     * @param variants the variants
     * @param <T>      the result type
     * @return the comparison
     */
    @SafeVarargs
    public static <T> Comparison<T> compare(int warmups, int repeats, Variant<T>... variants) {
        return Comparison.run("", warmups, repeats, ResultCheck.EQUAL, List.of(variants));
    }

    // ---------------------------------------------------------------- Amdahl's law

    /**
     * Amdahl's law: 1 / (B + (1 - B)/n).
     *
     * @param serialFraction B between 0 and 1
     * @param workers        n
     * @return the predicted speedup
     */
    public static double amdahlSpeedup(double serialFraction, double workers) {
        return Amdahl.speedup(serialFraction, workers);
    }

    /**
     * The Karp-Flatt serial fraction of a measured speedup: (1/S - 1/n)/(1 - 1/n).
     *
     * @param speedup measured S
     * @param workers n (NaN for n = 1)
     * @return the implied serial fraction
     */
    public static double karpFlatt(double speedup, int workers) {
        return Amdahl.karpFlatt(speedup, workers);
    }

    /**
     * Least-squares fit of Amdahl's law to measured speedups (see {@link Amdahl#fit}).
     *
     * @param workers  worker counts
     * @param speedups speedups, one per count
     * @return serial fraction B and predicted maximum speedup 1/B
     */
    public static AmdahlFit amdahlFit(int[] workers, double[] speedups) {
        return Amdahl.fit(workers, speedups);
    }

    /**
     * Keeps a value observable so the JIT cannot delete the computation behind it (see {@link Sink}).
     *
     * @param value any value
     */
    public static void consume(Object value) {
        Sink.consume(value);
    }

    // ---------------------------------------------------------------- hazards

    /**
     * A named lock for deadlock demos (a ReentrantLock whose {@code lock()} gives up on interrupt; see
     * {@link NamedLock}). Deadlocks on named locks are found for platform and virtual threads.
     *
     * @param name e.g. "L1"
     * @return a new lock
     */
    public static NamedLock namedLock(String name) {
        return new NamedLock(name);
    }

    /**
     * Runs actors on platform threads named T1, T2, ... and reports a deadlock, a time-out or normal
     * completion, within {@code timeout} plus at most 0.5 s of clean-up (see {@link Actors}).
     *
     * @param timeout how long the actors may run
     * @param actors  what each thread does
     * @return the report (cycle, thread states, locks, top frames)
     */
    public static DeadlockReport runActors(Duration timeout, Runnable... actors) {
        return numbered(Actors.platformThreads(), actors).timeout(timeout).run();
    }

    /**
     * Like {@link #runActors} on virtual threads named T1, T2, ... (deadlocks are found through
     * {@link #namedLock named locks} only).
     *
     * @param timeout how long the actors may run
     * @param actors  what each thread does
     * @return the report
     */
    public static DeadlockReport runVirtualActors(Duration timeout, Runnable... actors) {
        return numbered(Actors.virtualThreads(), actors).timeout(timeout).run();
    }

    /**
     * Whether a virtual thread blocked in (or waiting inside) {@code synchronized} pins its carrier on this JDK:
     * true before JDK 24 (see {@link VirtualThreadPinning}, whose {@code describe()} says it in a sentence).
     *
     * @return true on JDK 21 to 23
     */
    public static boolean virtualThreadsPinInSynchronized() {
        return VirtualThreadPinning.pinsInSynchronized();
    }

    private static Actors numbered(Actors runner, Runnable... actors) {
        for (int i = 0; i < actors.length; i++) {
            runner.add("T" + (i + 1), actors[i]);
        }
        return runner;
    }

    /**
     * Counts lost updates: in each trial, {@code threads} platform threads start together and each
     * increments one fresh shared counter {@code incrementsPerThread} times. Stops after 60 s at most.
     * <pre>{@code
     * lostUpdates(20, 4, 1_000_000, Counters::volatileField)   // loses updates
     * lostUpdates(20, 4, 1_000_000, Counters::atomic)          // never
     * }</pre>
     *
     * @param trials              how many trials
     * @param threads             threads per trial
     * @param incrementsPerThread increments per thread
     * @param counterFactory      makes a fresh counter per trial (see {@link Counters})
     * @return expected vs observed counts (min, median, max) and the share of trials that lost updates
     */
    public static RaceReport lostUpdates(int trials, int threads, long incrementsPerThread,
                                         Supplier<? extends Counter> counterFactory) {
        return Races.lostUpdates(trials, threads, incrementsPerThread, counterFactory, Duration.ofSeconds(60));
    }

    /**
     * Like {@link #lostUpdates(int, int, long, Supplier)} with a time limit: trials stop when it passes
     * (a trial still running is interrupted and abandoned) and the report says so.
     *
     * @param trials              how many trials
     * @param threads             threads per trial
     * @param incrementsPerThread increments per thread
     * @param counterFactory      makes a fresh counter per trial
     * @param limit               the time limit for all trials
     * @return the report
     */
    public static RaceReport lostUpdates(int trials, int threads, long incrementsPerThread,
                                         Supplier<? extends Counter> counterFactory, Duration limit) {
        return Races.lostUpdates(trials, threads, incrementsPerThread, counterFactory, limit);
    }

    /**
     * Sleeps without a checked exception, for actors and demos. If the thread is interrupted, the
     * interrupt flag stays set and a {@link CancellationException} ends the actor.
     *
     * @param millis how long to sleep
     */
    public static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException(Thread.currentThread().getName() + " was interrupted while pausing");
        }
    }

    // ---------------------------------------------------------------- timelines

    /**
     * Runs a block and records which thread ran which task when: every task given to a pool made inside it
     * by {@link #pool(int)} or {@link #virtualPool()}, every {@link #task(String, Callable) task(...)} and
     * {@link #span(String, ThrowingRunnable) span(...)}, every actor of {@link #runActors}, and waits for
     * {@link #namedLock named locks}. Show the result as a cell's last value to see the picture.
     * <pre>{@code
     * timeline(() -> {
     *     try (var pool = pool(4)) {
     *         for (long n : numbers) pool.submit(task("prime " + n, () -> isPrime(n)));
     *     }
     * })
     * }</pre>
     *
     * @param body the code to record (wait for its tasks inside it: tasks still running at the end are cut)
     * @return the timeline
     * @throws TaskFailedException when the block throws
     */
    public static Timeline timeline(ThrowingRunnable body) {
        return timeline("", body);
    }

    /**
     * Like {@link #timeline(ThrowingRunnable)} with a title for the picture.
     *
     * @param label e.g. "16 primes, static split"
     * @param body  the code to record
     * @return the timeline
     * @throws TaskFailedException when the block throws
     */
    public static Timeline timeline(String label, ThrowingRunnable body) {
        TimelineRecorder recorder = TimelineRecorder.start(label);
        try {
            recorder.runActive(body);
        } catch (Exception e) {
            throw new TaskFailedException("timeline" + (label == null || label.isBlank() ? "" : " '" + label + "'"), e);
        }
        return recorder.finish();
    }

    /**
     * A fixed pool of n platform threads (daemon, named worker-1, worker-2, ...); inside a
     * {@link #timeline(ThrowingRunnable) timeline} block its tasks are recorded. Close it (try-with-resources)
     * to wait for its tasks.
     *
     * @param threads n, at least 1
     * @return the pool
     */
    public static ExecutorService pool(int threads) {
        return recordedIfTimeline(Executors.newFixedThreadPool(threads, Sweep.daemonThreads("worker-")));
    }

    /**
     * An executor that starts one virtual thread per task (named virtual-1, virtual-2, ...); inside a
     * {@link #timeline(ThrowingRunnable) timeline} block its tasks are recorded.
     *
     * @return the executor
     */
    public static ExecutorService virtualPool() {
        return recordedIfTimeline(Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("virtual-", 1).factory()));
    }

    private static ExecutorService recordedIfTimeline(ExecutorService pool) {
        TimelineRecorder recorder = TimelineRecorder.current();
        return recorder == null ? pool : recorder.wrap(pool);
    }

    /**
     * Names a task for the timeline: inside a {@link #timeline(ThrowingRunnable) timeline} block, each run of
     * it is recorded under this name on whatever thread or pool runs it; outside, the task itself is returned.
     *
     * @param name e.g. "prime 1000000007"
     * @param task the task
     * @param <T>  the result type
     * @return the recording task (or {@code task})
     */
    public static <T> Callable<T> task(String name, Callable<T> task) {
        TimelineRecorder recorder = TimelineRecorder.current();
        return recorder == null ? task : recorder.wrap(name, task);
    }

    /**
     * Names a task without a result for the timeline (see {@link #task(String, Callable)}).
     *
     * @param name e.g. "writer 1"
     * @param task the task
     * @return the recording task (or {@code task})
     */
    public static Runnable task(String name, Runnable task) {
        TimelineRecorder recorder = TimelineRecorder.current();
        return recorder == null ? task : recorder.wrap(name, task);
    }

    /**
     * Runs code now on this thread and, inside a timeline, records it as a span (spans may nest), e.g. the
     * steps of an event loop: {@code span("download 3", () -> step())}.
     *
     * @param name what the span is called
     * @param body the code
     * @param <T>  the result type
     * @return what the code returned
     * @throws TaskFailedException when the code throws a checked exception
     */
    public static <T> T span(String name, Callable<T> body) {
        TimelineRecorder recorder = TimelineRecorder.current();
        try {
            return recorder == null ? body.call() : recorder.call(name, body);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new TaskFailedException("span '" + name + "'", e);
        }
    }

    /**
     * Like {@link #span(String, Callable)} for code without a result.
     *
     * @param name what the span is called
     * @param body the code
     * @throws TaskFailedException when the code throws a checked exception
     */
    public static void span(String name, ThrowingRunnable body) {
        span(name, Stopwatch.callable(body));
    }

    // ---------------------------------------------------------------- processes and splitting work

    /**
     * Compiles a Java program (source text) to run in child JVMs: see {@link ChildProgram}.
     *
     * @param source one compilation unit whose first class has a main method
     * @return the compiled program; {@code run(args...)} or {@code runAll(argLists)}
     */
    public static ChildProgram childProgram(String source) {
        return ChildProgram.compile(source);
    }

    /**
     * Splits [from, to) into {@code parts} contiguous spans of (nearly) equal size, e.g. one per worker.
     *
     * @param from  first value
     * @param to    end (exclusive)
     * @param parts how many spans (at least 1)
     * @return the spans in order; empty spans are possible when there are fewer values than parts
     */
    public static List<Span> ranges(long from, long to, int parts) {
        if (parts < 1 || to < from) {
            throw new IllegalArgumentException("need parts >= 1 and from <= to, got " + parts + " parts of [" + from
                    + ", " + to + ")");
        }
        List<Span> spans = new ArrayList<>(parts);
        long size = to - from;
        for (int i = 0; i < parts; i++) {
            spans.add(new Span(from + size * i / parts, from + size * (i + 1) / parts));
        }
        return spans;
    }

    /**
     * Splits a list into {@code parts} contiguous sublists of (nearly) equal size.
     *
     * @param items the list
     * @param parts how many chunks (at least 1)
     * @param <T>   the element type
     * @return views of the list, in order
     */
    public static <T> List<List<T>> chunks(List<T> items, int parts) {
        if (parts < 1) {
            throw new IllegalArgumentException("need at least 1 part, got " + parts);
        }
        List<List<T>> chunks = new ArrayList<>(parts);
        int size = items.size();
        for (int i = 0; i < parts; i++) {
            chunks.add(items.subList((int) ((long) size * i / parts), (int) ((long) size * (i + 1) / parts)));
        }
        return chunks;
    }

    // ---------------------------------------------------------------- sizing and checks

    /**
     * The CPU time each core gets at workers = cores in a machine-sized problem (see {@link Sizing}).
     *
     * @return 300 ms, or {@code -Djconcur.workPerCore=MILLIS}
     */
    public static Duration workPerCore() {
        return Sizing.workPerCore();
    }

    /**
     * The median time of a sample task after warm-up runs (see {@link Sizing#costOf}).
     *
     * @param sample a small representative piece of the work
     * @return its typical run time
     */
    public static Duration costOf(Callable<?> sample) {
        return Sizing.costOf(sample);
    }

    /**
     * How many units of work give every core {@link #workPerCore()} of work and at least
     * {@code minUnitsPerCore} units: {@code problemSize(costOf(() -> work(1_000_000)), 1_000_000, 4)}.
     *
     * @param sampleCost      the time of {@code sampleUnits} units
     * @param sampleUnits     how many units the sample did
     * @param minUnitsPerCore the least number of units (tasks) per core
     * @return the number of units for this machine
     */
    public static long problemSize(Duration sampleCost, long sampleUnits, long minUnitsPerCore) {
        return Sizing.problemSize(sampleCost, sampleUnits, minUnitsPerCore);
    }

    /**
     * Checks a computed value and prints "ok: what = value" (see {@link Checks#expect}).
     *
     * @param what     what was computed
     * @param expected the value it must have
     * @param actual   the value it has
     * @throws AssertionError when they differ
     */
    public static void expect(String what, Object expected, Object actual) {
        Checks.expect(what, expected, actual);
    }

    /**
     * Checks a claim and prints "ok: what" (see {@link Checks#require}).
     *
     * @param condition the claim, evaluated
     * @param what      the claim in words
     * @throws AssertionError when it is false
     */
    public static void require(boolean condition, String what) {
        Checks.require(condition, what);
    }
}
