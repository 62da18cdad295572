package jconcur.concurrency;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Lost updates of a shared counter over repeated trials (see {@link Concurrency#lostUpdates}).
 *
 * @param counter             the counter's name
 * @param threads             threads per trial
 * @param incrementsPerThread increments each thread made
 * @param expected            threads x increments
 * @param observed            the final count of each completed trial
 * @param elapsed             total time of all trials
 * @param note                why fewer trials than asked ran (time limit), or null
 */
public record RaceReport(String counter, int threads, long incrementsPerThread, long expected, List<Long> observed,
                         Duration elapsed, String note) {

    /** Copies the list so the record is immutable. */
    public RaceReport {
        observed = List.copyOf(observed);
    }

    /**
     * Completed trials.
     *
     * @return how many trials ran to the end
     */
    public int trials() {
        return observed.size();
    }

    /**
     * The smallest final count.
     *
     * @return min of observed
     */
    public long min() {
        return observed.stream().mapToLong(Long::longValue).min().orElse(0);
    }

    /**
     * The largest final count.
     *
     * @return max of observed
     */
    public long max() {
        return observed.stream().mapToLong(Long::longValue).max().orElse(0);
    }

    /**
     * The median final count.
     *
     * @return median of observed
     */
    public double median() {
        return observed.isEmpty() ? Double.NaN : Stats.median(observed.stream().mapToDouble(Long::doubleValue).toArray());
    }

    /**
     * Trials whose final count was below the expected one.
     *
     * @return the number of trials that lost updates
     */
    public int lossyTrials() {
        return (int) observed.stream().filter(v -> v < expected).count();
    }

    /**
     * The share of trials that lost updates.
     *
     * @return lossy trials / trials (0 when none ran)
     */
    public double lossyFraction() {
        return observed.isEmpty() ? 0 : lossyTrials() / (double) observed.size();
    }

    /**
     * The mean share of increments lost per trial.
     *
     * @return mean of (expected - observed) / expected
     */
    public double meanLostFraction() {
        return observed.stream().mapToDouble(v -> (expected - v) / (double) expected).average().orElse(0);
    }

    /** E.g. "volatile field: 4 threads x 1,000,000 = 4,000,000 expected; observed min ..., 19/20 trials lost updates". */
    @Override
    public String toString() {
        String text = String.format(Locale.ROOT,
                "%s: %d threads x %,d = %,d expected; observed min %,d, median %,.0f, max %,d over %d trials; "
                        + "%d/%d trials lost updates (%.0f%%), %.2f%% of increments lost on average; took %s",
                counter, threads, incrementsPerThread, expected, min(), median(), max(), trials(), lossyTrials(),
                trials(), 100 * lossyFraction(), 100 * meanLostFraction(), TimeFormat.duration(elapsed));
        return note == null ? text : text + "\nnote: " + note;
    }
}
