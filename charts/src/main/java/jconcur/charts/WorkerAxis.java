package jconcur.charts;

import java.util.Arrays;
import java.util.function.Function;

/**
 * Places worker counts on an x axis: equally spaced by doubling (log2) when all counts are powers of two
 * spanning at least 1 to 4, linear otherwise; ticks sit on whole positions and read 1, 2, 4, 8.
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

    /** The x position of n workers. */
    double position(double workers) {
        return log2 ? Math.log(workers) / Math.log(2) : workers;
    }

    double[] positions(int[] workers) {
        return Arrays.stream(workers).mapToDouble(this::position).toArray();
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

    double minPosition() {
        return position(min);
    }

    double maxPosition() {
        return position(max);
    }

    /**
     * Tick labels: the worker count at whole positions. XChart drops all tick labels when two are equal
     * (including ticks just outside the visible range), so every position gets a distinct label.
     */
    Function<Double, String> labels() {
        return x -> {
            double n = log2 ? Math.pow(2, x) : x;
            return Math.abs(n - Math.rint(n)) < 1e-9 ? Long.toString(Math.round(n))
                    : String.format(java.util.Locale.ROOT, "%.3f", n);
        };
    }

    /**
     * A tick spacing hint (pixels) that makes XChart put ticks one position apart on the log2 axis, so
     * they fall on 1, 2, 4, 8 exactly.
     */
    int tickSpacingHint(int chartWidth) {
        double span = maxPosition() - minPosition() + 2 * padding();
        double pixelsPerUnit = (chartWidth - 110) / Math.max(span, 1e-9);
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
