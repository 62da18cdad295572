package jconcur.charts;

import java.awt.Graphics2D;
import java.util.Arrays;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;

/**
 * A line chart that reads at a glance whatever series notebook code adds, decided each time it is drawn:
 * a legend that stays on the chart ({@link ChartStyle#keepLegendOnChart}), plain numbers with integer ticks for integer data ({@link AxisChoices#formatNumbers}), and axis limits set
 * by hand widened so that no point is cut off ({@link AxisChoices#includeData}).
 */
final class ReadableXYChart extends XYChart {

    private final AxisChoices axes = new AxisChoices();

    ReadableXYChart(XYChartBuilder builder) {
        super(builder);
    }

    @Override
    public void paint(Graphics2D g, int width, int height) {
        double[] xs = getSeriesMap().values().stream().filter(XYSeries::isEnabled)
                .flatMapToDouble(s -> Arrays.stream(s.getXData())).toArray();
        double[] ys = getSeriesMap().values().stream().filter(XYSeries::isEnabled)
                .flatMapToDouble(s -> Arrays.stream(s.getYData())).toArray();
        ChartStyle.keepLegendOnChart(getStyler(), getSeriesMap().values().stream()
                .filter(XYSeries::isShowInLegend).map(XYSeries::getName).toList(), width);
        axes.formatNumbers(getStyler(), xs, ys, false);
        AxisChoices.includeData(getStyler(), xs, ys);
        super.paint(g, width, height);
    }
}
