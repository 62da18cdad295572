package jconcur.charts;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.Histogram;

/**
 * Equal-width bins over the whole range of the values, empty ones included, about {@value #MAX_BINS} at most:
 * one bin per integer when integer values span few enough, else a round width (1, 2 or 5 times a power of
 * ten) with edges on its multiples. Counting is XChart's {@link Histogram}.
 */
final class HistogramBins {

    static final int MAX_BINS = 30;
    /** Bins aimed at for non-integer values. */
    private static final int TARGET_BINS = 20;

    private final List<String> labels;
    private final List<Double> counts;

    private HistogramBins(List<String> labels, List<Double> counts) {
        this.labels = labels;
        this.counts = counts;
    }

    /** Bins for the values; copies them first, since XChart's null check fails on immutable lists. */
    static HistogramBins of(Collection<? extends Number> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("a histogram needs at least one value");
        }
        double lo = values.stream().mapToDouble(Number::doubleValue).min().getAsDouble();
        double hi = values.stream().mapToDouble(Number::doubleValue).max().getAsDouble();
        if (!Double.isFinite(lo) || !Double.isFinite(hi)) {
            throw new IllegalArgumentException("histogram values must be finite numbers");
        }
        boolean integers = values.stream().mapToDouble(Number::doubleValue).allMatch(v -> v == Math.rint(v));
        return integers ? integerBins(values, lo, hi) : realBins(values, lo, hi);
    }

    /** Bins of integers: labels name the values in the bin ("12", or "10–14" for wider bins). */
    private static HistogramBins integerBins(Collection<? extends Number> values, double lo, double hi) {
        double width = Math.max(1, roundUp((hi - lo + 1) / MAX_BINS));
        double start = Math.floor(lo / width) * width;
        int bins = (int) Math.floor((hi - start) / width) + 1;
        // edges half-way between integers, so that no value sits on an edge
        Histogram counted = new Histogram(new ArrayList<>(values), bins, start - 0.5, start - 0.5 + bins * width);
        DecimalFormat plain = format(0);
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < bins; i++) {
            double first = start + i * width;
            labels.add(width == 1 ? plain.format(first) : plain.format(first) + "–" + plain.format(first + width - 1));
        }
        return new HistogramBins(labels, counted.getyAxisData());
    }

    /** Bins of real values: labels name each bin's edges, half-open as counted ("[-0.5, 0)"). */
    private static HistogramBins realBins(Collection<? extends Number> values, double lo, double hi) {
        double width = roundUp(hi > lo ? (hi - lo) / TARGET_BINS : lo != 0 ? Math.abs(lo) / TARGET_BINS : 1);
        double start = Math.floor(lo / width) * width;
        int bins = Math.max(1, (int) Math.floor((hi - start) / width) + 1);
        Histogram counted = new Histogram(new ArrayList<>(values), bins, start, start + bins * width);
        DecimalFormat plain = format(NumberFormats.significantDecimals(width, 1));
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < bins; i++) {
            labels.add("[" + plain.format(start + i * width) + ", " + plain.format(start + (i + 1) * width) + ")");
        }
        return new HistogramBins(labels, counted.getyAxisData());
    }

    /** The smallest of 1, 2 or 5 times a power of ten that is at least {@code raw} (> 0). */
    private static double roundUp(double raw) {
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double step : new double[] {1, 2, 5}) {
            if (step * power >= raw * (1 - 1e-12)) {
                return step * power;
            }
        }
        return 10 * power;
    }

    private static DecimalFormat format(int decimals) {
        return new DecimalFormat(NumberFormats.pattern(decimals), DecimalFormatSymbols.getInstance(Locale.ROOT));
    }

    List<String> labels() {
        return labels;
    }

    List<Double> counts() {
        return counts;
    }
}
