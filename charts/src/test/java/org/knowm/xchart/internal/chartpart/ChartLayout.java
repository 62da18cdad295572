package org.knowm.xchart.internal.chartpart;

import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.style.AxesChartStyler;

/**
 * Reads a chart's layout as XChart computed it while painting: plot bounds, and where each axis tick label
 * was drawn (the outline XChart fills, placed as {@code AxisTickLabels} places it). Lives in XChart's package
 * because the parts' getters are package-private.
 */
public final class ChartLayout {

    /** A tick label as drawn: its text and the (turned) box of its text line, in chart pixels. */
    public record Label(String text, Shape box) {
    }

    private final Chart<?, ?> chart;
    private final FontRenderContext frc;

    private ChartLayout(Chart<?, ?> chart, FontRenderContext frc) {
        this.chart = chart;
        this.frc = frc;
    }

    /** Paints the chart at its size, as the PNG encoder does, and returns its layout. */
    public static ChartLayout of(Chart<?, ?> chart) {
        BufferedImage image = new BufferedImage(chart.getWidth(), chart.getHeight(), BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            chart.paint(g, chart.getWidth(), chart.getHeight());
            return new ChartLayout(chart, g.getFontRenderContext());
        } finally {
            g.dispose();
        }
    }

    public Rectangle2D plotBounds() {
        return chart.getPlot().getBounds();
    }

    /** The x tick labels drawn (XChart skips those outside the axis or the chart). */
    public List<Label> xLabels() {
        AxesChartStyler styler = (AxesChartStyler) chart.getStyler();
        List<Label> labels = new ArrayList<>();
        if (!styler.isXAxisTicksVisible()) {
            return labels;
        }
        Axis<?, ?> axis = chart.getXAxis();
        AxisTickCalculator ticks = axis.getAxisTickCalculator();
        double xOffset = axis.getBounds().getX();
        double yOffset = axis.getAxisTitle().getBounds().getY();
        AffineTransform rotation = AffineTransform.getRotateInstance(-Math.toRadians(styler.getXAxisLabelRotation()), 0, 0);
        List<String> texts = new ArrayList<>();
        List<Double> places = new ArrayList<>();
        int tallest = 0;
        for (int i = 0; i < ticks.getTickLabels().size(); i++) {
            String text = ticks.getTickLabels().get(i);
            double at = xOffset + ticks.getTickLocations().get(i);
            if (text != null && at > xOffset && at < xOffset + axis.getBounds().getWidth()) {
                texts.add(text);
                places.add(at);
                tallest = Math.max(tallest, outline(text, styler, rotation).getBounds().height);
            }
        }
        for (int i = 0; i < texts.size(); i++) {
            Shape shape = outline(texts.get(i), styler, rotation);
            Rectangle2D box = shape.getBounds2D();
            int height = box.getBounds().height;
            int alignmentOffset = switch (styler.getXAxisLabelAlignmentVertical()) {
                case Right -> tallest - height;
                case Centre -> (tallest - height) / 2;
                default -> 0;
            };
            double xPos = switch (styler.getXAxisLabelAlignment()) {
                case Left -> places.get(i);
                case Right -> places.get(i) - box.getWidth();
                default -> places.get(i) - box.getWidth() / 2.0;
            };
            double shiftX = -box.getX() * Math.sin(Math.toRadians(styler.getXAxisLabelRotation()));
            double shiftY = -(box.getY() + box.getHeight() + alignmentOffset);
            if (!texts.get(i).isBlank() && xPos > 0 && xPos + box.getWidth() < chart.getWidth()) {
                Shape line = rotation.createTransformedShape(
                        new TextLayout(texts.get(i), styler.getAxisTickLabelsFont(), frc).getBounds());
                labels.add(new Label(texts.get(i), AffineTransform.getTranslateInstance(xPos + shiftX, yOffset + shiftY)
                        .createTransformedShape(line)));
            }
        }
        return labels;
    }

    private Shape outline(String text, AxesChartStyler styler, AffineTransform rotation) {
        return new TextLayout(text, styler.getAxisTickLabelsFont(), frc).getOutline(rotation);
    }

    /** The y tick labels drawn, as text (their places are the ticks'). */
    public List<String> yLabels() {
        Axis<?, ?> axis = chart.getYAxis();
        AxisTickCalculator ticks = axis.getAxisTickCalculator();
        double top = axis.getBounds().getY();
        double height = axis.getBounds().getHeight();
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < ticks.getTickLabels().size(); i++) {
            double flipped = top + height - ticks.getTickLocations().get(i);
            if (ticks.getTickLabels().get(i) != null && flipped > top && flipped < top + height) {
                labels.add(ticks.getTickLabels().get(i));
            }
        }
        return labels;
    }

    /** The legend's width and height as XChart lays it out. */
    public Rectangle2D legendSize() {
        return chart.getLegend().getBounds();
    }
}
