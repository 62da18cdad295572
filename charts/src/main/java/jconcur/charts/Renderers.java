package jconcur.charts;

import java.awt.image.BufferedImage;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import jconcur.concurrency.Comparison;
import jconcur.concurrency.DeadlockReport;
import jconcur.concurrency.LockGraph;
import jconcur.concurrency.SweepResult;
import jconcur.concurrency.Timeline;
import jconcur.display.MimeBundle;
import jconcur.display.Renderable;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Chooses how a value is shown in a notebook (the kernel calls {@link #render(Object)} for a cell's last
 * value and for {@code display(x)}):
 * <ul>
 *   <li>{@link Renderable}: its own bundle;</li>
 *   <li>an XChart chart: image/png (+ image/svg+xml when {@link #includeSvg(boolean) enabled}) + text/plain;</li>
 *   <li>{@link SweepResult}: text/html (table + time and speedup charts as embedded PNG), image/png of the
 *       speedup chart, text/plain table;</li>
 *   <li>{@link Comparison}: text/html (table + bar chart), image/png of the bar chart, text/plain;</li>
 *   <li>{@link Timeline}: image/png of the thread timeline (+ SVG when enabled), text/plain summary;</li>
 *   <li>{@link DeadlockReport} with locks in it, {@link LockGraph}: image/png of the wait-for graph,
 *       text/plain report;</li>
 *   <li>{@link BufferedImage}: image/png;</li>
 *   <li>anything else: empty (the kernel shows the value's text).</li>
 * </ul>
 * Rendering failures never escape: the value then falls back to its text.
 */
public final class Renderers {

    private static volatile boolean includeSvg;

    private Renderers() {
    }

    /**
     * Adds an image/svg+xml version to every rendered chart (off by default: SVG is larger and slower).
     * For a single chart use {@code svg(chart)} instead.
     *
     * @param enabled true to include SVG
     */
    public static void includeSvg(boolean enabled) {
        includeSvg = enabled;
    }

    /**
     * The rich rendering of a value, if it has one.
     *
     * @param value any value (null gives empty)
     * @return the bundle to display, or empty to show the value's text
     */
    public static Optional<MimeBundle> render(Object value) {
        try {
            return Optional.ofNullable(bundle(value));
        } catch (RuntimeException | LinkageError e) {
            // A value that cannot be drawn (no fonts, broken user Renderable) is still shown as text.
            return Optional.of(MimeBundle.text(String.valueOf(value) + "\n(rendering failed: " + e + ")"));
        }
    }

    private static MimeBundle bundle(Object value) {
        if (value instanceof Renderable renderable) {
            return renderable.toMimeBundle();
        }
        if (value instanceof Chart<?, ?> chart) {
            return chartBundle(chart, includeSvg);
        }
        if (value instanceof SweepResult<?> sweep) {
            return sweepBundle(sweep);
        }
        if (value instanceof Comparison<?> comparison) {
            return comparisonBundle(comparison);
        }
        if (value instanceof Timeline timeline) {
            return Timelines.bundle(timeline, includeSvg);
        }
        if (value instanceof DeadlockReport report && !report.graph().isEmpty()) {
            return WaitForGraphPicture.bundle(report.graph(), report.toString(), includeSvg);
        }
        if (value instanceof LockGraph graph && !graph.isEmpty()) {
            return WaitForGraphPicture.bundle(graph, graph.toString(), includeSvg);
        }
        if (value instanceof BufferedImage image) {
            return imageBundle(image);
        }
        return null;
    }

    /**
     * A chart as image/png plus a text/plain description (and SVG when asked).
     *
     * @param chart the chart
     * @param svg   whether to add image/svg+xml
     * @return the bundle
     */
    public static MimeBundle chartBundle(Chart<?, ?> chart, boolean svg) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("image/png", base64(Charts.pngBytes(chart)));
        if (svg) {
            data.put("image/svg+xml", Charts.svgText(chart));
        }
        data.put("text/plain", describe(chart));
        return new MimeBundle(data, imageSize(chart.getWidth(), chart.getHeight()));
    }

    /**
     * An image as image/png.
     *
     * @param image the image
     * @return the bundle
     */
    public static MimeBundle imageBundle(BufferedImage image) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("image/png", base64(Charts.pngBytes(image)));
        data.put("text/plain", "BufferedImage " + image.getWidth() + "x" + image.getHeight());
        return new MimeBundle(data, imageSize(image.getWidth(), image.getHeight()));
    }

    private static MimeBundle sweepBundle(SweepResult<?> sweep) {
        String speedup = base64(Charts.pngBytes(Charts.speedupChart(sweep)));
        String time = base64(Charts.pngBytes(Charts.timeChart(sweep)));
        String html = Charts.htmlTable(sweep) + "<div style=\"display:flex;flex-wrap:wrap;gap:8px\">"
                + img(time, "time against workers") + img(speedup, "speedup against workers") + "</div>";
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("text/html", html);
        data.put("image/png", speedup);
        data.put("text/plain", sweep.toString());
        return new MimeBundle(data, imageSize(Charts.WIDTH, Charts.HEIGHT));
    }

    private static MimeBundle comparisonBundle(Comparison<?> comparison) {
        String bars = base64(Charts.pngBytes(Charts.comparisonChart(comparison)));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("text/html", Charts.htmlTable(comparison) + img(bars, "median time per variant"));
        data.put("image/png", bars);
        data.put("text/plain", comparison.toString());
        return new MimeBundle(data, imageSize(Charts.WIDTH, Charts.HEIGHT));
    }

    private static String img(String base64Png, String alt) {
        return "<img style=\"max-width:100%\" alt=\"" + alt + "\" src=\"data:image/png;base64," + base64Png + "\"/>";
    }

    private static String describe(Chart<?, ?> chart) {
        String title = chart.getTitle() == null || chart.getTitle().isBlank() ? "" : " '" + chart.getTitle() + "'";
        return xchartType(chart.getClass()) + title + " (" + chart.getWidth() + "x" + chart.getHeight()
                + ", series: " + String.join(", ", chart.getSeriesMap().keySet()) + ")";
    }

    /** The XChart type a chart is (XYChart, CategoryChart...), not the jconcur subclass that styles it. */
    private static String xchartType(Class<?> type) {
        Class<?> c = type;
        while (c.getSuperclass() != null && !c.getPackageName().startsWith("org.knowm.xchart")) {
            c = c.getSuperclass();
        }
        return c.getPackageName().startsWith("org.knowm.xchart") ? c.getSimpleName() : type.getSimpleName();
    }

    private static Map<String, Object> imageSize(int width, int height) {
        return Map.of("image/png", Map.of("width", width, "height", height));
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
