package jconcur.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Rectangle;
import java.awt.geom.Area;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import jconcur.concurrency.Amdahl;
import jconcur.concurrency.Comparison;
import jconcur.concurrency.Measurement;
import jconcur.concurrency.RaceReport;
import jconcur.concurrency.SweepPoint;
import jconcur.concurrency.SweepResult;
import jconcur.concurrency.VariantResult;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.internal.chartpart.ChartLayout;

/**
 * Every chart kind, fed hostile inputs, reads at a glance. Checked from the layout XChart computed
 * while painting: category labels do not overlap and stay on the image, every point lies inside the plot,
 * numbers are plain. Each chart is also written to target/chart-gallery/ to be looked at.
 */
class ChartReadabilityTest {

    private static final Path GALLERY = Path.of("target", "chart-gallery");

    // ---------------------------------------------------------------- category labels

    @Test
    void longCategoryLabelsOfAComparisonDoNotOverlap() throws Exception {
        CategoryChart chart = Charts.comparisonChart(waits());
        ChartLayout layout = readable("comparison-long-labels", chart);
        assertEquals(List.of("pool of 200 platform threads", "a platform thread per task", "a virtual thread per task",
                "delayed futures, one thread"), texts(layout), "every label drawn, in full");
        barsInside(chart, layout);
    }

    @Test
    void manyCategoriesDoNotOverlap() throws Exception {
        CategoryChart chart = Charts.barChart("sixty variants", "variant", "operations / s");
        List<String> names = IntStream.rangeClosed(1, 60).mapToObj(i -> "variant " + i).toList();
        chart.addSeries("ops", names, IntStream.rangeClosed(1, 60).mapToObj(i -> (Number) (i * 1000)).toList());
        ChartLayout layout = readable("bars-many-categories", chart);
        assertTrue(layout.xLabels().size() >= 10, "some labels shown: " + texts(layout));
        assertTrue(names.containsAll(texts(layout)), "labels shown in full: " + texts(layout));
        barsInside(chart, layout);
    }

    @Test
    void numericCategoriesDoNotOverlap() throws Exception {
        CategoryChart chart = Charts.barChart("numbers as categories", "input", "ms");
        List<Long> inputs = List.of(123_456_789_012L, 427_920_331L, 157L, 1_000_000_007L, 998_244_353L);
        chart.addSeries("ms", inputs, List.of(1200.5, 12.25, 0.5, 14.75, 13.5));
        ChartLayout layout = readable("bars-numeric-categories", chart);
        assertEquals(5, layout.xLabels().size(), "every label drawn: " + texts(layout));
        assertEquals("123,456,789,012", texts(layout).get(0), "plain, not 1.2E11");
        assertFalse(chart.getStyler().isLabelsVisible(), "'13' would spill out of its 1 % high bar");
        barsInside(chart, layout);
        CategoryChart one = Charts.barChart("one number", "input", "ms");
        one.addSeries("ms", List.of(157), List.of(3));
        barsInside(one, readable("bars-one-numeric-category", one));
    }

    @Test
    void veryLongLabelsAreShortenedInTheMiddleAndStayOnTheImage() throws Exception {
        CategoryChart chart = Charts.barChart("long names", "", "seconds");
        String filler = "a very long variant name that goes on and on about its pool, its queue and its locks ".repeat(2);
        List<String> names = List.of(filler + "A", filler + "B", filler + "C");
        chart.addSeries("time", names, List.of(1.5, 2.5, 0.5));
        ChartLayout layout = readable("bars-very-long-labels", chart);
        List<String> shown = texts(layout);
        assertEquals(3, shown.size(), "every label drawn: " + shown);
        assertEquals(3, shown.stream().distinct().count(), "still told apart by their ends: " + shown);
        assertTrue(shown.stream().allMatch(s -> s.contains("…")), "shortened: " + shown);
        assertEquals(names, List.copyOf(chart.getSeriesMap().get("time").getXData()), "the data keeps its names");
    }

    // ---------------------------------------------------------------- numbers

    @Test
    void barValuesPrintWithTheDigitsTheSpreadSupports() throws Exception {
        CategoryChart chart = Charts.comparisonChart(waits());
        readable("comparison-digits", chart);
        assertEquals("#,##0", chart.getStyler().getYAxisDecimalPattern(), "MADs of about 1 ms: whole milliseconds");
        CategoryChart seconds = Charts.barChart("same work, three ways", "", "seconds");
        seconds.addSeries("time", List.of("ordered locks, concurrent", "ordered locks, sequential", "no locks"),
                List.of(0.7043, 0.7051, 0.5012));
        readable("bars-three-digits", seconds);
        assertEquals("#,##0.###", seconds.getStyler().getYAxisDecimalPattern(), "0.704, not 0.7043");
    }

