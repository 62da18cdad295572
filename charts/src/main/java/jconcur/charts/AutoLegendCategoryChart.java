package jconcur.charts;

import java.awt.Graphics2D;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;

/**
 * A bar chart that shows its legend when it has series to tell apart (more than one listed in the legend)
 * and hides it otherwise. Decided when the chart is drawn, since notebook code adds series after building
 * the chart. Once the legend's visibility is set to the opposite of what the chart last chose, that choice
 * stays.
 */
final class AutoLegendCategoryChart extends CategoryChart {

    /** What this chart last chose; a different value on the styler was set by the user. */
    private boolean chosen;

    AutoLegendCategoryChart(CategoryChartBuilder builder) {
        super(builder);
        getStyler().setLegendVisible(chosen);
    }

    @Override
    public void paint(Graphics2D g, int width, int height) {
        if (getStyler().isLegendVisible() == chosen) {
            chosen = getSeriesMap().values().stream().filter(CategorySeries::isShowInLegend).count() > 1;
            getStyler().setLegendVisible(chosen);
        }
        super.paint(g, width, height);
    }
}
