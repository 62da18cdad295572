package jconcur.charts;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jconcur.concurrency.Timeline;
import jconcur.concurrency.TimelineSpan;

/**
 * Where everything of a timeline picture goes, computed before drawing (and tested without pixels): rows,
 * bars in pixels, legend, time ticks. Keeps big recordings readable:
 * <ul>
 *   <li>at most {@value #MAX_ROWS} rows: more threads share rows (a row then shows when any of them ran);</li>
 *   <li>beyond {@value #MAX_UNMERGED} spans, bars narrower than 3 pixels and closer than a pixel merge (a
 *       merged run of several groups is grey); wider bars are never merged;</li>
 *   <li>task names are written inside bars only when they fit and there are at most
 *       {@value #MAX_LABELLED_BARS} bars;</li>
 *   <li>a legend by group when there are at most {@value #MAX_LEGEND} groups; otherwise colours cycle.</li>
 * </ul>
 */
record TimelineLayout(int width, int height, String title, int plotLeft, int plotTop, int plotWidth,
                      List<Row> rows, List<Bar> bars, List<LegendEntry> legend, List<Tick> ticks, String note) {

    static final int MAX_ROWS = 48;
    static final int MAX_LABELLED_BARS = 400;
    static final int MAX_LEGEND = 20;
    /** Up to this many spans every one gets its own bar (drawing them is cheap; merging loses colours). */
    static final int MAX_UNMERGED = 2000;
    static final int WIDTH = 900;
    static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final Font SMALL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 16);
    static final Color MIXED = new Color(150, 150, 150);
    static final Color WAIT = new Color(205, 205, 205);
    static final Color FAILED = new Color(214, 39, 40);
    /** Tableau 20, light shades after dark ones, so neighbouring groups differ. */
    static final Color[] PALETTE = {
        new Color(31, 119, 180), new Color(255, 127, 14), new Color(44, 160, 44), new Color(214, 39, 40),
        new Color(148, 103, 189), new Color(140, 86, 75), new Color(227, 119, 194), new Color(127, 127, 127),
        new Color(188, 189, 34), new Color(23, 190, 207), new Color(174, 199, 232), new Color(255, 187, 120),
        new Color(152, 223, 138), new Color(255, 152, 150), new Color(197, 176, 213), new Color(196, 156, 148),
        new Color(247, 182, 210), new Color(199, 199, 199), new Color(219, 219, 141), new Color(158, 218, 229)};

    private static final int LABEL_COLUMN = 150;
    private static final int RIGHT_MARGIN = 16;
    private static final int TOP = 40;
    private static final int AXIS_HEIGHT = 42;
    private static final int LEGEND_LINE = 18;

    /**
     * One row: a thread, or several threads sharing it.
     *
     * @param label   the thread's name, or "21 threads: virtual-1 .. virtual-21"
     * @param threads how many threads share the row
     * @param y       top in pixels
     * @param height  height in pixels
     */
    record Row(String label, int threads, int y, int height) {
    }

    /**
     * One drawn bar.
     *
     * @param row    index into rows
     * @param x0     left edge in pixels
     * @param x1     right edge in pixels
     * @param depth  nesting depth (nested bars are drawn thinner)
     * @param color  fill
     * @param label  text inside the bar, or null
     * @param tasks  how many recorded spans the bar stands for (more than 1 when merged)
     * @param lockWait whether it is a lock wait
     * @param failed whether a task in it threw
     */
    record Bar(int row, double x0, double x1, int depth, Color color, String label, int tasks, boolean lockWait,
               boolean failed) {
    }

    /**
     * A legend entry.
     *
     * @param name  the group
     * @param color its colour
     */
    record LegendEntry(String name, Color color) {
    }

    /**
     * A tick of the time axis.
     *
     * @param x     pixels
     * @param label e.g. "250 ms"
     */
    record Tick(double x, String label) {
    }

    static TimelineLayout of(Timeline timeline) {
        List<Timeline.Row> threads = timeline.rows();
        int threadsPerRow = Math.max(1, (threads.size() + MAX_ROWS - 1) / MAX_ROWS);
        int rowCount = (threads.size() + threadsPerRow - 1) / threadsPerRow;
        int rowHeight = rowCount <= 16 ? 24 : Math.max(9, 24 * 16 / rowCount);

        List<String> groups = timeline.groups();
        boolean legendShown = groups.size() <= MAX_LEGEND;
        Map<String, Color> groupColors = new HashMap<>();
        for (int i = 0; i < groups.size(); i++) {
            groupColors.put(groups.get(i), PALETTE[i % PALETTE.length]);
        }
        List<LegendEntry> legend = new ArrayList<>();
        if (legendShown) {
            groups.forEach(g -> legend.add(new LegendEntry(g, groupColors.get(g))));
        }
        if (timeline.spans().stream().anyMatch(s -> s.kind() == TimelineSpan.Kind.WAIT)) {
            legend.add(new LegendEntry("waiting for a lock", WAIT));
        }
        if (timeline.spans().stream().anyMatch(TimelineSpan::failed)) {
            legend.add(new LegendEntry("threw (red edge)", FAILED));
        }

        int plotWidth = WIDTH - LABEL_COLUMN - RIGHT_MARGIN;
        double seconds = timeline.seconds() > 0 ? timeline.seconds() : 1e-3;
        double scale = plotWidth / seconds;
        List<Row> rows = new ArrayList<>();
        List<Bar> bars = new ArrayList<>();
        for (int r = 0; r < rowCount; r++) {
            List<Timeline.Row> shared = threads.subList(r * threadsPerRow, Math.min(threads.size(), (r + 1) * threadsPerRow));
            String label = shared.size() == 1 ? shared.get(0).name()
                    : shared.size() + " threads: " + shared.get(0).name() + " .. " + shared.get(shared.size() - 1).name();
            rows.add(new Row(label, shared.size(), TOP + r * rowHeight, rowHeight));
            List<TimelineSpan> spans = new ArrayList<>();
            shared.forEach(t -> spans.addAll(t.spans()));
            spans.sort(Comparator.comparingInt(TimelineSpan::depth).thenComparing(s -> s.kind())
                    .thenComparingDouble(TimelineSpan::start));
            mergeInto(bars, r, spans, scale, groupColors, legendShown, timeline.spans().size() > MAX_UNMERGED);
        }
        boolean labelled = bars.size() <= MAX_LABELLED_BARS;
        FontMetrics metrics = Java2dPictures.metrics(SMALL_FONT);
        List<Bar> finalBars = new ArrayList<>(bars.size());
        for (Bar bar : bars) {
            boolean fits = bar.label() != null && metrics.stringWidth(bar.label()) + 6 <= bar.x1() - bar.x0();
            finalBars.add(labelled && fits ? bar : new Bar(bar.row(), bar.x0(), bar.x1(), bar.depth(), bar.color(), null,
                    bar.tasks(), bar.lockWait(), bar.failed()));
        }
        List<Tick> ticks = ticks(seconds, scale, LABEL_COLUMN);
        int legendLines = legendLines(legend, WIDTH - 2 * 12);
        int plotBottom = TOP + rowCount * rowHeight;
        int height = plotBottom + AXIS_HEIGHT + legendLines * LEGEND_LINE + LEGEND_LINE + 8;
        String title = (timeline.label().isBlank() ? "timeline" : timeline.label()) + ": "
                + count(timeline.tasks().size(), "task") + " on " + count(threads.size(), "thread");
        return new TimelineLayout(WIDTH, height, title, LABEL_COLUMN, TOP, plotWidth, rows, finalBars, legend, ticks,
                note(timeline, threadsPerRow, legendShown, groups.size(), bars.size()));
    }

    /** Turns one row's spans (sorted by depth, kind, start) into bars, merging (if asked) those too close to tell apart. */
    private static void mergeInto(List<Bar> bars, int row, List<TimelineSpan> spans, double scale,
                                  Map<String, Color> groupColors, boolean legendShown, boolean merge) {
        Bar open = null;
        int index = 0;
        for (TimelineSpan s : spans) {
            double x0 = s.start() * scale;
            double x1 = Math.max(x0 + 2, s.end() * scale); // 2 pixels at least, so a short task stays visible
            boolean wait = s.kind() == TimelineSpan.Kind.WAIT;
            Color color = wait ? WAIT : legendShown ? groupColors.get(s.group()) : PALETTE[index++ % PALETTE.length];
            Bar bar = new Bar(row, x0, x1, s.depth(), color, s.name(), 1, wait, s.failed());
            boolean sameLayer = open != null && open.depth() == bar.depth() && open.lockWait() == bar.lockWait();
            // only bars too narrow to tell apart merge: a long task never disappears into a grey run
            boolean tooClose = merge && sameLayer && bar.x0() <= open.x1() + 1 && narrow(bar)
                    && (narrow(open) || open.tasks() > 1); // a run of merged narrow bars keeps growing
            if (tooClose) {
                Color merged = open.color().equals(bar.color()) ? open.color() : wait ? WAIT : MIXED;
                open = new Bar(row, open.x0(), Math.max(open.x1(), bar.x1()), open.depth(), merged, null,
                        open.tasks() + 1, wait, open.failed() || bar.failed());
            } else {
                if (open != null) {
                    bars.add(open);
                }
                open = bar;
            }
        }
        if (open != null) {
            bars.add(open);
        }
    }

    private static boolean narrow(Bar bar) {
        return bar.x1() - bar.x0() < 3;
    }

    private static String note(Timeline timeline, int threadsPerRow, boolean legendShown, int groups, int bars) {
        List<String> parts = new ArrayList<>();
        if (threadsPerRow > 1) {
            parts.add("up to " + threadsPerRow + " threads share a row");
        }
        if (bars < timeline.spans().size()) {
            parts.add("narrow bars merged (" + String.format(Locale.ROOT, "%,d", bars) + " bars for "
                    + String.format(Locale.ROOT, "%,d", timeline.spans().size()) + " spans; grey = several groups)");
        }
        if (!legendShown) {
            parts.add(String.format(Locale.ROOT, "%,d groups: colours repeat (groupBy(...) to colour fewer)", groups));
        }
        return String.join("; ", parts);
    }

    private static int legendLines(List<LegendEntry> legend, int width) {
        if (legend.isEmpty()) {
            return 0;
        }
        FontMetrics metrics = Java2dPictures.metrics(LABEL_FONT);
        int lines = 1;
        int x = 0;
        for (LegendEntry e : legend) {
            int w = legendEntryWidth(metrics, e);
            if (x > 0 && x + w > width) {
                lines++;
                x = 0;
            }
            x += w;
        }
        return lines;
    }

    static int legendEntryWidth(FontMetrics metrics, LegendEntry e) {
        return 14 + 6 + metrics.stringWidth(e.name()) + 16;
    }

    /** 1, 2 or 5 times a power of ten, giving 4 to 10 ticks. */
    private static List<Tick> ticks(double seconds, double scale, int left) {
        double raw = seconds / 6;
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = raw / power < 1.5 ? power : raw / power < 3.5 ? 2 * power : raw / power < 7.5 ? 5 * power : 10 * power;
        List<Tick> ticks = new ArrayList<>();
        for (int i = 0; i * step <= seconds * (1 + 1e-9); i++) {
            ticks.add(new Tick(left + i * step * scale, timeLabel(i * step, step)));
        }
        return ticks;
    }

    private static String timeLabel(double seconds, double step) {
        if (step >= 1) {
            return trim(seconds) + " s";
        }
        if (step >= 1e-3) {
            return trim(seconds * 1e3) + " ms";
        }
        return trim(seconds * 1e6) + " µs";
    }

    private static String trim(double value) {
        String s = String.format(Locale.ROOT, "%.3f", value);
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }

    private static String count(int n, String noun) {
        return String.format(Locale.ROOT, "%,d %s%s", n, noun, n == 1 ? "" : "s");
    }

}
