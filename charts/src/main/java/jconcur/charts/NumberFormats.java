package jconcur.charts;

import java.util.Arrays;

/**
 * Plain decimal patterns for axis ticks and bar labels: thousands separators, never scientific notation
 * ("10,000", not "1E4"), a leading zero ("0.01", not ".01"), no decimals for integer data, and only as many
 * decimals as the data's spread (or the measurement's) gives meaning to.
 */
final class NumberFormats {

    /** Beyond this, values are too small for a plain pattern to help; the time builders switch units first. */
    private static final int MAX_DECIMALS = 12;

    private NumberFormats() {
    }

    /** A DecimalFormat pattern with up to {@code decimals} decimals (trailing zeros dropped). */
    static String pattern(int decimals) {
        return decimals <= 0 ? "#,##0" : "#,##0." + "#".repeat(decimals);
    }

    /**
     * Decimals for a linear axis over these values: none for integers; otherwise enough to tell ticks about a
     * tenth of the span apart, or three significant digits when all values are equal.
     */
    static int axisDecimals(double[] values) {
        double[] finite = Arrays.stream(values).filter(Double::isFinite).toArray();
        if (finite.length == 0 || Arrays.stream(finite).allMatch(v -> v == Math.rint(v))) {
            return 0;
        }
        double span = Arrays.stream(finite).max().getAsDouble() - Arrays.stream(finite).min().getAsDouble();
        if (span > 0) {
            return clamp(1 - exponent(span));
        }
        return significantDecimals(Math.abs(finite[0]), 3);
    }

    /** Decimals that show {@code digits} significant digits of {@code magnitude}. */
    static int significantDecimals(double magnitude, int digits) {
        return magnitude == 0 || !Double.isFinite(magnitude) ? 0 : clamp(digits - 1 - exponent(magnitude));
    }

    /** Decimals whose last digit is about the size of the spread (e.g. MAD 1.5 ms: 353 ms, not 352.56 ms). */
    static int spreadDecimals(double spread, double magnitude) {
        return spread > 0 && Double.isFinite(spread) ? clamp(-exponent(spread)) : significantDecimals(magnitude, 3);
    }

    /** Decimals for a logarithmic axis whose smallest labelled decade is at {@code min}. */
    static int logDecimals(double min) {
        return min > 0 && Double.isFinite(min) ? clamp(-exponent(min)) : 0;
    }

    private static int exponent(double positive) {
        return (int) Math.floor(Math.log10(positive));
    }

    private static int clamp(int decimals) {
        return Math.max(0, Math.min(MAX_DECIMALS, decimals));
    }
}
