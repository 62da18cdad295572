package jconcur.charts;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;

/**
 * Places worker counts on an x axis: equally spaced by doubling (log2) when all counts are powers of two
 * spanning at least 1 to 4, linear otherwise; ticks sit on whole positions and read 1, 2, 4, 8. A speedup
 * axis takes the same kind of scale ({@link #sameScale}), so that the ideal speedup = n is a straight diagonal.
 */
final class WorkerAxis {

    private final boolean log2;
    private final double min;
    private final double max;

    private WorkerAxis(boolean log2, double min, double max) {
        this.log2 = log2;
        this.min = min;
        this.max = max;
    }

    static WorkerAxis of(int[] workers) {
        int lo = Arrays.stream(workers).min().orElse(1);
        int hi = Arrays.stream(workers).max().orElse(1);
        boolean powersOfTwo = Arrays.stream(workers).allMatch(n -> n > 0 && Integer.bitCount(n) == 1);
        return new WorkerAxis(powersOfTwo && hi >= 4 * lo, lo, hi);
    }

    /** An axis of the same kind (doubling or linear) over {@code min} to {@code max}, e.g. for speedups. */
    WorkerAxis sameScale(double min, double max) {
        return new WorkerAxis(log2, min, max);
    }

    /** The position of n workers (or of a speedup of n) on the axis. */
    double position(double workers) {
        return log2 ? Math.log(workers) / Math.log(2) : workers;
    }

    double[] positions(int[] workers) {
        return Arrays.stream(workers).mapToDouble(this::position).toArray();
    }

    double[] positions(double[] values) {
        return Arrays.stream(values).map(this::position).toArray();
    }

    /** Worker counts between the smallest and largest, finely sampled, for smooth theory curves. */
    double[] samples() {
        int steps = 100;
        double[] xs = new double[steps + 1];
        for (int i = 0; i <= steps; i++) {
            xs[i] = log2 ? min * Math.pow(max / min, i / (double) steps) : min + (max - min) * i / steps;
        }
        return xs;
    }

    /** The smallest and largest count. */
    double[] ends() {
        return new double[] {min, max};
    }

    double minPosition() {
        return position(min);
    }

    double maxPosition() {
        return position(max);
    }

    /**
     * Tick labels: the count at each position, plain (1, 2, 4, 0.5, 1,024; 1.414 between whole positions).
     * XChart drops all tick labels when two are equal (including ticks just outside the visible range), so
     * every position gets a distinct label.
     */
    Function<Double, String> labels() {
        DecimalFormat plain = new DecimalFormat("#,##0.###", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return x -> plain.format(log2 ? Math.pow(2, x) : x);
    }

    /**
     * A tick spacing hint (pixels) that makes XChart put ticks one position apart on a log2 axis, so
     * they fall on 1, 2, 4, 8 exactly.
     *
     * @param plotLength about how many pixels the axis spans
     */
    int tickSpacingHint(double plotLength) {
        double span = maxPosition() - minPosition() + 2 * padding();
        double pixelsPerUnit = plotLength / Math.max(span, 1e-9);
        return (int) Math.max(20, Math.min(pixelsPerUnit, 400));
    }

    /** Room left and right of the outermost points, in axis positions. */
    double padding() {
        double span = maxPosition() - minPosition();
        return span == 0 ? 0.5 : span * 0.04;
    }

    boolean isLog2() {
        return log2;
    }

    String title() {
        return log2 ? "workers (doubling)" : "workers";
    }
}
