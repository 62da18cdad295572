package jconcur.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import jconcur.concurrency.Timeline;
import jconcur.concurrency.TimelineSpan;
import jconcur.display.MimeBundle;
import org.junit.jupiter.api.Test;

class TimelinesTest {

    private static TimelineSpan task(String name, long thread, double start, double end) {
        return new TimelineSpan(name, name, "worker-" + thread, thread, false, TimelineSpan.Kind.TASK, start, end,
                false, 0);
    }

    /** 3 threads, 6 tasks well apart: 2 per thread. */
    private static Timeline sixTasks() {
        List<TimelineSpan> spans = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            spans.add(task("task " + (i + 1), i % 3 + 1, 0.1 * (i / 3) + 0.01, 0.1 * (i / 3) + 0.08));
        }
        return Timeline.of("six", 0.2, spans);
    }

    @Test
    void oneRowPerThreadAndOneBarPerTaskAtItsTime() {
        TimelineLayout layout = TimelineLayout.of(sixTasks());
        assertEquals(List.of("worker-1", "worker-2", "worker-3"), layout.rows().stream().map(TimelineLayout.Row::label).toList());
        assertEquals(6, layout.bars().size());
        TimelineLayout.Bar first = layout.bars().stream().filter(b -> "task 1".equals(b.label())).findFirst().orElseThrow();
        assertEquals(0, first.row());
        assertEquals(0.01 / 0.2 * layout.plotWidth(), first.x0(), 0.5);
        assertEquals(0.08 / 0.2 * layout.plotWidth(), first.x1(), 0.5);
        assertEquals(6, layout.legend().size(), "six groups: a legend entry each");
        assertTrue(layout.title().contains("6 tasks on 3 threads"), layout.title());
        assertEquals("", layout.note());
    }

    @Test
    void pngDecodesAtTheLayoutsSize() throws Exception {
        Timeline timeline = sixTasks();
        TimelineLayout layout = TimelineLayout.of(timeline);
        BufferedImage image = ChartsTest.decode(Timelines.png(timeline));
        assertEquals(layout.width(), image.getWidth());
        assertEquals(layout.height(), image.getHeight());
        // the first bar's fill is the first palette colour, in the middle of its box
        TimelineLayout.Bar bar = layout.bars().get(0);
        TimelineLayout.Row row = layout.rows().get(bar.row());
        int x = (int) (layout.plotLeft() + (bar.x0() + bar.x1()) / 2);
        int y = row.y() + 4;
        assertEquals(bar.color().getRGB(), image.getRGB(x, y));
    }

    @Test
    void tenThousandTasksMergeIntoFewBarsWithoutLabelsOrLegend() {
        List<TimelineSpan> spans = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            double start = (i / 4) * 1e-4;
            spans.add(task("task " + i, i % 4, start, start + 0.9e-4));
        }
        Timeline timeline = Timeline.of("", 0.25, spans);
        TimelineLayout layout = TimelineLayout.of(timeline);
        assertEquals(4, layout.rows().size());
        assertTrue(layout.bars().size() < 100, "merged: " + layout.bars().size());
        assertEquals(10_000, layout.bars().stream().mapToInt(TimelineLayout.Bar::tasks).sum());
        layout.bars().forEach(b -> assertNull(b.label()));
        assertTrue(layout.legend().isEmpty());
        assertTrue(layout.note().contains("merged") && layout.note().contains("10,000 groups"), layout.note());
        assertTrue(Timelines.png(timeline).length > 0);
    }

    @Test
    void aThousandThreadsShareAtMost48Rows() {
        List<TimelineSpan> spans = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            spans.add(new TimelineSpan("t", "t", "virtual-" + i, 10_000 + i, true, TimelineSpan.Kind.TASK, i * 1e-4,
                    i * 1e-4 + 0.01, false, 0));
        }
        TimelineLayout layout = TimelineLayout.of(Timeline.of("", 0.2, spans));
        assertTrue(layout.rows().size() <= TimelineLayout.MAX_ROWS);
        assertEquals(1000, layout.rows().stream().mapToInt(TimelineLayout.Row::threads).sum());
        assertTrue(layout.rows().get(0).label().startsWith("21 threads: virtual-0 .. virtual-20"),
                layout.rows().get(0).label());
        assertTrue(layout.note().contains("share a row"), layout.note());
    }

    @Test
    void waitsNestingAndFailuresAreKeptApart() {
        List<TimelineSpan> spans = List.of(
                task("outer", 1, 0, 0.1),
                new TimelineSpan("inner", "inner", "worker-1", 1, false, TimelineSpan.Kind.TASK, 0.02, 0.05, true, 0),
                new TimelineSpan("waiting for L", "waiting for L", "worker-1", 1, false, TimelineSpan.Kind.WAIT,
                        0.06, 0.09, false, 0));
        TimelineLayout layout = TimelineLayout.of(Timeline.of("", 0.1, spans));
        assertEquals(3, layout.bars().size());
        TimelineLayout.Bar inner = layout.bars().stream().filter(b -> b.depth() == 1 && !b.lockWait()).findFirst().orElseThrow();
        assertTrue(inner.failed());
        TimelineLayout.Bar wait = layout.bars().stream().filter(TimelineLayout.Bar::lockWait).findFirst().orElseThrow();
        assertEquals(TimelineLayout.WAIT, wait.color());
        assertTrue(layout.legend().stream().anyMatch(e -> e.name().equals("waiting for a lock")));
    }

    @Test
    void rendersAsPngWithTextAndSvgOnRequest() throws Exception {
        Timeline timeline = sixTasks();
        MimeBundle bundle = Renderers.render(timeline).orElseThrow();
        ChartsTest.decode(Base64.getDecoder().decode((String) bundle.data().get("image/png")));
        assertEquals(timeline.toString(), bundle.data().get("text/plain"));
        String svg = (String) Renderers.render(Timelines.svg(timeline)).orElseThrow().data().get("image/svg+xml");
        assertTrue(svg.contains("<svg") && svg.contains("task 1"), svg.substring(0, Math.min(200, svg.length())));
    }
}
