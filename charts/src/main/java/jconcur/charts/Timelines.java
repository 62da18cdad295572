package jconcur.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import jconcur.concurrency.Timeline;
import jconcur.display.MimeBundle;
import jconcur.display.Renderable;

/**
 * Draws a {@link Timeline}: one row per thread, one bar per task from its start to its end, coloured by
 * group, time on the x axis; lock waits as grey bars, nested spans as thinner bars inside their parent,
 * tasks that threw with a red edge. A timeline as a cell's last value renders through here (PNG, plus SVG
 * when {@code Renderers.includeSvg(true)}); {@code Timelines.svg(t)} shows one as SVG.
 */
public final class Timelines {

    private static final Color GRID = new Color(225, 225, 225);
    private static final Color TEXT = new Color(40, 40, 40);

    private Timelines() {
    }

    /**
     * The timeline as an image.
     *
     * @param timeline a recorded timeline
     * @return the picture (900 pixels wide; the height grows with the rows)
     */
    public static BufferedImage image(Timeline timeline) {
        TimelineLayout layout = TimelineLayout.of(timeline);
        return Java2dPictures.image(layout.width(), layout.height(), g -> draw(g, layout));
    }

    /**
     * The timeline as PNG bytes.
     *
     * @param timeline a recorded timeline
     * @return PNG bytes
     */
    public static byte[] png(Timeline timeline) {
        return ChartImages.png(image(timeline));
    }

    /**
     * The timeline as SVG text.
     *
     * @param timeline a recorded timeline
     * @return an SVG document
     */
    public static String svgText(Timeline timeline) {
        TimelineLayout layout = TimelineLayout.of(timeline);
        return Java2dPictures.svg(layout.width(), layout.height(), g -> draw(g, layout));
    }

    /**
     * The timeline shown as SVG (and its text summary) instead of PNG: {@code Timelines.svg(t)}.
     *
     * @param timeline a recorded timeline
     * @return a value that renders as image/svg+xml
     */
    public static Renderable svg(Timeline timeline) {
        return () -> new MimeBundle(Map.of("image/svg+xml", svgText(timeline), "text/plain", timeline.toString()),
                Map.of());
    }

    /**
     * The notebook rendering: image/png, the text summary as text/plain, and SVG when asked.
     *
     * @param timeline a recorded timeline
     * @param withSvg  whether to add image/svg+xml
     * @return the bundle
     */
    public static MimeBundle bundle(Timeline timeline, boolean withSvg) {
        TimelineLayout layout = TimelineLayout.of(timeline);
        Map<String, Object> data = new LinkedHashMap<>();
        BufferedImage image = Java2dPictures.image(layout.width(), layout.height(), g -> draw(g, layout));
        data.put("image/png", Base64.getEncoder().encodeToString(ChartImages.png(image)));
        if (withSvg) {
            data.put("image/svg+xml", Java2dPictures.svg(layout.width(), layout.height(), g -> draw(g, layout)));
        }
        data.put("text/plain", timeline.toString());
        return new MimeBundle(data, Map.of("image/png", Map.of("width", layout.width(), "height", layout.height())));
    }

    static void draw(Graphics2D g, TimelineLayout layout) {
        int left = layout.plotLeft();
        int right = left + layout.plotWidth();
        int top = layout.plotTop();
        int bottom = layout.rows().isEmpty() ? top : last(layout).y() + last(layout).height();

        g.setColor(TEXT);
        g.setFont(TimelineLayout.TITLE_FONT);
        g.drawString(fit(layout.title(), g.getFontMetrics(), layout.width() - 24), 12, 24);

        g.setFont(TimelineLayout.SMALL_FONT);
        FontMetrics small = g.getFontMetrics();
        for (TimelineLayout.Tick tick : layout.ticks()) {
            g.setColor(GRID);
            g.drawLine((int) tick.x(), top, (int) tick.x(), bottom);
            g.setColor(TEXT);
            g.drawLine((int) tick.x(), bottom, (int) tick.x(), bottom + 4);
            g.drawString(tick.label(), (int) tick.x() - small.stringWidth(tick.label()) / 2, bottom + 16);
        }
        g.drawLine(left, bottom, right, bottom);
        g.setFont(TimelineLayout.LABEL_FONT);
        String axis = "time since the recording started";
        g.drawString(axis, left + (layout.plotWidth() - g.getFontMetrics().stringWidth(axis)) / 2, bottom + 34);

        g.setFont(TimelineLayout.SMALL_FONT);
        for (TimelineLayout.Row row : layout.rows()) {
            String label = fit(row.label(), small, left - 18);
            g.setColor(TEXT);
            g.drawString(label, left - 8 - small.stringWidth(label), row.y() + row.height() / 2 + small.getAscent() / 2 - 1);
        }
        // short bars last, so that a long neighbour drawn later cannot hide them
        layout.bars().stream().filter(b -> b.x1() - b.x0() >= 3).forEach(bar -> drawBar(g, layout, bar, small));
        layout.bars().stream().filter(b -> b.x1() - b.x0() < 3).forEach(bar -> drawBar(g, layout, bar, small));
        drawLegend(g, layout, bottom + 44);
    }

