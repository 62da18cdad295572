package jconcur.charts;

import java.util.Arrays;
import org.knowm.xchart.style.AxesChartStyler;

/**
 * The number formats and axis limits a jconcur chart picks from its data each time it is drawn (notebook
 * code adds series after building the chart). A decimal pattern someone else set since (a builder that knows
 * the measurement's spread, or the user) is kept; axis limits set by hand are only ever widened, so that no
 * data point is cut off.
 */
final class AxisChoices {

    /** The patterns this chart last chose; a different value on the styler was set by someone else. */
    private String xPattern;
    private String yPattern;

    /**
     * Picks plain decimal patterns for the numeric axes.
     *
     * @param xs      the x values, or null when the x axis is not numeric
     * @param ys      the y values
     * @param yLabels whether the y values are also printed on the chart (bar labels use the y pattern), so
     *                they keep three significant digits
     */
    void formatNumbers(AxesChartStyler styler, double[] xs, double[] ys, boolean yLabels) {
        if (xs != null && styler.getxAxisTickLabelsFormattingFunction() == null
                && mine(styler, styler.getXAxisDecimalPattern(), xPattern)) {
            xPattern = styler.isXAxisLogarithmic() ? logPattern(xs, styler.getXAxisMin()) : linearPattern(xs, false);
            styler.setXAxisDecimalPattern(xPattern);
        }
        if (styler.getyAxisTickLabelsFormattingFunction() == null
                && mine(styler, styler.getYAxisDecimalPattern(), yPattern)) {
            yPattern = styler.isYAxisLogarithmic() ? logPattern(ys, styler.getYAxisMin()) : linearPattern(ys, yLabels);
            styler.setYAxisDecimalPattern(yPattern);
        }
    }

    /**
     * Widens axis limits set by hand (or by a builder) so that every value lies inside them; on a logarithmic
     * axis only positive values count (they are the only ones it can show).
     */
    static void includeData(AxesChartStyler styler, double[] xs, double[] ys) {
        if (xs != null) {
            double[] shown = shown(xs, styler.isXAxisLogarithmic());
            if (shown.length > 0 && styler.getXAxisMin() != null && styler.getXAxisMin() > min(shown)) {
                styler.setXAxisMin(min(shown));
            }
            if (shown.length > 0 && styler.getXAxisMax() != null && styler.getXAxisMax() < max(shown)) {
                styler.setXAxisMax(max(shown));
            }
        }
        double[] shown = shown(ys, styler.isYAxisLogarithmic());
        if (shown.length > 0 && styler.getYAxisMin() != null && styler.getYAxisMin() > min(shown)) {
            styler.setYAxisMin(min(shown));
        }
        if (shown.length > 0 && styler.getYAxisMax() != null && styler.getYAxisMax() < max(shown)) {
            styler.setYAxisMax(max(shown));
        }
    }

    private static double[] shown(double[] values, boolean logarithmic) {
        return Arrays.stream(values).filter(v -> Double.isFinite(v) && (!logarithmic || v > 0)).toArray();
    }

    /** Whether the axis pattern is this chart's to choose: unset (and no chart-wide pattern), or its own. */
    private static boolean mine(AxesChartStyler styler, String current, String chosen) {
        return current == null ? styler.getDecimalPattern() == null : current.equals(chosen);
    }

    /**
     * With labels, every printed value keeps three significant digits (0.104 next to 1.02, not 0.1), up to
     * three decimals more than the axis needs, so that a tiny value beside huge ones cannot ask for ten.
     */
    private static String linearPattern(double[] values, boolean labelled) {
        int decimals = NumberFormats.axisDecimals(values);
        if (labelled && decimals > 0) {
            double smallest = Arrays.stream(values).filter(v -> v != 0 && Double.isFinite(v)).map(Math::abs).min()
                    .orElse(0);
            decimals = Math.max(Math.max(decimals, NumberFormats.significantDecimals(maxAbs(values), 3)),
                    Math.min(decimals + 3, NumberFormats.significantDecimals(smallest, 3)));
        }
        return NumberFormats.pattern(decimals);
    }

    private static String logPattern(double[] values, Double axisMin) {
        double smallest = Arrays.stream(values).filter(v -> v > 0 && Double.isFinite(v)).min().orElse(1);
        return NumberFormats.pattern(NumberFormats.logDecimals(axisMin != null && axisMin > 0 ? axisMin : smallest));
    }

    private static double maxAbs(double[] values) {
        return Arrays.stream(values).filter(Double::isFinite).map(Math::abs).max().orElse(0);
    }

    private static double min(double[] values) {
        return Arrays.stream(values).min().orElse(Double.NaN);
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElse(Double.NaN);
    }
}
