package jconcur.concurrency;

/**
 * Live figures of a running sweep or comparison, so that a long measurement is watched, not waited for.
 *
 * <p>Off until someone installs a {@link Viewer}; the notebook runtime installs one that draws the partial
 * {@link SweepResult} or {@link Comparison} (table and charts) in one display and updates it in place. A
 * sweep shows its figures when each worker count gets its first measurement and after each measured round,
 * at most once a second (drawing takes time between runs, never inside one). A failing viewer never disturbs
 * the measurement: its exceptions are dropped.
 */
public final class LiveResults {

    /** Shows partial results of the running sweep or comparison. */
    public interface Viewer {

        /**
         * Shows the figures measured so far, replacing the previous ones of the same run.
         *
         * @param partial a {@link SweepResult} or {@link Comparison} of the runs so far (its label says how far)
         */
        void show(Object partial);

        /** The sweep or comparison ended (or failed); its caller shows the final result. */
        void done();
    }

    /** At most one update a second: drawing costs ~0.1 s, which short runs should not pay each time. */
    static volatile long minIntervalNanos = 1_000_000_000L;

    private static volatile Viewer viewer;
    private static volatile long lastShown = System.nanoTime() - minIntervalNanos;

    private LiveResults() {
    }

    /**
     * Installs the viewer that receives all live results from now on.
     *
     * @param v the viewer, or null to turn live results off
     */
    public static void install(Viewer v) {
        viewer = v;
    }

    /** Whether anyone watches: if not, partial results are not even computed. */
    static boolean watched() {
        return viewer != null;
    }

    /** Passes partial figures on, unless the previous ones went out less than a second ago. */
    static void show(Object partial) {
        Viewer v = viewer;
        long now = System.nanoTime();
        if (v == null || partial == null || now - lastShown < minIntervalNanos) {
            return;
        }
        lastShown = now;
        try {
            v.show(partial);
        } catch (RuntimeException | LinkageError ignored) {
            // live charts are a view: a broken display must not abort a measurement
        }
    }

    /** The running sweep or comparison ended. */
    static void done() {
        Viewer v = viewer;
        lastShown = System.nanoTime() - minIntervalNanos;
        if (v == null) {
            return;
        }
        try {
            v.done();
        } catch (RuntimeException | LinkageError ignored) {
            // see show
        }
    }
}
