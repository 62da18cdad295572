package jconcur.concurrency;

/**
 * The figures of one variant in a {@link Comparison}.
 *
 * @param name    the variant's name
 * @param time    its run times
 * @param speedup the first variant's median / this median
 */
public record VariantResult(String name, Measurement time, double speedup) {

    /** E.g. "virtual threads: median 120 ms, speedup 1.85". */
    @Override
    public String toString() {
        return name + ": median " + TimeFormat.seconds(time.median()) + ", speedup " + SweepResult.fixed(speedup, 2);
    }
}