    @Test
    void integerDataGetsIntegerTicksAndAHandSetLimitDoesNotCutTheLastPoint() throws Exception {
        XYChart chart = Charts.lineChart("sequential countdowns", "time since start (ms)", "value counted");
        long[][] at = {{101, 202, 303}, {384, 465, 546}, {640, 715, 790}};   // a slow machine runs late
        for (int task = 0; task < 3; task++) {
            chart.addSeries("ABC".substring(task, task + 1), Arrays.stream(at[task]).mapToDouble(t -> t).toArray(),
                    new double[] {3, 2, 1});
        }
        chart.getStyler().setXAxisMin(0.0).setXAxisMax(720.0);   // what chapter 10 did
        ChartLayout layout = readable("line-integer-countdowns", chart);
        pointsInside(chart, layout);
        assertEquals(List.of("1", "2", "3"), layout.yLabels().stream().sorted().toList());
    }

    @Test
    void aHandSetLimitDoesNotCutOffABar() throws Exception {
        CategoryChart chart = Charts.barChart("over the limit", "", "% of expected");
        chart.addSeries("count", List.of("lost updates", "superlinear"), List.of(60, 130));
        chart.getStyler().setYAxisMax(100.0);
        barsInside(chart, readable("bars-over-hand-set-limit", chart));
    }

    @Test
    void aPatternSetByHandStays() throws Exception {
        XYChart chart = Charts.lineChart("by hand", "x", "y");
        chart.addSeries("s", new double[] {1, 2, 3}, new double[] {0.5, 1.5, 2.5});
        chart.getStyler().setDecimalPattern("0.00");
        readable("line-pattern-by-hand", chart);
        assertEquals(null, chart.getStyler().getYAxisDecimalPattern(), "the chart-wide pattern rules");
        CategoryChart bars = Charts.comparisonChart(waits());
        bars.getStyler().setYAxisDecimalPattern("0.0");
        readable("comparison-pattern-by-hand", bars);
        assertEquals("0.0", bars.getStyler().getYAxisDecimalPattern());
    }

    @Test
    void hugeAndTinyValuesPrintAsPlainNumbers() throws Exception {
        XYChart huge = Charts.lineChart("huge", "x", "y");
        huge.addSeries("huge", new double[] {1, 2, 3}, new double[] {1.5e12, 3e12, 4.5e12});
        ChartLayout layout = readable("line-huge-values", huge);
        pointsInside(huge, layout);
        assertTrue(layout.yLabels().stream().allMatch(s -> s.matches("\\d{1,3}(,\\d{3})+")), layout.yLabels().toString());
        XYChart tiny = Charts.lineChart("tiny", "x", "y");
        tiny.addSeries("tiny", new double[] {0.5, 1.5, 2.5}, new double[] {1.2e-9, 2.4e-9, 3.6e-9});
        layout = readable("line-tiny-values", tiny);
        pointsInside(tiny, layout);
        assertTrue(layout.yLabels().stream().allMatch(s -> s.startsWith("0.00000000")), layout.yLabels().toString());
        XYChart seconds = Charts.lineChart("100 increments per worker", "workers", "seconds");
        seconds.addSeries("single lock", new double[] {1, 2, 3, 4}, new double[] {0.0011, 0.0019, 0.0031, 0.0042});
        layout = readable("line-small-seconds", seconds);
        assertTrue(layout.yLabels().stream().allMatch(s -> s.startsWith("0.00")), "0.001, not .001: " + layout.yLabels());
    }

    @Test
    void aLogAxisReadsTenThousandNotOneE4() throws Exception {
        CategoryChart chart = Charts.barChart("throughput per role", "", "operations / s");
        List<String> names = List.of("1. readers preferred", "2. writers preferred", "3. fair (service queue)",
                "ReentrantRWLock (unfair)", "ReentrantRWLock (fair)", "StampedLock");
        chart.addSeries("reads", names, List.of(2.1e6, 1.25, 4.2e4, 1.9e6, 3.1e4, 2.6e6));
        chart.addSeries("writes", names, List.of(1.25, 8.4e5, 3.9e4, 2.2e3, 3.0e4, 1.1e4));
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setYAxisMin(1.0);
        ChartLayout layout = readable("bars-log-axis", chart);
        assertTrue(layout.yLabels().contains("10,000"), layout.yLabels().toString());
        assertEquals(names, texts(layout));
        barsInside(chart, layout);
    }

