package jconcur.concurrency;

/**
 * The figures of one variant in a {@link Comparison}.
 *
 * @param name    the variant's name
 * @param time    its run times
 * @param speedup the first variant's median / this median
 */
public record VariantResult(String name, Measurement time, double speedup) {
}
