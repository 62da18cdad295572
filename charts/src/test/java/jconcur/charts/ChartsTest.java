package jconcur.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import java.time.Duration;
import jconcur.concurrency.RaceReport;
import jconcur.concurrency.Comparison;
import jconcur.concurrency.Measurement;
import jconcur.concurrency.SweepPoint;
import jconcur.concurrency.SweepResult;
import jconcur.concurrency.VariantResult;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;
import org.w3c.dom.Document;

class ChartsTest {

    static BufferedImage decode(byte[] png) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertNotNull(image, "PNG decodes");
        return image;
    }

    @Test
    void speedupChartHasMeasuredIdealAndAmdahlSeries() throws Exception {
        XYChart chart = Charts.speedupChart(Fixtures.syntheticSweep());
        assertEquals(List.of("ideal (speedup = n)", "Amdahl fit, B = 0.100 (limit 10.0)", "Amdahl limit", "measured"),
                List.copyOf(chart.getSeriesMap().keySet()));
        BufferedImage image = decode(Charts.pngBytes(chart));
        assertEquals(Charts.WIDTH, image.getWidth());
        assertEquals(Charts.HEIGHT, image.getHeight());
    }

    @Test
    void timeChartShowsMedianSpreadAndSequentialLine() throws Exception {
        XYChart chart = Charts.timeChart(Fixtures.syntheticSweep());
        assertEquals(List.of("parallel, median", "min / max", "max", "sequential, median"),
                List.copyOf(chart.getSeriesMap().keySet()));
        assertEquals("time (ms)", chart.getYAxisTitle());
        decode(Charts.pngBytes(chart));
    }

    @Test
    void workerAxisIsEquallySpacedForDoublingCountsAndLabelsThem() {
        WorkerAxis axis = WorkerAxis.of(new int[] {1, 2, 4, 8});
        assertTrue(axis.isLog2());
        assertEquals(3.0, axis.position(8), 1e-12);
        assertEquals("8", axis.labels().apply(3.0));
        assertEquals("1.414", axis.labels().apply(0.5));
        WorkerAxis linear = WorkerAxis.of(new int[] {1, 2, 3, 5});
        assertEquals(5.0, linear.position(5));
        assertEquals("3", linear.labels().apply(3.0));
    }

    @Test
    void efficiencyAndAmdahlAndComparisonCharts() throws Exception {
        XYChart efficiency = Charts.efficiencyChart(Fixtures.syntheticSweep());
        assertTrue(efficiency.getSeriesMap().containsKey("measured"));
        XYChart theory = Charts.amdahlChart(32, 0.05, 0.5);
        assertEquals(List.of("ideal (speedup = n)", "B = 0.05 (limit 20.0)", "Amdahl limit", "B = 0.50 (limit 2.0)",
                "Amdahl limit (2)"),
                List.copyOf(theory.getSeriesMap().keySet()));
        CategoryChart bars = Charts.comparisonChart(Fixtures.syntheticComparison());
        assertEquals(List.of("median"), List.copyOf(bars.getSeriesMap().keySet()));
        for (var chart : List.of(efficiency, theory, bars)) {
            BufferedImage image = decode(Charts.pngBytes(chart));
            assertEquals(Charts.WIDTH, image.getWidth());
        }
    }

    @Test
    void severalSweepsOnOneChart() {
        XYChart chart = Charts.speedupChart(Fixtures.syntheticSweep(), Fixtures.syntheticSweep());
        assertTrue(chart.getSeriesMap().containsKey("synthetic <test>"));
        assertTrue(chart.getSeriesMap().containsKey("synthetic <test> (2)"));
    }

    @Test
    void svgIsWellFormedXml() throws Exception {
        String svg = Charts.svgText(Charts.speedupChart(Fixtures.syntheticSweep()));
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes("UTF-8")));
        assertEquals("svg", doc.getDocumentElement().getNodeName());
        assertEquals("0 0 720 400", doc.getDocumentElement().getAttribute("viewBox"));
        // XChart draws text as outlines, so check for drawn shapes rather than legend strings
        assertTrue(doc.getElementsByTagName("path").getLength() > 10);
    }

    @Test
    void htmlTablesEscapeText() {
        String html = Charts.htmlTable(Fixtures.syntheticSweep());
        assertTrue(html.contains("synthetic &lt;test&gt;"));
        assertTrue(html.contains("a warning &amp; more"));
        assertTrue(html.contains("<td style=\"text-align:right;padding:2px 10px\">8</td>"));
        String cmp = Charts.htmlTable(Fixtures.syntheticComparison());
        assertTrue(cmp.contains("virtual threads"));
        assertTrue(cmp.contains("speedups relative to &#39;sequential&#39;"));
    }

    @Test
    void raceChartShowsMinMedianMaxPerCounter() throws Exception {
        RaceReport lossy = new RaceReport("volatile field", 2, 50, 100, List.of(60L, 80L, 100L), Duration.ofMillis(5), null);
        RaceReport safe = new RaceReport("AtomicLong", 2, 50, 100, List.of(100L, 100L, 100L), Duration.ofMillis(5), null);
        CategoryChart chart = Charts.raceChart(lossy, safe);
        assertEquals(List.of("min", "median", "max"), List.copyOf(chart.getSeriesMap().keySet()));
        assertEquals(List.of(60.0, 100.0), List.copyOf(chart.getSeriesMap().get("min").getYData()));
        assertEquals(List.of(80.0, 100.0), List.copyOf(chart.getSeriesMap().get("median").getYData()));
        decode(Charts.pngBytes(chart));
    }

    /** A bar chart built for several series once showed no legend. */
    @Test
    void barChartShowsItsLegendOnceItHasSeveralSeries() throws Exception {
        CategoryChart chart = Charts.barChart("two series", "x", "y");
        chart.addSeries("first", List.of("a", "b"), List.of(5, 3));
        decode(Charts.pngBytes(chart));
        assertFalse(chart.getStyler().isLegendVisible(), "one series needs no legend");
        chart.addSeries("second", List.of("a", "b"), List.of(4, 6));
        decode(Charts.pngBytes(chart));
        assertTrue(chart.getStyler().isLegendVisible(), "two series need a legend");
        assertEquals(Styler.LegendPosition.OutsideS, chart.getStyler().getLegendPosition(), "not over the bars");
        chart.getSeriesMap().get("second").setShowInLegend(false);
        Charts.svgText(chart);
        assertFalse(chart.getStyler().isLegendVisible(), "only one series is listed");
    }

    @Test
    void aLegendChoiceMadeOnABarChartStays() {
        CategoryChart two = Charts.barChart("two series", "x", "y");
        two.addSeries("first", List.of("a"), List.of(5));
        two.addSeries("second", List.of("a"), List.of(4));
        Charts.pngBytes(two);
        two.getStyler().setLegendVisible(false);
        Charts.pngBytes(two);
        assertFalse(two.getStyler().isLegendVisible());
        CategoryChart one = Charts.barChart("one series", "x", "y");
        one.addSeries("only", List.of("a"), List.of(5));
        one.getStyler().setLegendVisible(true);
        Charts.pngBytes(one);
        assertTrue(one.getStyler().isLegendVisible());
    }

    @Test
    void comparisonAndRaceChartsShowALegendOnlyForSeveralSeries() {
        CategoryChart comparison = Charts.comparisonChart(Fixtures.syntheticComparison());
        Charts.pngBytes(comparison);
        assertFalse(comparison.getStyler().isLegendVisible(), "one series of medians: the categories say it all");
        RaceReport report = new RaceReport("int field", 2, 50, 100, List.of(60L, 80L, 100L), Duration.ofMillis(5), null);
        CategoryChart race = Charts.raceChart(report);
        Charts.pngBytes(race);
        assertTrue(race.getStyler().isLegendVisible(), "min, median and max need a legend");
    }

    /** Times fall from the top left, where an inside legend covered the slowest points. */
    @Test
    void legendsOfTimeChartsSitUnderThePlot() {
        assertEquals(Styler.LegendPosition.OutsideS,
                Charts.timeChart(Fixtures.syntheticSweep(), Fixtures.syntheticSweep()).getStyler().getLegendPosition());
        assertEquals(Styler.LegendPosition.OutsideS,
                Charts.timeChart(Fixtures.syntheticSweep()).getStyler().getLegendPosition());
    }
}
