package jconcur.charts;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.font.TextLayout;
import java.util.ArrayList;
import java.util.List;

/**
 * Lays out the category labels of a bar chart so that they never overlap: upright when they fit their slot,
 * else turned by the smallest angle at which neighbours clear each other; labels too long for the room under
 * the plot are shortened in the middle ("pool of 200 … threads"), and when even upright labels are thicker
 * than a slot, only every k-th is shown.
 */
final class CategoryLabels {

    /** Angles tried, smallest first: the less a label is turned, the easier it reads. */
    private static final int[] ANGLES = {0, 30, 45, 60, 90};
    /** Pixels kept free between neighbouring labels, also absorbing the estimate of the slot width. */
    private static final double GAP = 8;
    private static final FontRenderContext FRC = new FontRenderContext(null, true, false);

    /** Rotation in degrees and the labels to draw (shortened or blanked ones where needed). */
    record Fit(int rotation, List<String> labels) {
    }

    private CategoryLabels() {
    }

    /**
     * @param labels       the category labels
     * @param font         the tick label font
     * @param slot         pixels per category along the axis
     * @param heightBudget the most pixels the labels may take under the plot
     */
    static Fit fit(List<String> labels, Font font, double slot, double heightBudget) {
        double lineHeight = height(font);
        for (int angle : ANGLES) {
            double sin = Math.sin(Math.toRadians(angle));
            double cos = Math.cos(Math.toRadians(angle));
            if (angle == 0) {
                if (widest(labels, font) + GAP <= slot) {
                    return new Fit(0, labels);
                }
            } else if (slot * sin >= lineHeight + GAP) {
                // parallel turned labels clear each other when their offset across the text exceeds its height
                double room = (heightBudget - lineHeight * cos) / sin;
                return new Fit(angle, shortened(labels, font, room));
            }
        }
        int every = (int) Math.ceil((lineHeight + GAP) / Math.max(slot, 1e-9));
        List<String> thinned = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            thinned.add(i % every == 0 ? labels.get(i) : " ");
        }
        return new Fit(90, shortened(thinned, font, heightBudget - lineHeight));
    }

    /** Labels no wider than {@code room} pixels, long ones cut in the middle so both ends still tell them apart. */
    static List<String> shortened(List<String> labels, Font font, double room) {
        return labels.stream().map(label -> shortened(label, font, room)).toList();
    }

    private static String shortened(String label, Font font, double room) {
        if (width(label, font) <= room) {
            return label;
        }
        for (int keep = label.length() - 1; keep > 1; keep--) {
            int head = (keep + 1) / 2;
            String candidate = label.substring(0, head).strip() + "…" + label.substring(label.length() - (keep - head)).strip();
            if (width(candidate, font) <= room) {
                return candidate;
            }
        }
        return label.substring(0, 1) + "…";
    }

    static double width(String text, Font font) {
        return text.isEmpty() ? 0 : new TextLayout(text, font, FRC).getBounds().getWidth();
    }

    private static double widest(List<String> labels, Font font) {
        return labels.stream().mapToDouble(label -> width(label, font)).max().orElse(0);
    }

    static double height(Font font) {
        return new TextLayout("Ag", font, FRC).getBounds().getHeight();
    }
}
