package jconcur.concurrency;

import java.util.ArrayList;
import java.util.List;

/**
 * Statistics of repeated timed runs of one task (all times in seconds).
 *
 * <p>Build it with {@link Concurrency#measure(java.util.concurrent.Callable)} or from raw samples with {@link #of(int, List)}.
 * {@code toString()} prints a one-line summary plus warnings.
 *
 * @param seconds  the measured runs in the order they ran (warm-up runs excluded)
 * @param warmups  how many warm-up runs preceded them (not included in the statistics)
 * @param median   median run time
 * @param min      fastest run
 * @param max      slowest run
 * @param mad      median absolute deviation (unscaled)
 * @param mean     arithmetic mean
 * @param sd       sample standard deviation (0 for one run)
 * @param warnings reasons to distrust the figures: large spread, a slow first run, very short runs
 */
public record Measurement(List<Double> seconds, int warmups, double median, double min, double max, double mad,
                          double mean, double sd, List<String> warnings) {

    /** A MAD above this share of the median is reported as a large spread. */
    static final double SPREAD_WARNING = 0.10;
    /** A first measured run this many times slower than the median means warm-up was not finished. */
    static final double SLOW_FIRST_WARNING = 1.5;
    /** Runs shorter than this are dominated by timer and scheduling noise. */
    static final double SHORT_RUN_WARNING = 1e-3;

    /** Copies the lists so the record is immutable. */
    public Measurement {
        seconds = List.copyOf(seconds);
        warnings = List.copyOf(warnings);
    }

    /**
     * Computes the statistics and warnings of measured run times.
     *
     * @param warmups how many warm-up runs preceded the samples (for the report only)
     * @param seconds the measured run times in seconds, in run order (at least one)
     * @return the measurement
     */
    public static Measurement of(int warmups, List<Double> seconds) {
        if (seconds == null || seconds.isEmpty()) {
            throw new IllegalArgumentException("a measurement needs at least one run");
        }
        double[] s = seconds.stream().mapToDouble(Double::doubleValue).toArray();
        double median = Stats.median(s);
        double mad = Stats.mad(s);
        List<String> warnings = new ArrayList<>();
        if (median > 0 && mad / median > SPREAD_WARNING) {
            warnings.add(String.format(java.util.Locale.ROOT,
                    "large spread: MAD is %.0f%% of the median (other load on the machine? more repeats?)",
                    100 * mad / median));
        }
        if (s.length >= 3 && median > 0 && s[0] > SLOW_FIRST_WARNING * median) {
            warnings.add(String.format(java.util.Locale.ROOT,
                    "first measured run took %.1fx the median: still warming up (JIT, class loading); add warm-up runs",
                    s[0] / median));
        }
        if (median < SHORT_RUN_WARNING) {
            warnings.add("runs take under 1 ms (" + TimeFormat.seconds(median)
                    + "): timer and scheduling noise dominate; give the task more work");
        }
        return new Measurement(seconds, warmups, median, Stats.min(s), Stats.max(s), mad, Stats.mean(s),
                Stats.sd(s), warnings);
    }

    /** The same figures with one more warning (something seen while measuring, not in the figures). */
    Measurement withWarning(String warning) {
        List<String> all = new ArrayList<>(warnings);
        all.add(warning);
        return new Measurement(seconds, warmups, median, min, max, mad, mean, sd, all);
    }

    /** The same figures without warnings (for times whose size says nothing about trustworthiness). */
    Measurement withoutWarnings() {
        return new Measurement(seconds, warmups, median, min, max, mad, mean, sd, List.of());
    }

    /**
     * The number of measured runs.
     *
     * @return how many runs the statistics cover
     */
    public int runs() {
        return seconds.size();
    }

    /**
     * The median in milliseconds (handy for tables and charts).
     *
     * @return median * 1000
     */
    public double medianMillis() {
        return median * 1e3;
    }

    /** One line: median, min-max, MAD, mean ± sd, run count; then one line per warning. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder()
                .append("median ").append(TimeFormat.seconds(median))
                .append(" (min ").append(TimeFormat.seconds(min))
                .append(", max ").append(TimeFormat.seconds(max))
                .append(", MAD ").append(TimeFormat.seconds(mad))
                .append(", mean ").append(TimeFormat.seconds(mean))
                .append(" ± ").append(TimeFormat.seconds(sd))
                .append("; ").append(runs()).append(runs() == 1 ? " run" : " runs")
                .append(" after ").append(warmups).append(" warm-up)");
        for (String warning : warnings) {
            out.append("\n  warning: ").append(warning);
        }
        return out.toString();
    }
}