    @Test
    void onePointSitsInsideThePlot() throws Exception {
        XYChart line = Charts.lineChart("one point", "x", "y");
        line.addSeries("only", new double[] {3}, new double[] {7});
        pointsInside(line, readable("line-one-point", line));
        CategoryChart bar = Charts.barChart("one bar", "", "y");
        bar.addSeries("only", List.of("the only variant"), List.of(42));
        barsInside(bar, readable("bars-one-bar", bar));
    }

    // ---------------------------------------------------------------- histograms

    @Test
    void aHistogramShowsEmptyBinsBetweenValues() throws Exception {
        CategoryChart chart = Charts.histogram("final counter", "final value", "trials",
                List.of(10, 12, 12, 14, 14, 14, 15, 20));
        ChartLayout layout = readable("histogram-integers", chart);
        CategorySeries bins = chart.getSeriesMap().get("trials");
        assertEquals(IntStream.rangeClosed(10, 20).mapToObj(Integer::toString).toList(), List.copyOf(bins.getXData()));
        assertEquals(List.of(1.0, 0.0, 2.0, 0.0, 3.0, 1.0, 0.0, 0.0, 0.0, 0.0, 1.0), List.copyOf(bins.getYData()));
        assertTrue(layout.yLabels().stream().allMatch(s -> s.matches("\\d+")), "counts tick as integers: " + layout.yLabels());
        barsInside(chart, layout);
    }

    @Test
    void wideAndRealValuedHistogramsGetRoundBins() throws Exception {
        CategoryChart wide = Charts.histogram("wide", "value", "count",
                IntStream.rangeClosed(0, 1000).boxed().toList());
        readable("histogram-wide-integers", wide);
        CategorySeries bins = wide.getSeriesMap().get("count");
        assertEquals("0–49", bins.getXData().iterator().next());
        assertEquals(21, bins.getXData().size());
        Random random = new Random(18);
        List<Double> real = IntStream.range(0, 500).mapToObj(i -> random.nextGaussian()).toList();
        CategoryChart normal = Charts.histogram("normal", "value", "count", real);
        barsInside(normal, readable("histogram-real-values", normal));
        double total = normal.getSeriesMap().get("count").getYData().stream().mapToDouble(Number::doubleValue).sum();
        assertEquals(500, total, "every value counted once");
        assertTrue(normal.getSeriesMap().get("count").getXData().size() <= HistogramBins.MAX_BINS);
        CategoryChart single = Charts.histogram("one value", "value", "count", List.of(0.25));
        assertEquals(List.of(1.0), List.copyOf(single.getSeriesMap().get("count").getYData()));
        readable("histogram-one-value", single);
    }

    // ---------------------------------------------------------------- scaling plots

    @Test
    void onDoublingWorkersSpeedupDoublesTooSoTheIdealIsStraight() throws Exception {
        XYChart chart = Charts.speedupChart(Fixtures.syntheticSweep());
        ChartLayout layout = readable("speedup-doubling", chart);
        pointsInside(chart, layout);
        XYSeries ideal = chart.getSeriesMap().get("ideal (speedup = n)");
        assertTrue(straightDiagonal(chart, ideal), "the ideal is the diagonal on screen");
        assertTrue(layout.yLabels().containsAll(List.of("1", "2", "4", "8")), layout.yLabels().toString());
        XYSeries ceiling = chart.getSeriesMap().get("Amdahl limit");
        assertNotNull(ceiling, "the limit 10 is within one doubling of the top (8), so the chart makes room for it");
        assertEquals(Math.log(10) / Math.log(2), ceiling.getYData()[0], 0.05);
    }

    @Test
    void onLinearWorkersSpeedupIsLinearFromZero() throws Exception {
        XYChart chart = Charts.speedupChart(sweep("three workers", new int[] {1, 2, 3}, 0.2));
        ChartLayout layout = readable("speedup-linear", chart);
        pointsInside(chart, layout);
        assertTrue(straightDiagonal(chart, chart.getSeriesMap().get("ideal (speedup = n)")));
        assertEquals(0.0, chart.getStyler().getYAxisMin());
    }

