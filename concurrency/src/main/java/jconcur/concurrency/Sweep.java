package jconcur.concurrency;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A speedup experiment: one task run sequentially and in parallel over several worker counts.
 *
 * <p>Start from one of {@link #onExecutor}, {@link #onForkJoin} or {@link #onWorkers}, configure, then
 * {@link #run()}:
 * <pre>{@code
 * SweepResult<Long> r = Sweep.onExecutor(() -> countPrimes(lo, hi), pool -> countPrimes(pool, lo, hi))
 *         .label("primes").workers(1, 2, 4, 8).repeats(5).run();
 * }</pre>
 * How it measures:
 * <ul>
 *   <li>every run gets a <b>fresh pool</b> of exactly n workers (never {@code ForkJoinPool.commonPool()}),
 *       built before the clock starts and shut down after it stops; building it is timed separately
 *       ("pool start"): for executors this includes starting all n threads;</li>
 *   <li>first {@code warmups} rounds of every configuration (sequential and each count), then
 *       {@code repeats} measured rounds whose order is <b>rotated</b> by one each round; each measured run
 *       starts once the JVM has gone quiet (see {@code Quiescence}), so work left by the previous run or by a live
 *       chart is not charged to it;</li>
 *   <li>every result, warm-up included, is <b>checked</b> against the first sequential result
 *       ({@link ResultCheck#EQUAL} unless you choose another check); a difference throws a
 *       {@link ResultMismatchException} naming the run and the first differing element;</li>
 *   <li>progress goes to {@link Progress} ("primes: workers 4, repeat 2/5 (run 9 of 16)").</li>
 * </ul>
 * Without a sequential task (pass null) the speedup is relative to the smallest worker count.
 *
 * @param <T> the task's result type
 */
public final class Sweep<T> {

    /**
     * A parallel task that runs on the pool it is given (a fixed pool of n platform threads).
     *
     * @param <T> the result type
     */
    @FunctionalInterface
    public interface OnExecutor<T> {
        /**
         * Runs the task on the pool and waits for its result.
         *
         * @param pool a fresh fixed pool of n threads; it is shut down after the run
         * @return the result, checked against the sequential one
         * @throws Exception anything; reported with the run that failed
         */
        T run(ExecutorService pool) throws Exception;
    }

    /**
     * A parallel task that runs on a fresh {@link ForkJoinPool} with parallelism n.
     *
     * @param <T> the result type
     */
    @FunctionalInterface
    public interface OnForkJoin<T> {
        /**
         * Runs the task (e.g. {@code pool.invoke(new MyRecursiveTask(...))} or
         * {@code pool.submit(() -> stream.parallel()...).get()}) and returns its result.
         *
         * @param pool a fresh ForkJoinPool of parallelism n; it is shut down after the run
         * @return the result, checked against the sequential one
         * @throws Exception anything; reported with the run that failed
         */
        T run(ForkJoinPool pool) throws Exception;
    }

    /**
     * A parallel task that receives the worker count and creates its own threads, pool, virtual threads or
     * child processes (their start-up is then part of the measured time).
     *
     * @param <T> the result type
     */
    @FunctionalInterface
    public interface OnWorkers<T> {
        /**
         * Runs the task with n workers.
         *
         * @param workers n
         * @return the result, checked against the sequential one
         * @throws Exception anything; reported with the run that failed
         */
        T run(int workers) throws Exception;
    }

    /** How parallel runs get their workers. */
    private interface Strategy<T> {
        String kind();

        RotatingRunner.Run<T> runOnce(int workers) throws Exception;
    }

    private final Callable<T> sequential;
    private final Strategy<T> strategy;
    private List<Integer> workerCounts = defaultWorkerCounts();
    private int warmups = 1;
    private int repeats = 3;
    private String label = "";
    private ResultCheck check = ResultCheck.EQUAL;

    private Sweep(Callable<T> sequential, Strategy<T> strategy) {
        this.sequential = sequential;
        this.strategy = strategy;
    }

    /**
     * A sweep whose parallel version runs on a fresh fixed pool of n platform threads per run.
     *
     * @param sequential the sequential version (the baseline and the reference result), or null
     * @param parallel   the parallel version, given the pool
     * @param <T>        the result type
     * @return the sweep, ready to configure and {@link #run()}
     */
    public static <T> Sweep<T> onExecutor(Callable<T> sequential, OnExecutor<T> parallel) {
        Objects.requireNonNull(parallel, "parallel task");
        return new Sweep<>(sequential, new Strategy<>() {
            @Override
            public String kind() {
                return "fixed thread pool";
            }

            @Override
            public RotatingRunner.Run<T> runOnce(int workers) throws Exception {
                long start = System.nanoTime();
                ThreadPoolExecutor pool = newFixedPool(workers);
                long ready = System.nanoTime();
                try {
                    T value = parallel.run(pool);
                    long end = System.nanoTime();
                    return new RotatingRunner.Run<>(value, (end - ready) / 1e9, (ready - start) / 1e9,
                            leftoverWork(pool, workers));
                } finally {
                    stop(pool);
                }
            }
        });
    }

    /**
     * A sweep whose parallel version runs on a fresh {@link ForkJoinPool} of parallelism n per run.
     *
     * @param sequential the sequential version (the baseline and the reference result), or null
     * @param parallel   the parallel version, given the pool
     * @param <T>        the result type
     * @return the sweep, ready to configure and {@link #run()}
     */
    public static <T> Sweep<T> onForkJoin(Callable<T> sequential, OnForkJoin<T> parallel) {
        Objects.requireNonNull(parallel, "parallel task");
        return new Sweep<>(sequential, new Strategy<>() {
            @Override
            public String kind() {
                return "ForkJoinPool";
            }

            @Override
            public RotatingRunner.Run<T> runOnce(int workers) throws Exception {
                long start = System.nanoTime();
                ForkJoinPool pool = new ForkJoinPool(workers);
                long ready = System.nanoTime();
                try {
                    T value = parallel.run(pool);
                    long end = System.nanoTime();
                    String warning = pool.awaitQuiescence(200, TimeUnit.MILLISECONDS) ? null
                            : "the ForkJoinPool of " + workers + " still had running tasks when the task returned";
                    return new RotatingRunner.Run<>(value, (end - ready) / 1e9, (ready - start) / 1e9, warning);
                } finally {
                    stop(pool);
                }
            }
        });
    }

    /**
     * A sweep whose parallel version receives n and manages its own workers (threads, virtual threads,
     * child processes): no pool start-up is measured separately.
     *
     * @param sequential the sequential version (the baseline and the reference result), or null
     * @param parallel   the parallel version, given the worker count
     * @param <T>        the result type
     * @return the sweep, ready to configure and {@link #run()}
     */
    public static <T> Sweep<T> onWorkers(Callable<T> sequential, OnWorkers<T> parallel) {
        Objects.requireNonNull(parallel, "parallel task");
        return new Sweep<>(sequential, new Strategy<>() {
            @Override
            public String kind() {
                return "task-managed workers";
            }

            @Override
            public RotatingRunner.Run<T> runOnce(int workers) throws Exception {
                long start = System.nanoTime();
                T value = parallel.run(workers);
                return new RotatingRunner.Run<>(value, (System.nanoTime() - start) / 1e9, Double.NaN, null);
            }
        });
    }

    /**
     * The default worker counts: powers of two from 1 up to twice the available processors, plus the
     * processor count and its double when those are not powers of two (2 cores: 1, 2, 4).
     *
     * @return the counts in increasing order
     */
    public static List<Integer> defaultWorkerCounts() {
        int cores = Runtime.getRuntime().availableProcessors();
        TreeSet<Integer> counts = new TreeSet<>();
        for (int n = 1; n <= 2 * cores; n *= 2) {
            counts.add(n);
        }
        counts.add(cores);
        counts.add(2 * cores);
        return List.copyOf(counts);
    }

    /**
     * Sets the worker counts to measure (any order; duplicates dropped; each at least 1).
     *
     * @param counts e.g. {@code 1, 2, 4, 8, 16}
     * @return this sweep
     */
    public Sweep<T> workers(int... counts) {
        return workers(Arrays.stream(counts).boxed().toList());
    }

    /**
     * Sets the worker counts to measure.
     *
     * @param counts e.g. {@code List.of(1, 2, 4, 8)}
     * @return this sweep
     */
    public Sweep<T> workers(List<Integer> counts) {
        if (counts == null || counts.isEmpty()) {
            throw new IllegalArgumentException("give at least one worker count");
        }
        for (Integer n : counts) {
            if (n == null || n < 1) {
                throw new IllegalArgumentException("worker counts must be at least 1, got " + counts);
            }
        }
        this.workerCounts = List.copyOf(new TreeSet<>(counts));
        return this;
    }

    /**
     * Sets the worker counts to the powers of two from 1 up to {@code max} (plus {@code max} itself).
     *
     * @param max the largest worker count
     * @return this sweep
     */
    public Sweep<T> upTo(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("the largest worker count must be at least 1, got " + max);
        }
        List<Integer> counts = new ArrayList<>();
        for (int n = 1; n <= max; n *= 2) {
            counts.add(n);
        }
        counts.add(max);
        return workers(counts);
    }

    /**
     * Sets the number of measured rounds (default 3). Each round runs every configuration once.
     *
     * @param repeats at least 1
     * @return this sweep
     */
    public Sweep<T> repeats(int repeats) {
        if (repeats < 1) {
            throw new IllegalArgumentException("repeats must be at least 1, got " + repeats);
        }
        this.repeats = repeats;
        return this;
    }

    /**
     * Sets the number of unmeasured warm-up rounds (default 1), which let the JIT compile the task.
     *
     * @param warmups 0 or more
     * @return this sweep
     */
    public Sweep<T> warmups(int warmups) {
        if (warmups < 0) {
            throw new IllegalArgumentException("warm-ups cannot be negative, got " + warmups);
        }
        this.warmups = warmups;
        return this;
    }

    /**
     * Names the sweep in progress lines, tables and chart titles.
     *
     * @param label e.g. "prime check, 1000 numbers"
     * @return this sweep
     */
    public Sweep<T> label(String label) {
        this.label = label == null ? "" : label;
        return this;
    }

    /**
     * Chooses how results are compared with the sequential one (default {@link ResultCheck#EQUAL}).
     *
     * @param check e.g. {@link ResultCheck#IGNORE_ORDER} for results collected in completion order
     * @return this sweep
     */
    public Sweep<T> check(ResultCheck check) {
        this.check = Objects.requireNonNull(check, "check");
        return this;
    }

    /**
     * Runs the sweep: warm-up, rotated repeats, checks, statistics.
     *
     * @return the measured points, speedups and Amdahl fit
     * @throws ResultMismatchException when a result differs from the reference
     * @throws TaskFailedException     when a run throws
     */
    public SweepResult<T> run() {
        List<RotatingRunner.Config<T>> configs = new ArrayList<>();
        if (sequential != null) {
            configs.add(config("sequential", () -> {
                long start = System.nanoTime();
                T value = sequential.call();
                return new RotatingRunner.Run<>(value, (System.nanoTime() - start) / 1e9, Double.NaN, null);
            }));
        }
        for (int n : workerCounts) {
            configs.add(config("workers " + n, () -> strategy.runOnce(n)));
        }
        String reference = sequential != null ? "the sequential result"
                : "the result with " + workerCounts.get(0) + " worker" + (workerCounts.get(0) == 1 ? "" : "s");
        RotatingRunner<T> runner = new RotatingRunner<>(label, configs, warmups, repeats, check, reference);
        boolean live = LiveResults.watched();
        if (live) {
            runner.onMeasured(soFar -> LiveResults.show(partial(soFar, runner.reference())));
        }
        try {
            return summarise(runner.runAll(), runner.reference(), label);
        } finally {
            if (live) {
                LiveResults.done();
            }
        }
    }

    /** The figures so far, labelled with the round being measured; null until the baseline has a measured run. */
    private SweepResult<T> partial(List<RotatingRunner.Outcome> soFar, T reference) {
        if (soFar.get(0).seconds().isEmpty()) {
            return null;
        }
        int round = soFar.stream().mapToInt(o -> o.seconds().size()).max().orElse(0);
        String progress = "so far: round " + round + " of " + repeats;
        return summarise(soFar, reference, label.isBlank() ? progress : label + " (" + progress + ")");
    }

    /** Statistics of the outcomes; configurations without a measured run yet are left out. */
    private SweepResult<T> summarise(List<RotatingRunner.Outcome> outcomes, T referenceResult, String resultLabel) {
        Measurement sequentialTime = null;
        List<String> warnings = new ArrayList<>();
        int offset = 0;
        if (sequential != null) {
            RotatingRunner.Outcome outcome = outcomes.get(0);
            sequentialTime = Measurement.of(warmups, outcome.seconds());
            addWarnings(warnings, "sequential", sequentialTime, outcome);
            offset = 1;
        }
        List<Measurement> times = new ArrayList<>();
        List<Measurement> starts = new ArrayList<>();
        List<Integer> measured = new ArrayList<>();
        for (int i = 0; i < workerCounts.size(); i++) {
            RotatingRunner.Outcome outcome = outcomes.get(offset + i);
            if (outcome.seconds().isEmpty()) {
                continue;
            }
            measured.add(workerCounts.get(i));
            Measurement time = Measurement.of(warmups, outcome.seconds());
            times.add(time);
            starts.add(outcome.setupSeconds().isEmpty() ? null
                    : Measurement.of(0, outcome.setupSeconds()).withoutWarnings());
            addWarnings(warnings, "workers " + workerCounts.get(i), time, outcome);
        }
        if (measured.isEmpty()) {
            return null;
        }
        double baseline = sequentialTime != null ? sequentialTime.median() : times.get(0).median();
        List<SweepPoint> points = new ArrayList<>();
        for (int i = 0; i < measured.size(); i++) {
            int n = measured.get(i);
            double speedup = baseline / times.get(i).median();
            points.add(new SweepPoint(n, times.get(i), starts.get(i), speedup, speedup / n,
                    Amdahl.karpFlatt(speedup, n)));
            if (speedup / n > 1.15 && n > 1) {
                warnings.add(String.format(Locale.ROOT,
                        "workers %d: efficiency %.0f%% is superlinear; check that the sequential version does the same work",
                        n, 100 * speedup / n));
            }
        }
        AmdahlFit fit = Amdahl.fit(points.stream().mapToInt(SweepPoint::workers).toArray(),
                points.stream().mapToDouble(SweepPoint::speedup).toArray());
        return new SweepResult<>(resultLabel, strategy.kind(), sequentialTime, points, fit, referenceResult,
                Runtime.getRuntime().availableProcessors(), warnings);
    }

    private static void addWarnings(List<String> warnings, String name, Measurement m, RotatingRunner.Outcome o) {
        for (String w : m.warnings()) {
            warnings.add(name + ": " + w);
        }
        for (String w : o.warnings()) {
            warnings.add(name + ": " + w);
        }
    }

    private interface RunBody<T> {
        RotatingRunner.Run<T> run() throws Exception;
    }

    private static <T> RotatingRunner.Config<T> config(String name, RunBody<T> body) {
        return new RotatingRunner.Config<>() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public RotatingRunner.Run<T> run() throws Exception {
                return body.run();
            }
        };
    }

    /** A fixed pool with all n threads already started, so thread start-up is not part of the task time. */
    static ThreadPoolExecutor newFixedPool(int workers) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), daemonThreads("sweep-pool" + workers + "-"));
        pool.prestartAllCoreThreads();
        return pool;
    }

    static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * Shuts the pool down politely after the clock stopped and reports work still going on 200 ms later
     * (a worker finishing its last task is not left-over work, hence the grace period).
     */
    private static String leftoverWork(ThreadPoolExecutor pool, int workers) throws InterruptedException {
        pool.shutdown();
        if (pool.awaitTermination(200, TimeUnit.MILLISECONDS)) {
            return null;
        }
        return "the task returned while its pool of " + workers + " still had " + pool.getActiveCount()
                + " running and " + pool.getQueue().size() + " queued tasks (did it wait for all futures?)";
    }

    /** Stops a pool; threads left stuck are daemons, so they never keep the VM alive. */
    static void stop(ExecutorService pool) {
        pool.shutdownNow();
        try {
            pool.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
