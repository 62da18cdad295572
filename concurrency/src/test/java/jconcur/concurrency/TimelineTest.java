package jconcur.concurrency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TimelineTest {

    private static List<TimelineSpan> named(Timeline t, String name) {
        return t.spans().stream().filter(s -> s.name().equals(name)).toList();
    }

    @Test
    void recordsEveryTaskOfAPoolMadeInsideTheBlockOnItsThread() {
        Timeline t = Concurrency.timeline("six tasks", () -> {
            try (ExecutorService pool = Concurrency.pool(2)) {
                for (int i = 0; i < 6; i++) {
                    pool.submit(() -> Thread.currentThread().getName());
                }
            }
        });
        assertEquals(6, t.tasks().size(), t::toString);
        assertEquals(Set.of("task 1", "task 2", "task 3", "task 4", "task 5", "task 6"),
                t.tasks().stream().map(TimelineSpan::name).collect(Collectors.toSet()));
        assertTrue(t.rows().size() <= 2 && !t.rows().isEmpty(), t::toString);
        for (Timeline.Row row : t.rows()) {
            assertTrue(row.name().startsWith("worker-"), row.name());
            assertFalse(row.virtual());
            row.spans().forEach(s -> assertEquals(row.threadId(), s.threadId()));
        }
        for (TimelineSpan s : t.tasks()) {
            assertTrue(0 <= s.start() && s.start() <= s.end() && s.end() <= t.seconds(), s::toString);
            assertFalse(s.failed());
        }
        assertEquals("six tasks", t.label());
    }

    @Test
    void nestedSpansGetDepthsAndStayInsideTheirParent() {
        Timeline t = Concurrency.timeline(() -> Concurrency.span("outer", () -> {
            Concurrency.span("inner 1", () -> Thread.sleep(2));
            Concurrency.span("inner 2", () -> Concurrency.span("innermost", () -> Thread.sleep(2)));
        }));
        TimelineSpan outer = named(t, "outer").get(0);
        TimelineSpan inner2 = named(t, "inner 2").get(0);
        TimelineSpan innermost = named(t, "innermost").get(0);
        assertEquals(0, outer.depth());
        assertEquals(1, named(t, "inner 1").get(0).depth());
        assertEquals(1, inner2.depth());
        assertEquals(2, innermost.depth());
        assertTrue(outer.start() <= inner2.start() && inner2.end() <= outer.end());
        assertTrue(inner2.start() <= innermost.start() && innermost.end() <= inner2.end());
        assertEquals(1, t.rows().size(), "all on the calling thread");
    }

    @Test
    void concurrentTasksOverlapOnDifferentRows() {
        CountDownLatch both = new CountDownLatch(2);
        Timeline t = Concurrency.timeline(() -> {
            try (ExecutorService pool = Concurrency.pool(2)) {
                for (String name : List.of("a", "b")) {
                    pool.submit(Concurrency.task(name, () -> {
                        both.countDown();
                        return both.await(10, TimeUnit.SECONDS);
                    }));
                }
            }
        });
        TimelineSpan a = named(t, "a").get(0);
        TimelineSpan b = named(t, "b").get(0);
        assertTrue(a.start() < b.end() && b.start() < a.end(), "both ran at once: " + a + " " + b);
        assertTrue(a.threadId() != b.threadId());
        assertEquals(2, t.rows().size());
    }

    @Test
    void recordsTasksOnAThousandVirtualThreads() {
        Timeline t = Concurrency.timeline(() -> {
            try (ExecutorService pool = Concurrency.virtualPool()) {
                for (int i = 0; i < 1000; i++) {
                    pool.submit(() -> {
                        Thread.sleep(1);
                        return null;
                    });
                }
            }
        });
        assertEquals(1000, t.tasks().size());
        assertEquals(1000, t.rows().size(), "one virtual thread per task");
        assertTrue(t.rows().stream().allMatch(Timeline.Row::virtual));
        assertTrue(t.rows().stream().allMatch(r -> r.name().startsWith("virtual-")), t.rows().get(0)::name);
        assertTrue(t.toString().contains("(1000 virtual)"), t::toString);
    }

    @Test
    void aVirtualThreadStartedInTheBlockRecordsItsTask() {
        Timeline t = Concurrency.timeline(() -> Thread.ofVirtual()
                .start(Concurrency.task("on its own", () -> Concurrency.pause(1))).join());
        TimelineSpan span = named(t, "on its own").get(0);
        assertTrue(span.virtual());
    }

    @Test
    void tasksThatThrowAreMarkedFailedAndTheirFutureStillFails() throws Exception {
        List<Future<?>> futures = new ArrayList<>();
        Timeline t = Concurrency.timeline(() -> {
            try (ExecutorService pool = Concurrency.pool(2)) {
                futures.add(pool.submit(Concurrency.task("fails", (Callable<Integer>) () -> {
                    throw new IllegalStateException("boom");
                })));
                futures.add(pool.submit(() -> {
                    throw new IllegalArgumentException("unnamed boom");
                }));
                pool.execute(Concurrency.task("fine", () -> { }));
            }
        });
        assertTrue(named(t, "fails").get(0).failed());
        assertTrue(named(t, "task 1").get(0).failed(), t::toString);
        assertFalse(named(t, "fine").get(0).failed());
        ExecutionException e = assertThrows(ExecutionException.class, () -> futures.get(0).get());
        assertEquals("boom", e.getCause().getMessage());
        assertTrue(t.toString().contains("2 failed"), t::toString);
    }

    @Test
    void lockWaitsAreRecordedInsideTheWaitingTask() {
        NamedLock lock = new NamedLock("L");
        CountDownLatch held = new CountDownLatch(1);
        Timeline t = Concurrency.timeline(() -> {
            try (ExecutorService pool = Concurrency.pool(2)) {
                pool.submit(Concurrency.task("holder", () -> {
                    lock.lock();
                    try {
                        held.countDown();
                        Thread.sleep(30);
                    } finally {
                        lock.unlock();
                    }
                    return null;
                }));
                held.await();
                pool.submit(Concurrency.task("waiter", () -> {
                    lock.lock();
                    lock.unlock();
                }));
            }
        });
        TimelineSpan waiter = named(t, "waiter").get(0);
        assertEquals(1, named(t, "waiting for L").size(), "the holder took a free lock: no wait");
        TimelineSpan wait = named(t, "waiting for L").get(0);
        assertEquals(TimelineSpan.Kind.WAIT, wait.kind());
        assertEquals(waiter.threadId(), wait.threadId());
        assertEquals(1, wait.depth());
        assertTrue(t.toString().contains("1 lock waits"), t::toString);
    }

    @Test
    void outsideATimelineTasksAndPoolsAreLeftAlone() throws Exception {
        Callable<Integer> task = () -> 1;
        Runnable runnable = () -> { };
        assertSame(task, Concurrency.task("x", task));
        assertSame(runnable, Concurrency.task("x", runnable));
        assertEquals(3, Concurrency.span("x", () -> 3));
        try (ExecutorService pool = Concurrency.pool(1)) {
            assertFalse(pool instanceof RecordedExecutor);
        }
    }

    @Test
    void aBlockThatThrowsFailsWithItsCause() {
        TaskFailedException e = assertThrows(TaskFailedException.class,
                () -> Concurrency.timeline("broken", () -> {
                    throw new java.io.IOException("disk");
                }));
        assertTrue(e.getMessage().contains("timeline 'broken'"), e.getMessage());
    }

    @Test
    void groupByRegroupsTasksButNotWaits() {
        Timeline t = Timeline.of("", 1.0, List.of(
                new TimelineSpan("prime 7", "prime 7", "w1", 1, false, TimelineSpan.Kind.TASK, 0, 0.5, false, 0),
                new TimelineSpan("9", "9", "w1", 1, false, TimelineSpan.Kind.TASK, 0.5, 0.6, false, 0),
                new TimelineSpan("waiting for L", "waiting for L", "w2", 2, false, TimelineSpan.Kind.WAIT, 0, 0.2,
                        false, 0)));
        Timeline grouped = t.groupBy(s -> s.name().startsWith("prime") ? "primes" : "others");
        assertEquals(List.of("primes", "others"), grouped.groups());
        assertEquals("waiting for L", grouped.spans().stream().filter(s -> s.kind() == TimelineSpan.Kind.WAIT)
                .findFirst().orElseThrow().group());
        assertEquals(0.6, grouped.rows().get(0).busySeconds(), 1e-9);
    }

    @Test
    void recorderWrapsAnyExecutorAndIgnoresSpansAfterFinish() throws Exception {
        TimelineRecorder recorder = TimelineRecorder.start("wrapped");
        Set<String> names = new HashSet<>();
        ExecutorService plain = java.util.concurrent.Executors.newFixedThreadPool(2);
        ExecutorService pool = recorder.wrap(plain);
        pool.invokeAll(List.of(() -> names.add("x"), () -> 2));
        Timeline t = recorder.finish();
        pool.submit(() -> 3).get();
        pool.shutdown();
        assertTrue(pool.awaitTermination(5, TimeUnit.SECONDS));
        assertEquals(2, t.tasks().size());
        assertEquals(2, recorder.finish().tasks().size(), "a task after finish() is not in the timeline");
    }
}