    @Test
    void amdahlCeilingsAreLinesWhereTheyFallInsideTheChart() throws Exception {
        XYChart chart = Charts.amdahlChart(32, 0.05, 0.10, 0.25, 0.50);
        ChartLayout layout = readable("amdahl", chart);
        pointsInside(chart, layout);
        List<XYSeries> ceilings = chart.getSeriesMap().values().stream()
                .filter(s -> s.getName().startsWith("Amdahl limit")).toList();
        assertEquals(4, ceilings.size(), "limits 20, 10, 4 and 2 are all below 32");
        XYSeries four = ceilings.get(2);
        assertEquals(2.0, four.getYData()[0], 1e-12, "speedup 4 sits at position log2(4)");
        assertEquals(four.getYData()[0], four.getYData()[1], 0.0, "a horizontal line");
        assertFalse(four.isShowInLegend(), "the curve's legend entry already names the limit");
        assertTrue(straightDiagonal(chart, chart.getSeriesMap().get("ideal (speedup = n)")));
    }

    @Test
    void everyBuilderKeepsItsPointsInsideThePlot() throws Exception {
        SweepResult<String> a = Fixtures.syntheticSweep();
        SweepResult<String> b = sweep("approximate counter", new int[] {1, 2, 4, 8}, 0.02);
        for (var named : List.of(List.of("time", Charts.timeChart(a)), List.of("efficiency", Charts.efficiencyChart(a)),
                List.of("speedup-several", Charts.speedupChart(a, b)), List.of("time-several", Charts.timeChart(a, b)))) {
            XYChart chart = (XYChart) named.get(1);
            pointsInside(chart, readable((String) named.get(0), chart));
        }
        RaceReport lossy = new RaceReport("int field, no synchronization", 2, 50, 1_000_000,
                List.of(540_000L, 610_000L, 700_000L), Duration.ofMillis(5), null);
        RaceReport safe = new RaceReport("AtomicLong", 2, 50, 1_000_000, List.of(1_000_000L), Duration.ofMillis(5), null);
        CategoryChart race = Charts.raceChart(lossy, safe, lossy, safe);
        barsInside(race, readable("race", race));
    }

    @Test
    void manySeriesOfBarsKeepTheirLegendOnTheImageAndHideValuesThatDoNotFit() throws Exception {
        CategoryChart chart = Charts.barChart("when each verdict arrived", "input", "completed after (ms)");
        List<String> inputs = List.of("9637529763296797", "427920331", "157");
        String[] strategies = {"synchronous", "loop, no yielding", "loop, cooperative", "platform threads", "virtual threads"};
        for (String s : strategies) {
            chart.addSeries(s, inputs, List.of(1200, 12, 1));
        }
        ChartLayout layout = readable("bars-five-series", chart);
        assertTrue(layout.legendSize().getWidth() <= chart.getWidth(), "legend fits: " + layout.legendSize());
        assertFalse(chart.getStyler().isLabelsVisible(), "'1,200' is wider than a fifth of a slot");
        barsInside(chart, layout);
    }

    // ---------------------------------------------------------------- checks

    /** Renders the chart to the gallery (PNG decodes, right size) and checks its labels; returns its layout. */
    private static ChartLayout readable(String name, Chart<?, ?> chart) throws Exception {
        byte[] png = Charts.pngBytes(chart);
        Files.createDirectories(GALLERY);
        Files.write(GALLERY.resolve(name + ".png"), png);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertNotNull(image, name + ": PNG decodes");
        assertEquals(chart.getWidth(), image.getWidth(), name);
        assertEquals(chart.getHeight(), image.getHeight(), name);
        ChartLayout layout = ChartLayout.of(chart);
        List<ChartLayout.Label> labels = layout.xLabels();
        Rectangle onImage = new Rectangle(0, 0, chart.getWidth(), chart.getHeight());
        for (int i = 0; i < labels.size(); i++) {
            assertTrue(onImage.contains(labels.get(i).box().getBounds2D()), name + ": on the image: " + labels.get(i).text());
            for (int j = i + 1; j < labels.size(); j++) {
                Area both = new Area(labels.get(i).box());
                both.intersect(new Area(labels.get(j).box()));
                assertTrue(both.isEmpty(), name + ": '" + labels.get(i).text() + "' overlaps '" + labels.get(j).text() + "'");
            }
        }
        if (chart.getStyler().isLegendVisible()) {
            assertTrue(layout.legendSize().getWidth() <= chart.getWidth(), name + ": legend fits: " + layout.legendSize());
        }
        for (String label : layout.yLabels()) {
            assertFalse(label.contains("E") || label.startsWith(".") || label.startsWith("-."), name + ": plain: " + label);
        }
        return layout;
    }

