package jconcur.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.List;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;

/** The common look of all jconcur charts: size, fonts, colours, legend placement. */
final class ChartStyle {

    static final Color MEASURED = new Color(31, 119, 180);
    static final Color MEASURED_LIGHT = new Color(31, 119, 180, 110);
    static final Color IDEAL = new Color(120, 120, 120);
    static final Color THEORY = new Color(214, 39, 40);
    static final Color SEQUENTIAL = new Color(255, 127, 14);
    static final Color[] PALETTE = {MEASURED, SEQUENTIAL, new Color(44, 160, 44), THEORY, new Color(148, 103, 189),
        new Color(140, 86, 75), new Color(227, 119, 194), new Color(127, 127, 127)};
    static final BasicStroke DASHED = new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
            new float[] {6f, 4f}, 0f);
    static final BasicStroke THIN = new BasicStroke(1.0f);
    static final BasicStroke DOTTED = new BasicStroke(1.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f,
            new float[] {1.5f, 4f}, 0f);
    static final BasicStroke SOLID = new BasicStroke(2.2f);

    private ChartStyle() {
    }

    /** A line chart with plain number formats, integer ticks for integer data and no point cut off. */
    static XYChart xy(int width, int height, String title, String xTitle, String yTitle) {
        XYChart chart = new ReadableXYChart(new XYChartBuilder().width(width).height(height).title(title)
                .xAxisTitle(xTitle).yAxisTitle(yTitle));
        apply(chart.getStyler());
        chart.getStyler().setMarkerSize(8);
        return chart;
    }

    /**
     * A bar chart whose legend shows, under the plot, once it has more than one series, whose category
     * labels never overlap and whose values print on the bars where they fit.
     */
    static CategoryChart bars(int width, int height, String title, String xTitle, String yTitle) {
        CategoryChart chart = new ReadableCategoryChart(new CategoryChartBuilder().width(width).height(height)
                .title(title).xAxisTitle(xTitle).yAxisTitle(yTitle));
        apply(chart.getStyler());
        legendBelow(chart.getStyler());
        chart.getStyler().setLabelsVisible(true);
        chart.getStyler().setLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        chart.getStyler().setAvailableSpaceFill(0.6);
        return chart;
    }

    /** A horizontal legend under the plot, where it cannot hide bars or lines. */
    static void legendBelow(Styler styler) {
        styler.setLegendPosition(Styler.LegendPosition.OutsideS);
        styler.setLegendLayout(Styler.LegendLayout.Horizontal);
    }

    /** A one-row legend under the plot too wide for the chart moves, as a column, to the plot's right. */
    static void keepLegendOnChart(Styler styler, List<String> names, int width) {
        if (styler.isLegendVisible() && styler.getLegendPosition() == Styler.LegendPosition.OutsideS
                && styler.getLegendLayout() == Styler.LegendLayout.Horizontal) {
            double row = names.stream().mapToDouble(name -> CategoryLabels.width(name, styler.getLegendFont())
                    + styler.getLegendSeriesLineLength() + 3.0 * styler.getLegendPadding()).sum();
            if (row > width - 2.0 * styler.getChartPadding()) {
                styler.setLegendPosition(Styler.LegendPosition.OutsideE);
                styler.setLegendLayout(Styler.LegendLayout.Vertical);
            }
        }
    }

    private static void apply(AxesChartStyler styler) {
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotBorderVisible(false);
        styler.setPlotGridLinesColor(new Color(225, 225, 225));
        styler.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        styler.setChartTitleBoxVisible(false);
        styler.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        styler.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        styler.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        styler.setLegendPosition(Styler.LegendPosition.InsideNW);
        styler.setLegendBorderColor(new Color(200, 200, 200));
        styler.setSeriesColors(PALETTE);
        styler.setAntiAlias(true);
        styler.setChartPadding(12);
    }
}
