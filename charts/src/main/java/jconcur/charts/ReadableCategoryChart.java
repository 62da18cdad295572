package jconcur.charts;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
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
 *       once its visibility is set to the opposite of what the chart last chose, that choice stays; a legend
 *       too wide for one row under the plot moves, as a column, to its right;</li>
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
        double slot = slot(width, height, categories.size());
        chooseBarLabels(styler, slot, ys);
        List<String> shown = categories.stream().map(c -> numeric ? format(styler.getXAxisDecimalPattern(),
                ((Number) c).doubleValue()) : String.valueOf(c)).toList();
        CategoryLabels.Fit fit = CategoryLabels.fit(shown, styler.getAxisTickLabelsFont(), slot,
                height * LABEL_HEIGHT_SHARE);
        if (styler.getXAxisLabelRotation() == rotationChosen) {
            rotationChosen = fit.rotation();
            styler.setXAxisLabelRotation(rotationChosen);
        }
        if (numeric || fit.labels().equals(shown)) {
            super.paint(g, width, height);
            return;
        }
        Map<CategorySeries, List<?>> original = new LinkedHashMap<>();
        getSeriesMap().values().forEach(s -> original.put(s, new ArrayList<>(s.getXData())));
        try {
            original.keySet().forEach(s -> s.replaceData(fit.labels(), list(s.getYData()), list(s.getExtraValues())));
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

    /** Values on the bars only where the widest fits inside its bar. */
    private void chooseBarLabels(CategoryStyler styler, double slot, double[] ys) {
        if (!styler.isLabelsVisible() && !labelsHidden) {
            return;
        }
        long bars = getSeriesMap().values().stream().filter(s -> s.isEnabled()).count();
        double barWidth = slot * styler.getAvailableSpaceFill()
                / (styler.isOverlapped() || styler.isStacked() ? 1 : Math.max(1, bars));
        double widest = 0;
        for (double y : ys) {
            widest = Math.max(widest, CategoryLabels.width(format(styler.getYAxisDecimalPattern(), y),
                    styler.getLabelsFont()));
        }
        boolean fits = widest + 4 <= barWidth;
        styler.setLabelsVisible(fits);
        labelsHidden = !fits;
    }

    /**
     * Pixels per category, from a layout pass off-screen: XChart sizes the plot around the y axis and the
     * legend, which the number formats and legend placement just chosen decide.
     */
    private double slot(int width, int height, int categories) {
        Graphics2D scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB).createGraphics();
        try {
            super.paint(scratch, width, height);
        } finally {
            scratch.dispose();
        }
        return (getScreenXFromChart(categories) - getScreenXFromChart(0)) / Math.max(1, categories);
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