    /** Every point, with its whole marker, lies inside the plot (XChart clips drawing to it). */
    private static void pointsInside(XYChart chart, ChartLayout layout) {
        Rectangle2D plot = grown(layout.plotBounds());
        double r = chart.getStyler().getMarkerSize() / 2.0;
        for (XYSeries s : chart.getSeriesMap().values()) {
            for (int i = 0; i < s.getXData().length; i++) {
                double x = chart.getScreenXFromChart(s.getXData()[i]);
                double y = chart.getScreenYFromChart(s.getYData()[i]);
                assertTrue(plot.contains(x - r, y - r, 2 * r, 2 * r), chart.getTitle() + ": " + s.getName() + " point "
                        + i + " at (" + x + ", " + y + ") outside " + plot);
            }
        }
    }

    /** Every bar's top, and the top of its error bar, lies inside the plot. */
    private static void barsInside(CategoryChart chart, ChartLayout layout) {
        Rectangle2D plot = grown(layout.plotBounds());
        for (CategorySeries s : chart.getSeriesMap().values()) {
            List<? extends Number> ys = List.copyOf(s.getYData());
            List<? extends Number> errors = s.getExtraValues() == null ? null : List.copyOf(s.getExtraValues());
            for (int i = 0; i < ys.size(); i++) {
                double e = errors == null ? 0 : errors.get(i).doubleValue();
                for (double y : new double[] {ys.get(i).doubleValue(), ys.get(i).doubleValue() + e}) {
                    if (chart.getStyler().isYAxisLogarithmic() && y <= 0) {
                        continue;
                    }
                    double screen = chart.getScreenYFromChart(y);
                    assertTrue(screen >= plot.getMinY() && screen <= plot.getMaxY(),
                            chart.getTitle() + ": " + s.getName() + " value " + y + " at y " + screen + " outside " + plot);
                }
            }
        }
    }

    /** Half a pixel of slack for rounding. */
    private static Rectangle2D grown(Rectangle2D r) {
        return new Rectangle2D.Double(r.getX() - 0.5, r.getY() - 0.5, r.getWidth() + 1, r.getHeight() + 1);
    }

    /** The series runs along y = x in data positions, and so climbs in a straight line on screen. */
    private static boolean straightDiagonal(XYChart chart, XYSeries series) {
        double[] xs = series.getXData();
        double[] ys = series.getYData();
        double slope = (chart.getScreenYFromChart(ys[ys.length - 1]) - chart.getScreenYFromChart(ys[0]))
                / (chart.getScreenXFromChart(xs[xs.length - 1]) - chart.getScreenXFromChart(xs[0]));
        for (int i = 0; i < xs.length; i++) {
            if (Math.abs(xs[i] - ys[i]) > 1e-9) {
                return false;
            }
            double expected = chart.getScreenYFromChart(ys[0])
                    + slope * (chart.getScreenXFromChart(xs[i]) - chart.getScreenXFromChart(xs[0]));
            if (Math.abs(chart.getScreenYFromChart(ys[i]) - expected) > 0.5) {
                return false;
            }
        }
        return true;
    }

    private static List<String> texts(ChartLayout layout) {
        return layout.xLabels().stream().map(ChartLayout.Label::text).toList();
    }

    private static Comparison<Integer> waits() {
        return new Comparison<>("1,000 tasks that each wait 50 ms", List.of(
                new VariantResult("pool of 200 platform threads", Measurement.of(0, List.of(0.3525612, 0.351, 0.356)), 1.0),
                new VariantResult("a platform thread per task", Measurement.of(0, List.of(0.2841, 0.29, 0.27)), 1.2),
                new VariantResult("a virtual thread per task", Measurement.of(0, List.of(0.0612, 0.063, 0.06)), 5.8),
                new VariantResult("delayed futures, one thread", Measurement.of(0, List.of(0.0553, 0.056, 0.0551)), 6.4)),
                1000, List.of());
    }

    private static SweepResult<String> sweep(String label, int[] workers, double serialFraction) {
        List<SweepPoint> points = new ArrayList<>();
        for (int n : workers) {
            double t = 1.0 / Amdahl.speedup(serialFraction, n);
            Measurement m = Measurement.of(1, List.of(t * 0.98, t, t * 1.03));
            double s = 1.0 / m.median();
            points.add(new SweepPoint(n, m, Measurement.of(0, List.of(1e-4)), s, s / n, Amdahl.karpFlatt(s, n)));
        }
        return new SweepResult<>(label, "fixed thread pool", Measurement.of(1, List.of(0.99, 1.0, 1.01)), points,
                Amdahl.fit(workers, points.stream().mapToDouble(SweepPoint::speedup).toArray()), "ok", 2, List.of());
    }
}
