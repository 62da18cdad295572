package jconcur.concurrency;

/**
 * The figures of one worker count in a sweep.
 *
 * @param workers     n
 * @param time        the task's run times (pool start-up excluded)
 * @param poolStartup time to build the pool and start its threads, or null when the task made its own
 * @param speedup     baseline median / this median (the baseline is the sequential run when there is one)
 * @param efficiency  speedup / n
 * @param karpFlatt   the serial fraction implied by this point, (1/S - 1/n)/(1 - 1/n); NaN for n = 1
 */
public record SweepPoint(int workers, Measurement time, Measurement poolStartup, double speedup, double efficiency,
                         double karpFlatt) {

    /** E.g. "workers 4: median 130 ms, speedup 3.10, efficiency 78%, Karp-Flatt 0.097, pool start 310 µs". */
    @Override
    public String toString() {
        return "workers " + workers + ": median " + TimeFormat.seconds(time.median()) + ", speedup "
                + SweepResult.fixed(speedup, 2) + ", efficiency " + SweepResult.percent(efficiency)
                + (Double.isNaN(karpFlatt) ? "" : ", Karp-Flatt " + SweepResult.fixed(karpFlatt, 3))
                + (poolStartup == null ? "" : ", pool start " + TimeFormat.seconds(poolStartup.median()));
    }
}
