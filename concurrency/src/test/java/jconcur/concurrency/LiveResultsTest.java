package jconcur.concurrency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LiveResultsTest {

    private final List<Object> shown = new ArrayList<>();
    private int done;
    private long interval;

    @BeforeEach
    void watch() {
        interval = LiveResults.minIntervalNanos;
        LiveResults.minIntervalNanos = 0;
        LiveResults.install(new LiveResults.Viewer() {
            @Override
            public void show(Object partial) {
                shown.add(partial);
            }

            @Override
            public void done() {
                done++;
            }
        });
    }

    @AfterEach
    void stopWatching() {
        LiveResults.install(null);
        LiveResults.minIntervalNanos = interval;
    }

    @Test
    void aSweepShowsEachWorkerCountAsItIsFirstMeasuredAndEachRoundButTheLast() {
        SweepResult<Integer> result = Sweep.onWorkers(() -> 42, n -> 42).label("answer").workers(1, 2)
                .warmups(0).repeats(3).run();
        // round 1: sequential alone is not shown (no worker count yet), then 1 and 2 workers; then round 2
        assertEquals(3, shown.size(), shown::toString);
        List<SweepResult<?>> partials = shown.stream().<SweepResult<?>>map(p -> (SweepResult<?>) p).toList();
        assertEquals(List.of(1, 2, 2), partials.stream().map(p -> p.points().size()).toList());
        assertEquals("answer (so far: round 1 of 3)", partials.get(0).label());
        assertEquals("answer (so far: round 2 of 3)", partials.get(2).label());
        assertEquals(1, done);
        assertEquals("answer", result.label());
        assertEquals(3, result.point(2).orElseThrow().time().runs());
    }

    @Test
    void aComparisonShowsItsVariantsAsTheyAreMeasured() {
        Comparison<Integer> c = Comparison.run("two", 0, 2, ResultCheck.EQUAL,
                List.of(new Variant<>("a", () -> 1), new Variant<>("b", () -> 1)));
        assertEquals(List.of(1, 2), shown.stream().map(p -> ((Comparison<?>) p).variants().size()).toList());
        assertEquals(1, done);
        assertEquals(2, c.variants().size());
    }

    @Test
    void aBrokenViewerDoesNotStopTheSweepAndAFailingSweepStillEndsTheView() {
        LiveResults.install(new LiveResults.Viewer() {
            @Override
            public void show(Object partial) {
                throw new IllegalStateException("no display");
            }

            @Override
            public void done() {
                done++;
            }
        });
        assertEquals(3, Sweep.onWorkers(() -> 3, n -> 3).workers(1, 2).warmups(0).repeats(2).run().result());
        TaskFailedException e = org.junit.jupiter.api.Assertions.assertThrows(TaskFailedException.class,
                () -> Sweep.onWorkers(() -> 3, n -> {
                    throw new IllegalStateException("broken");
                }).workers(1).warmups(0).repeats(1).run());
        assertTrue(e.getMessage().contains("broken"), e.getMessage());
        assertEquals(2, done);
    }
}
