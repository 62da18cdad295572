package jconcur.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import jconcur.concurrency.AmdahlFit;
import jconcur.concurrency.Comparison;
import jconcur.concurrency.RaceReport;
import jconcur.concurrency.Stats;
import jconcur.concurrency.SweepResult;
import jconcur.concurrency.VariantResult;
import jconcur.display.MimeBundle;
import jconcur.display.Renderable;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Static chart builders for sweeps and comparisons, preloaded in every notebook
 * ({@code import static jconcur.charts.Charts.*}). Charts are XChart objects: show one as a cell's last
 * value (or with {@code display(chart)}) and it renders as PNG; tweak it with the XChart API first if you
 * like. Worker-count axes read 1, 2, 4, 8, ... (equally spaced when the counts double), and speedup axes then
 * double too, so that the ideal speedup = n is the straight diagonal it is. Every chart picks plain number
 * formats and non-overlapping category labels from its data when drawn, whatever series you add.
 *
 * <p>All charts are {@value #WIDTH} x {@value #HEIGHT} pixels unless you pass a size.
 */
public final class Charts {

    /** Default chart width in pixels. */
    public static final int WIDTH = 720;
    /** Default chart height in pixels. */
    public static final int HEIGHT = 400;
    /** About how much of the width the y axis and paddings take, and of the height title, x axis and legend. */
    private static final int X_AXIS_MARGIN = 110;
    private static final int Y_AXIS_MARGIN = 130;

    private Charts() {
    }

    // ---------------------------------------------------------------- sweeps

    /**
     * Time against workers: median per worker count with thin min and max lines (the spread), and the
     * sequential median as a dashed horizontal line.
     *
     * @param sweep a sweep result
     * @return the chart
     */
    public static XYChart timeChart(SweepResult<?> sweep) {
        int[] workers = sweep.workers();
        WorkerAxis axis = WorkerAxis.of(workers);
        double[] medians = sweep.medians();
        double scale = timeScale(Math.max(Arrays.stream(medians).max().orElse(0),
                sweep.sequential() == null ? 0 : sweep.sequential().median()));
        XYChart chart = ChartStyle.xy(WIDTH, HEIGHT, title(sweep, "time"), axis.title(), "time (" + unit(scale) + ")");
        workerAxis(chart, axis);
        double[] xs = axis.positions(workers);
        double[] mins = sweep.points().stream().mapToDouble(p -> p.time().min() * scale).toArray();
        double[] maxs = sweep.points().stream().mapToDouble(p -> p.time().max() * scale).toArray();
        XYSeries median = chart.addSeries("parallel, median", xs, scaled(medians, scale));
        style(median, ChartStyle.MEASURED, ChartStyle.SOLID, true);
        XYSeries low = chart.addSeries("min / max", xs, mins);
        style(low, ChartStyle.MEASURED_LIGHT, ChartStyle.THIN, false);
        XYSeries high = chart.addSeries("max", xs, maxs);
        style(high, ChartStyle.MEASURED_LIGHT, ChartStyle.THIN, false);
        high.setShowInLegend(false);
        if (sweep.sequential() != null) {
            double seq = sweep.sequential().median() * scale;
            XYSeries line = chart.addSeries("sequential, median", new double[] {xs[0], xs[xs.length - 1]},
                    new double[] {seq, seq});
            style(line, ChartStyle.SEQUENTIAL, ChartStyle.DASHED, false);
        }
        ChartStyle.legendBelow(chart.getStyler());
        chart.getStyler().setYAxisMin(0.0);
        return chart;
    }

    /**
     * Speedup against workers: the measured speedups, the ideal line (speedup = n), the fitted Amdahl curve
     * (labelled with its serial fraction and limit) and a vertical line at the number of cores.
     *
     * @param sweep a sweep result
     * @return the chart
     */
    public static XYChart speedupChart(SweepResult<?> sweep) {
        int[] workers = sweep.workers();
        WorkerAxis axis = WorkerAxis.of(workers);
        String y = sweep.isRelative() ? "speedup vs " + workers[0] + " worker(s)" : "speedup vs sequential";
        XYChart chart = ChartStyle.xy(WIDTH, HEIGHT, title(sweep, "speedup"), axis.title(), y);
        workerAxis(chart, axis);
        double[] samples = axis.samples();
        double[] sampleXs = axis.positions(samples);
        AmdahlFit fit = sweep.amdahl();
        double[] predicted = fit.isMeaningful() ? Arrays.stream(samples).map(fit::speedupAt).toArray() : new double[0];
        // a ceiling within one more doubling of the top is worth the room: it shows where the speedup levels off
        double[] ceiling = fit.isMeaningful() && fit.maxSpeedup() <= 2.0 * Arrays.stream(workers).max().orElse(1)
                ? new double[] {fit.maxSpeedup()} : new double[0];
        WorkerAxis speedups = speedupAxis(chart, axis, samples, predicted, sweep.speedups(), ceiling);
        XYSeries ideal = idealLine(chart, axis, speedups);
        style(ideal, ChartStyle.IDEAL, ChartStyle.DASHED, false);
        if (fit.isMeaningful()) {
            XYSeries amdahl = chart.addSeries(amdahlLabel(fit), sampleXs, speedups.positions(predicted));
            style(amdahl, ChartStyle.THEORY, ChartStyle.THIN, false);
            ceiling(chart, axis, speedups, fit.maxSpeedup(), ChartStyle.THEORY);
        }
        XYSeries measured = chart.addSeries("measured", axis.positions(workers), speedups.positions(sweep.speedups()));
        style(measured, ChartStyle.MEASURED, ChartStyle.SOLID, true);
        markCores(chart, axis, workers, sweep.cores(), speedups.minPosition());
        ChartStyle.legendBelow(chart.getStyler());
        return chart;
    }

    /**
     * Efficiency (speedup / n, in percent) against workers, with the ideal 100 % line.
     *
     * @param sweep a sweep result
     * @return the chart
     */
    public static XYChart efficiencyChart(SweepResult<?> sweep) {
        int[] workers = sweep.workers();
        WorkerAxis axis = WorkerAxis.of(workers);
        XYChart chart = ChartStyle.xy(WIDTH, HEIGHT, title(sweep, "efficiency"), axis.title(), "efficiency (%)");
        workerAxis(chart, axis);
        double[] xs = axis.positions(workers);
        XYSeries ideal = chart.addSeries("ideal (100 %)", new double[] {xs[0], xs[xs.length - 1]},
                new double[] {100, 100});
        style(ideal, ChartStyle.IDEAL, ChartStyle.DASHED, false);
        XYSeries measured = chart.addSeries("measured", xs, scaled(sweep.efficiencies(), 100));
        style(measured, ChartStyle.MEASURED, ChartStyle.SOLID, true);
        markCores(chart, axis, workers, sweep.cores(), 0.0);
        chart.getStyler().setYAxisMin(0.0);
        ChartStyle.legendBelow(chart.getStyler());
        return chart;
    }

    /**
     * Speedups of several sweeps on one chart (e.g. fixed pool vs ForkJoinPool, or two workloads), with the
     * ideal line. Each sweep is labelled by its label (or pool kind).
     *
     * @param sweeps two or more sweep results
     * @return the chart
     */
    public static XYChart speedupChart(SweepResult<?>... sweeps) {
        if (sweeps.length == 1) {
            return speedupChart(sweeps[0]);
        }
        int[] all = Arrays.stream(sweeps).flatMapToInt(s -> Arrays.stream(s.workers())).distinct().sorted().toArray();
        WorkerAxis axis = WorkerAxis.of(all);
        XYChart chart = ChartStyle.xy(WIDTH, HEIGHT, "speedup", axis.title(), "speedup");
        workerAxis(chart, axis);
        WorkerAxis speedups = speedupAxis(chart, axis, axis.ends(),
                Arrays.stream(sweeps).flatMapToDouble(s -> Arrays.stream(s.speedups())).toArray());
        XYSeries ideal = idealLine(chart, axis, speedups);
        style(ideal, ChartStyle.IDEAL, ChartStyle.DASHED, false);
        for (int i = 0; i < sweeps.length; i++) {
            String name = sweeps[i].label().isBlank() ? sweeps[i].poolKind() : sweeps[i].label();
            XYSeries s = chart.addSeries(uniqueName(chart, name), axis.positions(sweeps[i].workers()),
                    speedups.positions(sweeps[i].speedups()));
            style(s, ChartStyle.PALETTE[i % ChartStyle.PALETTE.length], ChartStyle.SOLID, true);
        }
        markCores(chart, axis, all, sweeps[0].cores(), speedups.minPosition());
        ChartStyle.legendBelow(chart.getStyler());
        return chart;
    }

    /**
     * Median times of several sweeps on one chart (e.g. a single lock vs an approximate counter).
     *
     * @param sweeps two or more sweep results
     * @return the chart
     */
    public static XYChart timeChart(SweepResult<?>... sweeps) {
        if (sweeps.length == 1) {
            return timeChart(sweeps[0]);
        }
        int[] all = Arrays.stream(sweeps).flatMapToInt(s -> Arrays.stream(s.workers())).distinct().sorted().toArray();
        WorkerAxis axis = WorkerAxis.of(all);
        double scale = timeScale(Arrays.stream(sweeps).flatMapToDouble(s -> Arrays.stream(s.medians())).max().orElse(0));
        XYChart chart = ChartStyle.xy(WIDTH, HEIGHT, "time", axis.title(), "time (" + unit(scale) + ")");
        workerAxis(chart, axis);
        for (int i = 0; i < sweeps.length; i++) {
            String name = sweeps[i].label().isBlank() ? sweeps[i].poolKind() : sweeps[i].label();
            XYSeries s = chart.addSeries(uniqueName(chart, name), axis.positions(sweeps[i].workers()),
                    scaled(sweeps[i].medians(), scale));
            style(s, ChartStyle.PALETTE[i % ChartStyle.PALETTE.length], ChartStyle.SOLID, true);
        }
        ChartStyle.legendBelow(chart.getStyler());
        chart.getStyler().setYAxisMin(0.0);
        return chart;
    }

    /**
     * Amdahl's law for several serial fractions (theory only), from 1 to {@code maxWorkers} workers, with the
     * ideal line.
     *
     * @param maxWorkers      the largest worker count shown (e.g. 32)
     * @param serialFractions serial fractions B between 0 and 1, e.g. 0.05, 0.1, 0.25, 0.5
     * @return the chart
     */
    public static XYChart amdahlChart(int maxWorkers, double... serialFractions) {
        if (maxWorkers < 2) {
            throw new IllegalArgumentException("maxWorkers must be at least 2, got " + maxWorkers);
        }
        int top = Integer.highestOneBit(maxWorkers) == maxWorkers ? maxWorkers : Integer.highestOneBit(maxWorkers) * 2;
        WorkerAxis axis = WorkerAxis.of(new int[] {1, top});
        XYChart chart = ChartStyle.xy(WIDTH, HEIGHT, "Amdahl's law", axis.title(), "speedup");
        workerAxis(chart, axis);
        double[] samples = axis.samples();
        double[] xs = axis.positions(samples);
        WorkerAxis speedups = speedupAxis(chart, axis, samples);
        XYSeries ideal = idealLine(chart, axis, speedups);
        style(ideal, ChartStyle.IDEAL, ChartStyle.DASHED, false);
        for (int i = 0; i < serialFractions.length; i++) {
            double b = serialFractions[i];
            double[] ys = Arrays.stream(samples).map(n -> jconcur.concurrency.Amdahl.speedup(b, n)).toArray();
            Color color = ChartStyle.PALETTE[(i + 1) % ChartStyle.PALETTE.length];
            XYSeries s = chart.addSeries(String.format(Locale.ROOT, "B = %.2f (limit %s)", b,
                    b > 0 ? String.format(Locale.ROOT, "%.1f", 1 / b) : "none"), xs, speedups.positions(ys));
            style(s, color, ChartStyle.SOLID, false);
            ceiling(chart, axis, speedups, 1 / b, color);
        }
        ChartStyle.legendBelow(chart.getStyler());
        return chart;
    }

    // ---------------------------------------------------------------- comparisons

    /**
     * A bar chart of a comparison: median time per variant, error bars ± MAD, values on the bars.
     *
     * @param comparison a comparison result
     * @return the chart
     */
    public static CategoryChart comparisonChart(Comparison<?> comparison) {
        List<VariantResult> variants = comparison.variants();
        double scale = timeScale(variants.stream().mapToDouble(v -> v.time().median()).max().orElse(0));
        String title = comparison.label().isBlank() ? "median time per variant" : comparison.label();
        CategoryChart chart = ChartStyle.bars(WIDTH, HEIGHT, title, "", "time (" + unit(scale) + "), ± MAD");
        List<String> names = variants.stream().map(VariantResult::name).toList();
        List<Double> medians = variants.stream().map(v -> v.time().median() * scale).toList();
        List<Double> mads = variants.stream().map(v -> v.time().mad() * scale).toList();
        CategorySeries series = chart.addSeries("median", names, medians, mads);
        series.setFillColor(ChartStyle.MEASURED);
        chart.getStyler().setErrorBarsColor(Color.DARK_GRAY);
        chart.getStyler().setYAxisMin(0.0);
        // the last digit printed is about the size of the typical spread: digits beyond it are noise
        double spread = Stats.median(mads.stream().mapToDouble(Double::doubleValue).toArray());
        double largest = medians.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        chart.getStyler().setYAxisDecimalPattern(NumberFormats.pattern(NumberFormats.spreadDecimals(spread, largest)));
        return chart;
    }

    /**
     * Lost updates of several counters side by side: min, median and max final count per counter as a
     * percentage of the expected count (100 % = no update lost).
     *
     * @param reports results of {@code lostUpdates(...)}, one per counter
     * @return the chart
     */
    public static CategoryChart raceChart(RaceReport... reports) {
        if (reports.length == 0) {
            throw new IllegalArgumentException("give at least one race report");
        }
        CategoryChart chart = ChartStyle.bars(WIDTH, HEIGHT, "final count vs expected", "", "% of expected count");
        chart.getStyler().setLabelsVisible(false);
        List<String> names = new ArrayList<>();
        for (RaceReport r : reports) {
            names.add(uniqueCategory(names, r.counter()));
        }
        chart.addSeries("min", names, Arrays.stream(reports).map(r -> 100.0 * r.min() / r.expected()).toList());
        chart.addSeries("median", names, Arrays.stream(reports).map(r -> 100.0 * r.median() / r.expected()).toList());
        chart.addSeries("max", names, Arrays.stream(reports).map(r -> 100.0 * r.max() / r.expected()).toList());
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(100.0);
        return chart;
    }

    /**
     * A histogram: how many values fall in each bin, with every bin over the values' range shown, empty ones
     * too (e.g. final counts 10, 12, 14 give bars for 10, 11, 12, 13 and 14). Integer values get one bin per
     * integer while they span at most 30; wider ranges and real values get bins of a round width (1, 2 or 5
     * times a power of ten), labelled by their range ("0–49", "[0.5, 1)").
     *
     * @param title      chart title
     * @param valueTitle what the values are (x axis title), e.g. "final value"
     * @param countTitle what is counted (y axis title), e.g. "trials"
     * @param values     the values, at least one
     * @return the chart
     */
    public static CategoryChart histogram(String title, String valueTitle, String countTitle,
            Collection<? extends Number> values) {
        HistogramBins bins = HistogramBins.of(values);
        CategoryChart chart = ChartStyle.bars(WIDTH, HEIGHT, title, valueTitle, countTitle);
        chart.addSeries(countTitle.isBlank() ? "count" : countTitle, bins.labels(), bins.counts())
                .setFillColor(ChartStyle.MEASURED);
        chart.getStyler().setAvailableSpaceFill(0.92);
        chart.getStyler().setYAxisMin(0.0);
        return chart;
    }

    private static String uniqueCategory(List<String> taken, String name) {
        String candidate = name;
        for (int i = 2; taken.contains(candidate); i++) {
            candidate = name + " (" + i + ")";
        }
        return candidate;
    }

    /**
     * An empty line chart in the jconcur style, for your own series ({@code chart.addSeries(name, xs, ys)}).
     *
     * @param title  chart title
     * @param xTitle x axis title
     * @param yTitle y axis title
     * @return the chart
     */
    public static XYChart lineChart(String title, String xTitle, String yTitle) {
        return ChartStyle.xy(WIDTH, HEIGHT, title, xTitle, yTitle);
    }

    /**
     * An empty bar chart in the jconcur style, for your own series
     * ({@code chart.addSeries(name, List.of("a", "b"), List.of(1, 2))}). The legend shows, under the plot, when
     * the chart has more than one series.
     *
     * @param title  chart title
     * @param xTitle x axis title
     * @param yTitle y axis title
     * @return the chart
     */
    public static CategoryChart barChart(String title, String xTitle, String yTitle) {
        return ChartStyle.bars(WIDTH, HEIGHT, title, xTitle, yTitle);
    }

    // ---------------------------------------------------------------- output

    /**
     * Encodes a chart as PNG (headless).
     *
     * @param chart any XChart chart
     * @return the PNG file's bytes
     */
    public static byte[] pngBytes(Chart<?, ?> chart) {
        return ChartImages.png(chart);
    }

    /**
     * Encodes an image as PNG.
     *
     * @param image any image
     * @return the PNG file's bytes
     */
    public static byte[] pngBytes(BufferedImage image) {
        return ChartImages.png(image);
    }

    /**
     * Encodes a chart as an SVG document (headless, through VectorGraphics2D).
     *
     * @param chart any XChart chart
     * @return the SVG text
     */
    public static String svgText(Chart<?, ?> chart) {
        return ChartImages.svg(chart);
    }

    /**
     * Wraps a chart so that it renders as SVG (plus PNG for front ends without SVG):
     * {@code svg(speedupChart(r))} as a cell's last value or in {@code display(...)}. To get SVG for every
     * chart, use {@link Renderers#includeSvg(boolean)}.
     *
     * @param chart any XChart chart
     * @return a renderable showing the chart as image/svg+xml
     */
    public static Renderable svg(Chart<?, ?> chart) {
        return () -> {
            MimeBundle png = Renderers.chartBundle(chart, false);
            Map<String, Object> data = new LinkedHashMap<>(png.data());
            data.put("image/svg+xml", svgText(chart));
            return new MimeBundle(data, png.metadata());
        };
    }

    /**
     * Wraps an image so that it renders as PNG (a {@code BufferedImage} renders so anyway as a last value).
     *
     * @param image the image
     * @return a renderable showing the image
     */
    public static Renderable image(BufferedImage image) {
        return () -> Renderers.imageBundle(image);
    }

    /**
     * The HTML table of a sweep (what the notebook shows, without the charts).
     *
     * @param sweep a sweep result
     * @return an HTML fragment
     */
    public static String htmlTable(SweepResult<?> sweep) {
        return HtmlTables.sweep(sweep);
    }

    /**
     * The HTML table of a comparison (without the chart).
     *
     * @param comparison a comparison result
     * @return an HTML fragment
     */
    public static String htmlTable(Comparison<?> comparison) {
        return HtmlTables.comparison(comparison);
    }

    // ---------------------------------------------------------------- helpers

    private static void workerAxis(XYChart chart, WorkerAxis axis) {
        chart.setCustomXAxisTickLabelsFormatter(axis.labels());
        chart.getStyler().setXAxisMin(axis.minPosition() - axis.padding());
        chart.getStyler().setXAxisMax(axis.maxPosition() + axis.padding());
        if (axis.isLog2()) {
            chart.getStyler().setXAxisTickMarkSpacingHint(axis.tickSpacingHint(chart.getWidth() - X_AXIS_MARGIN));
        }
    }

    /**
     * Puts speedups on the same kind of scale as the workers (both doubling or both linear, from 0), so that
     * the ideal speedup = n is the straight diagonal it is. Returns the axis that places speedups.
     *
     * @param values every speedup the chart shows (ideal, theory, measured)
     */
    private static WorkerAxis speedupAxis(XYChart chart, WorkerAxis workers, double[]... values) {
        double[] all = Arrays.stream(values).flatMapToDouble(Arrays::stream).filter(v -> v > 0).toArray();
        WorkerAxis axis = workers.sameScale(Arrays.stream(all).min().orElse(1), Arrays.stream(all).max().orElse(1));
        if (axis.isLog2()) {
            chart.setCustomYAxisTickLabelsFormatter(axis.labels());
            chart.getStyler().setYAxisMin(axis.minPosition() - axis.padding());
            chart.getStyler().setYAxisMax(axis.maxPosition() + axis.padding());
            chart.getStyler().setYAxisTickMarkSpacingHint(axis.tickSpacingHint(chart.getHeight() - Y_AXIS_MARGIN));
            chart.setYAxisTitle(chart.getYAxisTitle() + " (doubling)");
        } else {
            chart.getStyler().setYAxisMin(0.0);
        }
        return axis;
    }

    /** The ideal speedup = n: straight on both scales, so its two ends draw it (and keep its dashes even). */
    private static XYSeries idealLine(XYChart chart, WorkerAxis workers, WorkerAxis speedups) {
        double[] ends = workers.ends();
        return chart.addSeries("ideal (speedup = n)", workers.positions(ends), speedups.positions(ends));
    }

    /** Amdahl's ceiling (speedup 1/B), a dotted line in the curve's colour, where it falls inside the chart. */
    private static void ceiling(XYChart chart, WorkerAxis workers, WorkerAxis speedups, double limit, Color color) {
        if (Double.isFinite(limit) && speedups.position(limit) <= speedups.maxPosition()) {
            double y = speedups.position(limit);
            XYSeries line = chart.addSeries(uniqueName(chart, "Amdahl limit"),
                    new double[] {workers.minPosition(), workers.maxPosition()}, new double[] {y, y});
            style(line, color, ChartStyle.DOTTED, false);
            line.setShowInLegend(false);
        }
    }


    private static void markCores(XYChart chart, WorkerAxis axis, int[] workers, int cores, double textY) {
        int lo = Arrays.stream(workers).min().orElse(1);
        int hi = Arrays.stream(workers).max().orElse(1);
        if (cores > lo && cores < hi) {
            AnnotationLine line = new AnnotationLine(axis.position(cores), true, false);
            chart.addAnnotation(line);
            chart.getStyler().setAnnotationLineColor(ChartStyle.IDEAL);
            chart.getStyler().setAnnotationLineStroke(ChartStyle.THIN);
            AnnotationText text = new AnnotationText(cores + " cores", axis.position(cores), textY, false);
            chart.addAnnotation(text);
            chart.getStyler().setAnnotationTextFontColor(ChartStyle.IDEAL);
        }
    }

    private static void style(XYSeries series, Color color, BasicStroke stroke, boolean markers) {
        series.setLineColor(color);
        series.setLineStyle(stroke);
        series.setMarker(markers ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
        series.setMarkerColor(color);
    }

    private static String title(SweepResult<?> sweep, String what) {
        String name = sweep.label().isBlank() ? sweep.poolKind() : sweep.label() + " (" + sweep.poolKind() + ")";
        return what + ": " + name;
    }

    private static String amdahlLabel(AmdahlFit fit) {
        String limit = Double.isInfinite(fit.maxSpeedup()) ? "unbounded"
                : String.format(Locale.ROOT, "%.1f", fit.maxSpeedup());
        return String.format(Locale.ROOT, "Amdahl fit, B = %.3f (limit %s)", fit.serialFraction(), limit);
    }

    private static String uniqueName(XYChart chart, String name) {
        String candidate = name;
        for (int i = 2; chart.getSeriesMap().containsKey(candidate); i++) {
            candidate = name + " (" + i + ")";
        }
        return candidate;
    }

    /** Seconds to the unit that keeps axis numbers readable. */
    static double timeScale(double maxSeconds) {
        return maxSeconds >= 10 ? 1 : maxSeconds >= 0.01 ? 1e3 : maxSeconds >= 1e-5 ? 1e6 : 1e9;
    }

    static String unit(double scale) {
        return scale == 1 ? "s" : scale == 1e3 ? "ms" : scale == 1e6 ? "µs" : "ns";
    }

    private static double[] scaled(double[] values, double factor) {
        return Arrays.stream(values).map(v -> v * factor).toArray();
    }
}
