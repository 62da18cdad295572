package jconcur.concurrency;

import java.util.ArrayList;
import java.util.List;

/**
 * Amdahl's law and the Karp-Flatt metric.
 *
 * <p>With serial fraction B and n workers, T(n) = B·T(1) + (1 - B)·T(1)/n, so the speedup is
 * S(n) = 1 / (B + (1 - B)/n), which tends to 1/B as n grows.
 */
public final class Amdahl {

    private Amdahl() {
    }

    /**
     * The speedup Amdahl's law predicts.
     *
     * @param serialFraction B, between 0 and 1
     * @param workers        n, at least 1
     * @return 1 / (B + (1 - B)/n)
     */
    public static double speedup(double serialFraction, double workers) {
        if (serialFraction < 0 || serialFraction > 1 || Double.isNaN(serialFraction)) {
            throw new IllegalArgumentException("the serial fraction must be between 0 and 1, got " + serialFraction);
        }
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1, got " + workers);
        }
        return 1 / (serialFraction + (1 - serialFraction) / workers);
    }

    /**
     * The Karp-Flatt metric: the serial fraction implied by one measured speedup,
     * e = (1/S - 1/n) / (1 - 1/n). This is Amdahl's law solved for B. A value growing with n points to
     * parallel overhead (pool start-up, contention) rather than a fixed serial part.
     *
     * @param speedup measured speedup S (positive)
     * @param workers n
     * @return e, or NaN for n = 1 (undefined)
     */
    public static double karpFlatt(double speedup, int workers) {
        if (workers <= 1 || !(speedup > 0)) {
            return Double.NaN;
        }
        double n = workers;
        return (1 / speedup - 1 / n) / (1 - 1 / n);
    }

    /**
     * Fits Amdahl's law to measured speedups by least squares.
     *
     * <p>The normalised time 1/S(n) = B + (1 - B)/n is linear in B: with x = 1 - 1/n and y = 1/S - 1/n,
     * y = B·x, so B = Σxy / Σx². Points with n = 1 carry no information about B and are skipped. The fitted
     * B is not clamped: a negative value means superlinear speedup (cache effects) and then
     * {@link AmdahlFit#maxSpeedup()} is infinite.
     *
     * @param workers  worker counts
     * @param speedups measured speedups, one per worker count
     * @return the fit; its serial fraction is NaN when no point has n &gt; 1
     */
    public static AmdahlFit fit(int[] workers, double[] speedups) {
        if (workers.length != speedups.length) {
            throw new IllegalArgumentException(workers.length + " worker counts but " + speedups.length + " speedups");
        }
        double sxy = 0;
        double sxx = 0;
        List<Integer> used = new ArrayList<>();
        for (int i = 0; i < workers.length; i++) {
            if (workers[i] > 1 && speedups[i] > 0) {
                double x = 1 - 1.0 / workers[i];
                double y = 1 / speedups[i] - 1.0 / workers[i];
                sxy += x * y;
                sxx += x * x;
                used.add(workers[i]);
            }
        }
        if (used.isEmpty()) {
            return new AmdahlFit(Double.NaN, Double.NaN, Double.NaN, List.of());
        }
        double b = sxy / sxx;
        double squares = 0;
        for (int i = 0; i < workers.length; i++) {
            if (workers[i] >= 1 && speedups[i] > 0) {
                double predicted = 1 / (b + (1 - b) / workers[i]);
                squares += (predicted - speedups[i]) * (predicted - speedups[i]);
            }
        }
        double max = b > 0 ? 1 / b : Double.POSITIVE_INFINITY;
        return new AmdahlFit(b, max, Math.sqrt(squares / workers.length), used);
    }
}