    private static void drawBar(Graphics2D g, TimelineLayout layout, TimelineLayout.Bar bar, FontMetrics small) {
        TimelineLayout.Row row = layout.rows().get(bar.row());
        double inset = 2 + 3 * bar.depth();
        double y = row.y() + inset;
        double h = Math.max(2, row.height() - 2 * inset);
        if (bar.lockWait()) {
            y = row.y() + row.height() / 2.0;
            h = Math.max(2, row.height() / 2.0 - 2);
        }
        Rectangle2D box = new Rectangle2D.Double(layout.plotLeft() + bar.x0(), y, bar.x1() - bar.x0(), h);
        g.setColor(bar.color());
        g.fill(box);
        if (bar.failed()) {
            g.setColor(TimelineLayout.FAILED);
            g.setStroke(new BasicStroke(2f));
            g.draw(box);
            g.setStroke(new BasicStroke(1f));
        } else if (box.getWidth() >= 8 && row.height() >= 12) {
            // a white edge separates long neighbours; on short bars it would hide the colour
            g.setColor(Color.WHITE);
            g.draw(new Rectangle2D.Double(box.getX(), box.getY(), box.getWidth(), box.getHeight()));
        }
        if (bar.label() != null && h >= small.getAscent()) {
            g.setColor(textOn(bar.color()));
            g.drawString(bar.label(), (float) box.getX() + 3, (float) (y + h / 2 + small.getAscent() / 2.0 - 1));
        }
    }

    private static void drawLegend(Graphics2D g, TimelineLayout layout, int y) {
        g.setFont(TimelineLayout.LABEL_FONT);
        FontMetrics metrics = g.getFontMetrics();
        int x = 12;
        for (TimelineLayout.LegendEntry entry : layout.legend()) {
            int w = TimelineLayout.legendEntryWidth(metrics, entry);
            if (x > 12 && x + w > layout.width() - 12) {
                x = 12;
                y += 18;
            }
            g.setColor(entry.color());
            g.fillRect(x, y, 14, 12);
            g.setColor(TEXT);
            g.drawString(entry.name(), x + 20, y + 11);
            x += w;
        }
        if (!layout.note().isEmpty()) {
            g.setFont(TimelineLayout.SMALL_FONT);
            g.setColor(new Color(100, 100, 100));
            g.drawString(fit(layout.note(), g.getFontMetrics(), layout.width() - 24), 12,
                    y + (layout.legend().isEmpty() ? 11 : 29));
        }
    }

    private static TimelineLayout.Row last(TimelineLayout layout) {
        return layout.rows().get(layout.rows().size() - 1);
    }

    /** Black on light fills, white on dark ones. */
    private static Color textOn(Color fill) {
        double luminance = 0.299 * fill.getRed() + 0.587 * fill.getGreen() + 0.114 * fill.getBlue();
        return luminance > 150 ? TEXT : Color.WHITE;
    }

    private static String fit(String text, FontMetrics metrics, int width) {
        if (metrics.stringWidth(text) <= width) {
            return text;
        }
        String cut = text;
        while (!cut.isEmpty() && metrics.stringWidth(cut + "…") > width) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut + "…";
    }
}
