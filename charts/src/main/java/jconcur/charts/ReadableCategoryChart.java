package jconcur.charts;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.style.CategoryStyler;

/**
 * A bar chart that reads at a glance whatever series notebook code adds, decided each time it is drawn:
 * <ul>
 *   <li>the legend shows when there are series to tell apart (more than one listed) and hides otherwise;
 *       once its visibility is set to the opposite of what the chart last chose, that choice stays; it never
 *       runs off the chart ({@link ChartStyle#keepLegendOnChart});</li>
 *   <li>category labels never overlap ({@link CategoryLabels});</li>
 *   <li>plain numbers ({@link AxisChoices}), and values on the bars only where they fit in the bar.</li>
 * </ul>
 */
final class ReadableCategoryChart extends CategoryChart {

    /** Share of the chart's height that turned category labels may take. */
    private static final double LABEL_HEIGHT_SHARE = 0.3;

    private final AxisChoices axes = new AxisChoices();
    /** What this chart last chose for the legend; a different value on the styler was set by the user. */
    private boolean legendChosen;
    /** Whether this chart hid the values on the bars (they did not fit), rather than the user. */
    private boolean labelsHidden;
    /** The label rotation this chart last chose; a different value was set by the user. */
    private int rotationChosen;

    ReadableCategoryChart(CategoryChartBuilder builder) {
        super(builder);
        getStyler().setLegendVisible(legendChosen);
    }

    @Override
    public void paint(Graphics2D g, int width, int height) {
        CategoryStyler styler = getStyler();
        chooseLegend(styler, width);
        if (getSeriesMap().isEmpty()) {
            super.paint(g, width, height);
            return;
        }
        double[] ys = values(false);
        List<?> categories = new ArrayList<>(getSeriesMap().values().iterator().next().getXData());
        boolean numeric = categories.stream().allMatch(c -> c instanceof Number);
        double[] xs = numeric ? categories.stream().mapToDouble(c -> ((Number) c).doubleValue()).toArray() : null;
        axes.formatNumbers(styler, xs, ys, styler.isLabelsVisible() || labelsHidden);
        AxisChoices.includeData(styler, null, values(true));
        layOut(width, height);
        double slot = slot(width, xs, categories.size());
        List<String> shown = categories.stream().map(c -> numeric ? format(styler.getXAxisDecimalPattern(),
                ((Number) c).doubleValue()) : String.valueOf(c)).toList();
        CategoryLabels.Fit fit = CategoryLabels.fit(shown, styler.getAxisTickLabelsFont(), slot,
                height * LABEL_HEIGHT_SHARE);
        if (styler.getXAxisLabelRotation() == rotationChosen) {
            rotationChosen = fit.rotation();
            styler.setXAxisLabelRotation(rotationChosen);
        }
        chooseBarLabels(styler, slot, ys, width, height);
        if (numeric || fit.labels().equals(shown)) {
            super.paint(g, width, height);
        } else {
            paintWithCategories(g, width, height, fit.labels());
        }
    }

    /** Paints with other category names (shortened ones), leaving the series' own data as it was. */
    private void paintWithCategories(Graphics2D g, int width, int height, List<String> shown) {
        Map<CategorySeries, List<?>> original = new LinkedHashMap<>();
        getSeriesMap().values().forEach(s -> original.put(s, new ArrayList<>(s.getXData())));
        try {
            original.keySet().forEach(s -> s.replaceData(shown, list(s.getYData()), list(s.getExtraValues())));
            super.paint(g, width, height);
        } finally {
            original.forEach((s, xData) -> s.replaceData(xData, list(s.getYData()), list(s.getExtraValues())));
        }
    }

    private void chooseLegend(CategoryStyler styler, int width) {
        if (styler.isLegendVisible() == legendChosen) {
            legendChosen = getSeriesMap().values().stream().filter(CategorySeries::isShowInLegend).count() > 1;
            styler.setLegendVisible(legendChosen);
        }
        ChartStyle.keepLegendOnChart(styler, getSeriesMap().values().stream()
                .filter(CategorySeries::isShowInLegend).map(CategorySeries::getName).toList(), width);
    }

