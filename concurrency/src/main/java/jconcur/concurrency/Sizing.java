package jconcur.concurrency;

import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * Sizes CPU-bound problems from the machine, so that a sweep means the same on 1 core and on 64: at
 * workers = cores every worker gets {@link #workPerCore()} of work (and at least a minimum number of
 * tasks), however many processors the JVM sees ({@code Runtime.availableProcessors()}, which honours
 * {@code -XX:ActiveProcessorCount}).
 *
 * <pre>{@code
 * Duration oneMillionUnits = costOf(() -> work(0, 1_000_000));
 * long units = problemSize(oneMillionUnits, 1_000_000, 1);   // cores x workPerCore() of work
 * }</pre>
 *
 * The time per core defaults to {@value #DEFAULT_MILLIS} ms and can be changed for the whole user VM with
 * {@code -Djconcur.workPerCore=MILLIS} (in {@code JCONCUR_USER_VM_OPTS}), e.g. to run the notebooks quickly
 * with a simulated high processor count on a small machine.
 */
public final class Sizing {

    /** The system property that overrides {@link #workPerCore()}, in milliseconds. */
    public static final String PROPERTY = "jconcur.workPerCore";

    /** The default work per core, in milliseconds. */
    public static final long DEFAULT_MILLIS = 300;

    private static final int COST_WARMUPS = 3;
    private static final int COST_REPEATS = 5;

    private Sizing() {
    }

    /**
     * The CPU time every core should get at workers = cores: {@value #DEFAULT_MILLIS} ms, or the value of
     * the system property {@value #PROPERTY} (milliseconds, at least 1).
     *
     * @return the work per core
     * @throws IllegalArgumentException when the property is not a positive whole number
     */
    public static Duration workPerCore() {
        String value = System.getProperty(PROPERTY);
        if (value == null || value.isBlank()) {
            return Duration.ofMillis(DEFAULT_MILLIS);
        }
        long millis;
        try {
            millis = Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(PROPERTY + " must be a number of milliseconds, not \"" + value + "\"");
        }
        if (millis < 1) {
            throw new IllegalArgumentException(PROPERTY + " must be at least 1 ms, not " + millis);
        }
        return Duration.ofMillis(millis);
    }

    /**
     * The time of one run of a sample task: the fastest of {@value #COST_REPEATS} runs after
     * {@value #COST_WARMUPS} warm-up runs (so the JIT has compiled it). The fastest, not the median: other
     * programs on a busy machine only ever make a run slower, and a cost inflated by them would size the problem
     * too small. Its result goes to {@link Sink}.
     *
     * @param sample a small, representative piece of the work (a few milliseconds is enough)
     * @return the fastest time, at least 1 ns
     * @throws TaskFailedException when the sample throws
     */
    public static Duration costOf(Callable<?> sample) {
        long fastest = Long.MAX_VALUE;
        for (int i = 0; i < COST_WARMUPS + COST_REPEATS; i++) {
            long start = System.nanoTime();
            try {
                Sink.consume(sample.call());
            } catch (Exception e) {
                throw new TaskFailedException("costOf: the sample task failed: " + e, e);
            }
            long elapsed = System.nanoTime() - start;
            if (i >= COST_WARMUPS) {
                fastest = Math.min(fastest, elapsed);
            }
        }
        return Duration.ofNanos(Math.max(1, fastest));
    }

    /**
     * The number of work units for the whole machine: enough that each of the {@code cores} gets
     * {@code perCore} of work, and at least {@code minUnitsPerCore} units per core.
     *
     * @param sampleCost      the measured time of {@code sampleUnits} units (e.g. from {@link #costOf})
     * @param sampleUnits     how many units the sample did (at least 1)
     * @param minUnitsPerCore the least number of units (tasks) per core, at least 1
     * @param cores           the number of cores to size for, at least 1
     * @param perCore         the work per core
     * @return {@code max(minUnitsPerCore·cores, ceil(cores·perCore / (sampleCost/sampleUnits)))}
     * @throws IllegalArgumentException on a non-positive argument
     */
    public static long problemSize(Duration sampleCost, long sampleUnits, long minUnitsPerCore, int cores,
                                   Duration perCore) {
        if (sampleCost.isNegative() || sampleCost.isZero() || sampleUnits < 1 || minUnitsPerCore < 1 || cores < 1
                || perCore.isNegative() || perCore.isZero()) {
            throw new IllegalArgumentException("problemSize needs positive arguments: cost " + sampleCost + ", units "
                    + sampleUnits + ", min per core " + minUnitsPerCore + ", cores " + cores + ", per core " + perCore);
        }
        double nanosPerUnit = (double) sampleCost.toNanos() / sampleUnits;
        double units = Math.ceil(cores * (double) perCore.toNanos() / nanosPerUnit);
        long byTime = units >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) units;
        return Math.max(Math.multiplyExact(minUnitsPerCore, (long) cores), byTime);
    }

    /**
     * {@link #problemSize(Duration, long, long, int, Duration)} for this JVM's processors and
     * {@link #workPerCore()}.
     *
     * @param sampleCost      the measured time of {@code sampleUnits} units
     * @param sampleUnits     how many units the sample did
     * @param minUnitsPerCore the least number of units (tasks) per core
     * @return the number of units
     */
    public static long problemSize(Duration sampleCost, long sampleUnits, long minUnitsPerCore) {
        return problemSize(sampleCost, sampleUnits, minUnitsPerCore, Runtime.getRuntime().availableProcessors(),
                workPerCore());
    }
}
