package jconcur.concurrency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class QuiescenceTest {

    private static final long WINDOW = Quiescence.WINDOW.toNanos();

    /** A process clock that advances by the next of the given amounts at every window. */
    private record FakeProcess(AtomicLong cpu, AtomicInteger windows, Quiescence quiescence) {
        static FakeProcess using(long... cpuPerWindow) {
            AtomicLong cpu = new AtomicLong();
            AtomicInteger windows = new AtomicInteger();
            Quiescence q = new Quiescence(cpu::get, duration -> {
                assertEquals(Quiescence.WINDOW, duration);
                int i = windows.getAndIncrement();
                cpu.addAndGet(cpuPerWindow[Math.min(i, cpuPerWindow.length - 1)]);
            });
            return new FakeProcess(cpu, windows, q);
        }
    }

    @Test
    void waitsUntilAWindowInWhichTheProcessUsedLessThanHalfACore() {
        FakeProcess p = FakeProcess.using(2 * WINDOW, WINDOW, WINDOW / 2, WINDOW / 2 - 1, 0);
        assertTrue(p.quiescence().await());
        assertEquals(4, p.windows().get(), "busy, busy, exactly half (still busy), then quiet");
    }

    @Test
    void anIdleProcessWaitsOneWindow() {
        FakeProcess p = FakeProcess.using(0);
        assertTrue(p.quiescence().await());
        assertEquals(1, p.windows().get());
    }

    @Test
    void givesUpAtTheLimitWhenTheProcessStaysBusy() {
        FakeProcess p = FakeProcess.using(WINDOW);
        assertFalse(p.quiescence().await());
        assertEquals(Quiescence.LIMIT.toNanos() / WINDOW, p.windows().get());
    }

    @Test
    void withoutAProcessClockItWaitsOneWindow() {
        AtomicInteger windows = new AtomicInteger();
        assertTrue(new Quiescence(() -> -1, d -> windows.incrementAndGet()).await());
        assertEquals(1, windows.get());
    }

    @Test
    void anInterruptStopsTheWaitAndKeepsTheFlag() {
        Quiescence q = new Quiescence(() -> 0, d -> {
            throw new InterruptedException();
        });
        try {
            assertTrue(q.await());
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void thisIdleJvmGoesQuiet() {
        assertTrue(Quiescence.ofThisJvm().await());
    }

    /** A configuration that logs its runs. */
    private static RotatingRunner.Config<Integer> logging(String name, List<String> log) {
        return new RotatingRunner.Config<>() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public RotatingRunner.Run<Integer> run() {
                log.add(name);
                return new RotatingRunner.Run<>(1, 0.001, Double.NaN, null);
            }
        };
    }

    @Test
    void everyMeasuredRunStartsAfterTheWaitButWarmUpsDoNot() {
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        Quiescence q = new Quiescence(() -> 0, d -> log.add("settle"));
        new RotatingRunner<>("", List.of(logging("a", log), logging("b", log)), 1, 2, ResultCheck.EQUAL, "a", q)
                .runAll();
        assertEquals(List.of("a", "b", "settle", "a", "settle", "b", "settle", "b", "settle", "a"), log);
    }

    @Test
    void aJvmThatStaysBusyIsReportedOnceAndNotWaitedForAgain() {
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        AtomicLong cpu = new AtomicLong();
        Quiescence busy = new Quiescence(cpu::get, d -> {
            log.add("window");
            cpu.addAndGet(WINDOW);
        });
        List<RotatingRunner.Outcome> outcomes = new RotatingRunner<>("", List.of(logging("a", log), logging("b", log)),
                0, 2, ResultCheck.EQUAL, "a", busy).runAll();
        long windows = Quiescence.LIMIT.toNanos() / WINDOW;
        assertEquals(windows + 4, log.size(), "one full wait, then none: " + log);
        assertEquals(List.of(Quiescence.STAYED_BUSY), List.copyOf(outcomes.get(0).warnings()));
        assertTrue(outcomes.get(1).warnings().isEmpty());
    }
}
