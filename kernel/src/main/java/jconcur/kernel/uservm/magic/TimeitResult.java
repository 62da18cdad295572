package jconcur.kernel.uservm.magic;

import java.util.Arrays;
import java.util.List;
import jconcur.concurrency.Stats;

/**
 * What %timeit measured: seconds per loop of each run, as IPython's TimeitResult. Its text is IPython's:
 * {@code 1.23 ms ± 45.6 µs per loop (mean ± std. dev. of 7 runs, 100 loops each)}.
 */
public record TimeitResult(int loops, int repeat, double best, double worst, List<Double> timings, int precision) {

    public TimeitResult {
        timings = List.copyOf(timings);
    }

    /** From the total time of each run of loops iterations. */
    public static TimeitResult of(int loops, double[] runSeconds, int precision) {
        double[] perLoop = Arrays.stream(runSeconds).map(t -> t / loops).toArray();
        return new TimeitResult(loops, runSeconds.length, Arrays.stream(perLoop).min().orElse(0),
                Arrays.stream(perLoop).max().orElse(0), Arrays.stream(perLoop).boxed().toList(), precision);
    }

    public double average() {
        return Stats.mean(perLoop());
    }

    /** Population standard deviation, as IPython computes it. */
    public double stdev() {
        return Stats.populationSd(perLoop());
    }

    private double[] perLoop() {
        return timings.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** IPython's note when runs differ a lot, or null. */
    public String cachingWarning() {
        if (worst > 4 * best && best > 0 && worst > 1e-6) {
            return String.format(java.util.Locale.ROOT, "The slowest run took %.2f times longer than the fastest. "
                    + "This could mean that an intermediate result is being cached.", worst / best);
        }
        return null;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%s \u00b1 %s per loop (mean \u00b1 std. dev. of %d run%s, %,d loop%s each)",
                IPythonTimeFormat.format(average(), precision), IPythonTimeFormat.format(stdev(), precision),
                repeat, repeat == 1 ? "" : "s", loops, loops == 1 ? "" : "s");
    }
}
