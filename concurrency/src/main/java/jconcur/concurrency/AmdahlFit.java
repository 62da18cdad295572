package jconcur.concurrency;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Amdahl's law fitted to measured speedups (see {@link Amdahl#fit(int[], double[])}).
 *
 * @param serialFraction the fitted serial fraction B (NaN if nothing to fit)
 * @param maxSpeedup     the predicted limit 1/B for infinitely many workers (infinite when B &lt;= 0)
 * @param rmse           root-mean-square error of the fitted speedups against the measured ones
 * @param fittedWorkers  the worker counts the fit used: those above 1, since with one worker S = 1 whatever B is
 */
public record AmdahlFit(double serialFraction, double maxSpeedup, double rmse, List<Integer> fittedWorkers) {

    /** Copies the worker counts (the fit is immutable). */
    public AmdahlFit {
        fittedWorkers = List.copyOf(fittedWorkers);
    }

    /**
     * How many points the fit used.
     *
     * @return the number of worker counts above 1 with a measured speedup
     */
    public int points() {
        return fittedWorkers.size();
    }

    /**
     * Whether there was anything to fit.
     *
     * @return true when B is a number
     */
    public boolean isValid() {
        return !Double.isNaN(serialFraction);
    }

    /**
     * Whether the fit describes the data: B at most 1. A larger B means the parallel version gets slower as
     * workers are added (overhead, contention), which Amdahl's law cannot express.
     *
     * @return true when valid and B &lt;= 1
     */
    public boolean isMeaningful() {
        return isValid() && serialFraction <= 1;
    }

    /**
     * The speedup the fitted law predicts for n workers (B is used as fitted, even when negative).
     *
     * @param workers n, at least 1
     * @return 1 / (B + (1 - B)/n)
     */
    public double speedupAt(double workers) {
        return 1 / (serialFraction + (1 - serialFraction) / workers);
    }

    /**
     * E.g. "Amdahl fit: serial fraction B = 0.082, max speedup 1/B = 12.2 (fitted on workers 2, 4: n = 1 says
     * nothing about B; rmse 0.05)".
     */
    @Override
    public String toString() {
        if (!isValid()) {
            return "Amdahl fit: not enough points (need a worker count above 1)";
        }
        if (!isMeaningful()) {
            return String.format(Locale.ROOT, "Amdahl fit: serial fraction B = %.3f > 1: the parallel version slows down "
                    + "as workers are added (overhead or contention); Amdahl's law does not describe it", serialFraction);
        }
        String max = Double.isInfinite(maxSpeedup) ? "unbounded (superlinear speedup)"
                : String.format(Locale.ROOT, "%.1f", maxSpeedup);
        String workers = fittedWorkers.stream().map(String::valueOf).collect(Collectors.joining(", "));
        return String.format(Locale.ROOT, "Amdahl fit: serial fraction B = %.3f, max speedup 1/B = %s (fitted on workers "
                + "%s: n = 1 says nothing about B; rmse %.2f)", serialFraction, max, workers, rmse);
    }
}
