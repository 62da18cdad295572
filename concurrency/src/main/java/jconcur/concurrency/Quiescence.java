package jconcur.concurrency;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Waits until this JVM has stopped computing in the background, so that a timed run gets the processors to
 * itself. Work started between runs goes on during the next one: drawing a live chart leaves the JIT compiler
 * tens of milliseconds of methods to compile, and the notebook's display messages keep the kernel busy. When a
 * run keeps every core busy (workers = cores), that leftover work is taken from the run, so without this wait
 * the runs that follow a chart look slower than the others.
 *
 * <p>It watches the process's CPU time over short windows and returns as soon as one window used less than half
 * a core, or when the limit is reached (threads left running by earlier code can keep a JVM busy for good). One
 * instance serves one series of runs: after a wait that reached the limit it waits no more.
 */
final class Quiescence {

    /** One observation window; long enough for the coarse process clocks of some systems (10 ms ticks). */
    static final Duration WINDOW = Duration.ofMillis(30);

    /** The longest wait; after it the run starts anyway. */
    static final Duration LIMIT = Duration.ofSeconds(1);

    /** Pauses the calling thread. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    /** Said once, by {@link #beforeRun()}, when the JVM stayed busy. */
    static final String STAYED_BUSY = "this JVM kept computing between runs (threads left running by earlier code?): "
            + "the runs shared the processors with it";

    private final LongSupplier processCpuNanos;
    private final Sleeper sleeper;
    private boolean gaveUp;

    /**
     * @param processCpuNanos the CPU time used by the whole process so far, negative when unknown
     * @param sleeper         how to wait one window
     */
    Quiescence(LongSupplier processCpuNanos, Sleeper sleeper) {
        this.processCpuNanos = processCpuNanos;
        this.sleeper = sleeper;
    }

    /** Watches this JVM's CPU time ({@code com.sun.management.OperatingSystemMXBean}), where the JDK offers it. */
    static Quiescence ofThisJvm() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        LongSupplier cpu = os instanceof com.sun.management.OperatingSystemMXBean hotspot
                ? hotspot::getProcessCpuTime
                : () -> -1;
        return new Quiescence(cpu, duration -> Thread.sleep(duration.toMillis()));
    }

    /**
     * Waits for quiet before a measured run, unless an earlier wait of this instance reached the limit.
     *
     * @return {@link #STAYED_BUSY} when this wait reached the limit (once), else empty
     */
    Optional<String> beforeRun() {
        if (gaveUp || await()) {
            return Optional.empty();
        }
        gaveUp = true;
        return Optional.of(STAYED_BUSY);
    }

    /**
     * Waits one window at least, then until a window in which the process used less than half a core. Where the
     * process's CPU time is unknown it waits one window; when interrupted it stops waiting and keeps the flag.
     *
     * @return false only when the process was still busy at {@link #LIMIT}
     */
    boolean await() {
        long windows = LIMIT.toNanos() / WINDOW.toNanos();
        try {
            for (long i = 0; i < windows; i++) {
                long before = processCpuNanos.getAsLong();
                sleeper.sleep(WINDOW);
                long after = processCpuNanos.getAsLong();
                if (before < 0 || after < 0 || after - before < WINDOW.toNanos() / 2) {
                    return true;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
        return false;
    }
}
