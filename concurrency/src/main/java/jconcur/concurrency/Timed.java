package jconcur.concurrency;

import java.time.Duration;

/**
 * The outcome of one timed run: the task's value and how long it took.
 *
 * @param value   what the task returned (null for a task without a result)
 * @param elapsed the wall-clock time of the run
 * @param <T>     the task's result type
 */
public record Timed<T>(T value, Duration elapsed) {

    /**
     * The elapsed time in seconds.
     *
     * @return elapsed seconds as a double
     */
    public double seconds() {
        return elapsed.toNanos() / 1e9;
    }

    /** Shows the time first, then the value (shortened when long). */
    @Override
    public String toString() {
        String time = "took " + TimeFormat.duration(elapsed);
        return value == null ? time : time + " -> " + Differences.shorten(value);
    }
}
