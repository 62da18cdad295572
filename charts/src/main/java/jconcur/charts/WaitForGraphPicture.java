package jconcur.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import jconcur.concurrency.DeadlockReport;
import jconcur.concurrency.LockGraph;
import jconcur.display.MimeBundle;

/**
 * Draws a wait-for graph ({@link LockGraph}): threads as boxes, locks as ovals, dashed "waits for" arrows from
 * a thread to a lock, solid "held by" arrows from a lock to its holder, the deadlock cycle in red. A
 * {@link DeadlockReport} with locks in it, or a {@code LockGraph}, as a cell's last value renders through
 * here: the picture as image/png and the report's text as text/plain (for screen readers and plain clients).
 */
public final class WaitForGraphPicture {

    private static final Color THREAD_FILL = new Color(222, 235, 247);
    private static final Color THREAD_EDGE = new Color(31, 119, 180);
    private static final Color LOCK_FILL = new Color(255, 236, 214);
    private static final Color LOCK_EDGE = new Color(255, 127, 14);
    private static final Color CYCLE = new Color(214, 39, 40);
    private static final Color ARROW = new Color(110, 110, 110);
    private static final Color TEXT = new Color(40, 40, 40);
    private static final BasicStroke DASHED = new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND,
            10f, new float[] {6f, 4f}, 0f);
    private static final BasicStroke DASHED_BOLD = new BasicStroke(3f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND,
            10f, new float[] {8f, 5f}, 0f);

    private WaitForGraphPicture() {
    }

    /**
     * The graph as an image.
     *
     * @param graph holds, waits and cycle
     * @return the picture (720 pixels wide)
     */
    public static BufferedImage image(LockGraph graph) {
        WaitForGraphLayout layout = WaitForGraphLayout.of(graph);
        return Java2dPictures.image(layout.width(), layout.height(), g -> draw(g, layout));
    }

    /**
     * The graph as SVG text.
     *
     * @param graph holds, waits and cycle
     * @return an SVG document
     */
    public static String svgText(LockGraph graph) {
        WaitForGraphLayout layout = WaitForGraphLayout.of(graph);
        return Java2dPictures.svg(layout.width(), layout.height(), g -> draw(g, layout));
    }

    /**
     * The notebook rendering: the picture as image/png (+ SVG when asked) and {@code text} as text/plain.
     *
     * @param graph   holds, waits and cycle
     * @param text    what plain clients and screen readers get (the report's text)
     * @param withSvg whether to add image/svg+xml
     * @return the bundle
     */
    public static MimeBundle bundle(LockGraph graph, String text, boolean withSvg) {
        WaitForGraphLayout layout = WaitForGraphLayout.of(graph);
        Map<String, Object> data = new LinkedHashMap<>();
        BufferedImage image = Java2dPictures.image(layout.width(), layout.height(), g -> draw(g, layout));
        data.put("image/png", Base64.getEncoder().encodeToString(ChartImages.png(image)));
        if (withSvg) {
            data.put("image/svg+xml", Java2dPictures.svg(layout.width(), layout.height(), g -> draw(g, layout)));
        }
        data.put("text/plain", text);
        return new MimeBundle(data, Map.of("image/png", Map.of("width", layout.width(), "height", layout.height())));
    }

    static void draw(Graphics2D g, WaitForGraphLayout layout) {
        g.setFont(TimelineLayout.TITLE_FONT);
        g.setColor(layout.title().startsWith("DEADLOCK") ? CYCLE : TEXT);
        g.drawString(layout.title(), 12, 24);
        g.setFont(TimelineLayout.SMALL_FONT);
        for (WaitForGraphLayout.Arrow arrow : layout.arrows()) {
            drawArrow(g, layout.nodes().get(arrow.from()), layout.nodes().get(arrow.to()), arrow);
        }
        g.setFont(TimelineLayout.LABEL_FONT);
        for (WaitForGraphLayout.Node node : layout.nodes()) {
            drawNode(g, node);
        }
        drawLegend(g, layout.height() - 16);
    }

    private static void drawNode(Graphics2D g, WaitForGraphLayout.Node node) {
        double x = node.x() - node.halfW();
        double y = node.y() - node.halfH();
        java.awt.Shape shape = node.lock() ? new Ellipse2D.Double(x, y, 2 * node.halfW(), 2 * node.halfH())
                : new RoundRectangle2D.Double(x, y, 2 * node.halfW(), 2 * node.halfH(), 10, 10);
        g.setColor(node.lock() ? LOCK_FILL : THREAD_FILL);
        g.fill(shape);
        g.setStroke(new BasicStroke(node.onCycle() ? 3f : 1.5f));
        g.setColor(node.onCycle() ? CYCLE : node.lock() ? LOCK_EDGE : THREAD_EDGE);
        g.draw(shape);
        FontMetrics metrics = g.getFontMetrics();
        String label = node.name();
        while (metrics.stringWidth(label) > 2 * node.halfW() - 8 && label.length() > 2) {
            label = label.substring(0, label.length() - 2) + "…";
        }
        g.setColor(TEXT);
        g.drawString(label, (float) (node.x() - metrics.stringWidth(label) / 2.0),
                (float) (node.y() + metrics.getAscent() / 2.0 - 2));
    }

    private static void drawArrow(Graphics2D g, WaitForGraphLayout.Node from, WaitForGraphLayout.Node to,
                                  WaitForGraphLayout.Arrow arrow) {
        double dx = to.x() - from.x();
        double dy = to.y() - from.y();
        double length = Math.hypot(dx, dy);
        if (length < 1) {
            return;
        }
        double ux = dx / length;
        double uy = dy / length;
        double start = boundary(from, ux, uy) + 2;
        double end = length - boundary(to, ux, uy) - 3;
        double x0 = from.x() + ux * start;
        double y0 = from.y() + uy * start;
        double x1 = from.x() + ux * end;
        double y1 = from.y() + uy * end;
        Color color = arrow.onCycle() ? CYCLE : ARROW;
        g.setColor(color);
        g.setStroke(arrow.waits() ? (arrow.onCycle() ? DASHED_BOLD : DASHED)
                : new BasicStroke(arrow.onCycle() ? 3f : 1.6f));
        g.draw(new java.awt.geom.Line2D.Double(x0, y0, x1 - ux * 8, y1 - uy * 8));
        Path2D head = new Path2D.Double();
        head.moveTo(x1, y1);
        head.lineTo(x1 - ux * 12 - uy * 6, y1 - uy * 12 + ux * 6);
        head.lineTo(x1 - ux * 12 + uy * 6, y1 - uy * 12 - ux * 6);
        head.closePath();
        g.setStroke(new BasicStroke(1f));
        g.fill(head);
        String label = arrow.waits() ? "waits for" : "held by";
        FontMetrics metrics = g.getFontMetrics();
        if (end - start < metrics.stringWidth(label) + 40) {
            return; // no room: the legend says what dashed and solid mean
        }
        double mx = (x0 + x1) / 2;
        double my = (y0 + y1) / 2;
        int w = metrics.stringWidth(label) + 6;
        g.setColor(Color.WHITE);
        g.fillRect((int) (mx - w / 2.0), (int) (my - 8), w, 15);
        g.setColor(color);
        g.drawString(label, (float) (mx - w / 2.0 + 3), (float) (my + 4));
    }

    /** Distance from a node's centre to its outline along a unit direction (rectangle or ellipse). */
    private static double boundary(WaitForGraphLayout.Node node, double ux, double uy) {
        if (node.lock()) {
            return 1 / Math.sqrt(Math.pow(ux / node.halfW(), 2) + Math.pow(uy / node.halfH(), 2));
        }
        double tx = ux == 0 ? Double.MAX_VALUE : node.halfW() / Math.abs(ux);
        double ty = uy == 0 ? Double.MAX_VALUE : node.halfH() / Math.abs(uy);
        return Math.min(tx, ty);
    }

    private static void drawLegend(Graphics2D g, int y) {
        g.setFont(TimelineLayout.SMALL_FONT);
        int x = 12;
        g.setColor(THREAD_FILL);
        g.fillRoundRect(x, y - 10, 18, 12, 6, 6);
        g.setColor(THREAD_EDGE);
        g.drawRoundRect(x, y - 10, 18, 12, 6, 6);
        g.setColor(TEXT);
        g.drawString("thread", x + 24, y);
        x += 80;
        g.setColor(LOCK_FILL);
        g.fillOval(x, y - 10, 18, 12);
        g.setColor(LOCK_EDGE);
        g.drawOval(x, y - 10, 18, 12);
        g.setColor(TEXT);
        g.drawString("lock", x + 24, y);
        x += 66;
        legendLine(g, x, y, DASHED, ARROW, TEXT, "waits for");
        x += 100;
        legendLine(g, x, y, new BasicStroke(1.6f), ARROW, TEXT, "held by");
        x += 94;
        legendLine(g, x, y, new BasicStroke(3f), CYCLE, CYCLE, "the deadlock cycle");
        g.setStroke(new BasicStroke(1f));
    }

    /** One legend entry: a short line in the edge's stroke and colour, then its label. */
    private static void legendLine(Graphics2D g, int x, int y, Stroke stroke, Color line, Color label, String text) {
        g.setStroke(stroke);
        g.setColor(line);
        g.drawLine(x, y - 4, x + 28, y - 4);
        g.setColor(label);
        g.drawString(text, x + 34, y);
    }
}
