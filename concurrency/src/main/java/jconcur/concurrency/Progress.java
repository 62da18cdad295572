package jconcur.concurrency;

/**
 * A live progress line for long-running helpers (sweeps, comparisons, race trials).
 *
 * <p>Silent until someone installs a {@link Reporter}; the notebook runtime installs one that keeps a single
 * output line updated under the running cell. Updates are throttled to 10 per second; {@link #done()} is
 * always passed on. A failing reporter never disturbs the measurement: its exceptions are dropped.
 */
public final class Progress {

    /** Receives progress lines. */
    public interface Reporter {

        /**
         * Shows the current state, replacing the previous line.
         *
         * @param line e.g. "primes: workers 4, repeat 2/5 (run 7 of 20)"
         */
        void update(String line);

        /** The operation finished (or failed): remove or finalise the line. */
        void done();
    }

    private static final long MIN_INTERVAL_NANOS = 100_000_000L;
    private static final Reporter SILENT = new Reporter() {
        @Override
        public void update(String line) {
        }

        @Override
        public void done() {
        }
    };

    private static volatile Reporter reporter = SILENT;
    private static volatile long lastUpdate = System.nanoTime() - MIN_INTERVAL_NANOS;

    private Progress() {
    }

    /**
     * Installs the reporter that receives all progress from now on.
     *
     * @param r the reporter, or null to go silent again
     */
    public static void install(Reporter r) {
        reporter = r == null ? SILENT : r;
    }

    /**
     * The installed reporter (a silent one when none is installed).
     *
     * @return the current reporter
     */
    public static Reporter reporter() {
        return reporter;
    }

    /**
     * Reports a progress line, unless the previous one went out less than 100 ms ago.
     *
     * @param line the new state
     */
    public static void update(String line) {
        long now = System.nanoTime();
        if (now - lastUpdate < MIN_INTERVAL_NANOS) {
            return;
        }
        lastUpdate = now;
        try {
            reporter.update(line);
        } catch (RuntimeException ignored) {
            // progress is cosmetic: a broken display must not abort a measurement
        }
    }

    /** Reports that the current operation ended. */
    public static void done() {
        lastUpdate = System.nanoTime() - MIN_INTERVAL_NANOS;
        try {
            reporter.done();
        } catch (RuntimeException ignored) {
            // see update
        }
    }
}
