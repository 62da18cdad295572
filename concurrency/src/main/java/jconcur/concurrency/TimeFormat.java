package jconcur.concurrency;

import java.time.Duration;
import java.util.Locale;

/** Human-readable durations: picks ns, µs, ms or s so that a value shows 3 significant digits. */
public final class TimeFormat {

    private TimeFormat() {
    }

    /**
     * Formats seconds, e.g. {@code 0.01234 -> "12.3 ms"}, {@code 2.5 -> "2.50 s"}, {@code 75 -> "75.0 s"}.
     *
     * @param seconds a duration in seconds (NaN gives "n/a")
     * @return the formatted duration
     */
    public static String seconds(double seconds) {
        if (Double.isNaN(seconds)) {
            return "n/a";
        }
        double abs = Math.abs(seconds);
        if (abs == 0) {
            return "0 s";
        }
        if (abs < 1e-6) {
            return significant(seconds * 1e9) + " ns";
        }
        if (abs < 1e-3) {
            return significant(seconds * 1e6) + " µs";
        }
        if (abs < 1) {
            return significant(seconds * 1e3) + " ms";
        }
        return significant(seconds) + " s";
    }

    /**
     * Formats a {@link Duration} like {@link #seconds(double)}.
     *
     * @param duration the duration
     * @return the formatted duration
     */
    public static String duration(Duration duration) {
        return seconds(duration.toNanos() / 1e9);
    }

    /**
     * Formats a number with 3 significant digits (at least), no exponent: 1234 -> "1234", 12.345 -> "12.3".
     *
     * @param value the number
     * @return the formatted number
     */
    public static String significant(double value) {
        double abs = Math.abs(value);
        String pattern = abs >= 100 ? "%.0f" : abs >= 10 ? "%.1f" : abs >= 1 ? "%.2f" : "%.3f";
        return String.format(Locale.ROOT, pattern, value);
    }
}
