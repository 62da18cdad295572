package jconcur.concurrency;

import java.util.Arrays;

/**
 * Plain descriptive statistics on samples (arrays of doubles), as used by {@link Measurement}.
 * Every method leaves its argument unchanged and rejects an empty sample.
 */
public final class Stats {

    private Stats() {
    }

    /**
     * The median: the middle value of the sorted sample, or the mean of the two middle values when the
     * sample has an even size.
     *
     * @param values the sample (not empty)
     * @return the median
     */
    public static double median(double... values) {
        double[] sorted = sortedCopy(values);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /**
     * The median absolute deviation: the median of |x - median(x)|. It is not scaled (no 1.4826 factor),
     * so it reads directly as "a typical run is this far from the median".
     *
     * @param values the sample (not empty)
     * @return the unscaled MAD
     */
    public static double mad(double... values) {
        double m = median(values);
        double[] deviations = Arrays.stream(values).map(v -> Math.abs(v - m)).toArray();
        return median(deviations);
    }

    /**
     * The arithmetic mean.
     *
     * @param values the sample (not empty)
     * @return the mean
     */
    public static double mean(double... values) {
        requireNotEmpty(values);
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    /**
     * The sample standard deviation (divides by n - 1); 0 for a sample of one value.
     *
     * @param values the sample (not empty)
     * @return the sample standard deviation
     */
    public static double sd(double... values) {
        double squares = squaredDeviations(values);
        return values.length < 2 ? 0 : Math.sqrt(squares / (values.length - 1));
    }

    /**
     * The population standard deviation (divides by n), as IPython's %timeit and numpy's std report it.
     *
     * @param values the sample (not empty)
     * @return the population standard deviation
     */
    public static double populationSd(double... values) {
        return Math.sqrt(squaredDeviations(values) / values.length);
    }

    private static double squaredDeviations(double[] values) {
        double m = mean(values);
        double squares = 0;
        for (double v : values) {
            squares += (v - m) * (v - m);
        }
        return squares;
    }

    /**
     * The smallest value.
     *
     * @param values the sample (not empty)
     * @return the minimum
     */
    public static double min(double... values) {
        requireNotEmpty(values);
        return Arrays.stream(values).min().orElseThrow();
    }

    /**
     * The largest value.
     *
     * @param values the sample (not empty)
     * @return the maximum
     */
    public static double max(double... values) {
        requireNotEmpty(values);
        return Arrays.stream(values).max().orElseThrow();
    }

    private static double[] sortedCopy(double[] values) {
        requireNotEmpty(values);
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted;
    }

    private static void requireNotEmpty(double[] values) {
        if (values == null || values.length == 0) {
            throw new IllegalArgumentException("statistics need at least one value");
        }
        for (double v : values) {
            if (Double.isNaN(v)) {
                throw new IllegalArgumentException("statistics got NaN in " + Arrays.toString(values));
            }
        }
    }
}