    /**
     * Values on the bars only when each fits inside its bar, across and up: XChart centres them in the bar in
     * the bar's contrasting colour, so one spilling out of a short bar would vanish into the background.
     * Bar heights come from a layout pass with the x labels as turned (full length, so never taller bars
     * than drawn).
     */
    private void chooseBarLabels(CategoryStyler styler, double slot, double[] ys, int width, int height) {
        if (!styler.isLabelsVisible() && !labelsHidden) {
            return;
        }
        layOut(width, height);
        long bars = getSeriesMap().values().stream().filter(s -> s.isEnabled()).count();
        double barWidth = slot * styler.getAvailableSpaceFill()
                / (styler.isOverlapped() || styler.isStacked() ? 1 : Math.max(1, bars));
        double base = styler.isYAxisLogarithmic()
                ? Objects.requireNonNullElse(styler.getYAxisMin(), Arrays.stream(ys).filter(y -> y > 0).min().orElse(1))
                : 0;
        double lineHeight = CategoryLabels.height(styler.getLabelsFont());
        boolean fits = true;
        for (double y : ys) {
            double across = CategoryLabels.width(format(styler.getYAxisDecimalPattern(), y), styler.getLabelsFont());
            double up = Math.abs(getScreenYFromChart(y) - getScreenYFromChart(base));
            fits &= across + 4 <= barWidth && (y == 0 || up >= lineHeight + 4);
        }
        styler.setLabelsVisible(fits);
        labelsHidden = !fits;
    }

    /**
     * A layout pass off-screen, after which XChart's axes know their pixels: the plot is sized around the y
     * axis, the legend and the turned x labels, which this chart chooses before drawing.
     */
    private void layOut(int width, int height) {
        Graphics2D scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB).createGraphics();
        try {
            super.paint(scratch, width, height);
        } finally {
            scratch.dispose();
        }
    }

    /**
     * Pixels per category, after {@link #layOut}. The x axis spans the category indices 0 to n, or the
     * smallest to the largest numeric category.
     */
    private double slot(int width, double[] numericCategories, int categories) {
        double from = numericCategories == null ? 0 : Arrays.stream(numericCategories).min().orElse(0);
        double to = numericCategories == null ? categories : Arrays.stream(numericCategories).max().orElse(0);
        double span = getScreenXFromChart(to) - getScreenXFromChart(from);
        // one numeric category leaves XChart no span to measure: the whole width is its slot
        return span > 0 ? span / categories : width - 2.0 * getStyler().getChartPadding();
    }

    /**
     * The y values of all series; with {@code withErrorBarTops}, also the tops of their error bars (their
     * bottoms may dip below a meaningful zero, e.g. of a time, and are left to the axis).
     */
    private double[] values(boolean withErrorBarTops) {
        List<Double> values = new ArrayList<>();
        for (CategorySeries s : getSeriesMap().values()) {
            List<? extends Number> ys = list(s.getYData());
            List<? extends Number> errors = withErrorBarTops ? list(s.getExtraValues()) : null;
            for (int i = 0; i < ys.size(); i++) {
                if (ys.get(i) != null) {
                    values.add(ys.get(i).doubleValue());
                    if (errors != null && errors.get(i) != null) {
                        values.add(ys.get(i).doubleValue() + errors.get(i).doubleValue());
                    }
                }
            }
        }
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private String format(String pattern, double value) {
        return new DecimalFormat(Objects.requireNonNullElse(pattern, "#,##0.###"),
                DecimalFormatSymbols.getInstance(getStyler().getLocale())).format(value);
    }

    private static <T> List<T> list(Collection<T> values) {
        return values == null ? null : new ArrayList<>(values);
    }
}
