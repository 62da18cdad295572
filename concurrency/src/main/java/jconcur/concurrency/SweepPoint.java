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
}
