package jconcur.concurrency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class SweepTest {

    private static long sumOfSquares(long from, long to) {
        return LongStream.range(from, to).map(x -> x * x).sum();
    }

    @Test
    void rotatesTheOrderOfConfigurationsAcrossRepeats() {
        List<Integer> order = Collections.synchronizedList(new ArrayList<>());
        Sweep.onWorkers(() -> {
            order.add(0);
            return 42;
        }, n -> {
            order.add(n);
            return 42;
        }).workers(1, 2, 4).warmups(1).repeats(3).run();
        // warm-up in plain order, then each repeat starts one configuration later (0 = sequential)
        assertEquals(List.of(0, 1, 2, 4, /* */ 0, 1, 2, 4, /* */ 1, 2, 4, 0, /* */ 2, 4, 0, 1), order);
    }

    @Test
    void everyRunGetsAFreshPoolOfExactlyNThreadsThatIsShutDownAfterwards() {
        Set<ExecutorService> pools = Collections.newSetFromMap(new IdentityHashMap<>());
        List<ExecutorService> seen = Collections.synchronizedList(new ArrayList<>());
        SweepResult<Long> r = Sweep.onExecutor(() -> sumOfSquares(0, 1000), pool -> {
            seen.add(pool);
            pools.add(pool);
            ThreadPoolExecutor tpe = (ThreadPoolExecutor) pool;
            assertEquals(tpe.getCorePoolSize(), tpe.getMaximumPoolSize());
            assertEquals(tpe.getCorePoolSize(), tpe.getPoolSize(), "all threads started before the clock");
            int n = tpe.getCorePoolSize();
            List<Future<Long>> parts = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                long from = 1000L * i / n;
                long to = 1000L * (i + 1) / n;
                parts.add(pool.submit(() -> sumOfSquares(from, to)));
            }
            long total = 0;
            for (Future<Long> part : parts) {
                total += part.get();
            }
            return total;
        }).workers(1, 3).warmups(1).repeats(2).run();
        assertEquals(6, seen.size());
        assertEquals(6, pools.size(), "no pool is reused");
        assertTrue(seen.stream().allMatch(ExecutorService::isShutdown));
        assertEquals(sumOfSquares(0, 1000), r.result());
        assertNotNull(r.point(3).orElseThrow().poolStartup());
        assertEquals(2, r.point(3).orElseThrow().poolStartup().runs());
    }

    @Test
    void forkJoinSweepsNeverUseTheCommonPool() {
        List<Integer> parallelism = Collections.synchronizedList(new ArrayList<>());
        Sweep.onForkJoin(() -> sumOfSquares(0, 10_000), pool -> {
            assertTrue(pool != ForkJoinPool.commonPool());
            parallelism.add(pool.getParallelism());
            return pool.submit(() -> LongStream.range(0, 10_000).parallel().map(x -> x * x).sum()).get();
        }).workers(2, 4).warmups(0).repeats(1).run();
        assertEquals(List.of(2, 4), parallelism.stream().sorted().toList());
    }

    @Test
    void aWrongParallelResultNamesTheRunAndTheFirstDifference() {
        ResultMismatchException e = assertThrows(ResultMismatchException.class,
                () -> Sweep.onWorkers(() -> List.of(1L, 2L, 3L), n -> n >= 2 ? List.of(1L, 5L, 3L) : List.of(1L, 2L, 3L))
                        .label("demo").workers(1, 2).warmups(0).repeats(1).run());
        assertEquals("demo: workers 2, repeat 1/1: the result differs from the sequential result: "
                + "at [1]: expected 2 but was 5 (sizes 3 and 3)", e.getMessage());
    }

    @Test
    void ignoreOrderAcceptsResultsInCompletionOrder() {
        SweepResult<List<Integer>> r = Sweep.onWorkers(() -> List.of(1, 2, 3), n -> List.of(3, 1, 2))
                .check(ResultCheck.IGNORE_ORDER).workers(2).warmups(0).repeats(1).run();
        assertEquals(List.of(1, 2, 3), r.result());
    }

    @Test
    void aFailingTaskIsReportedWithItsRun() {
        TaskFailedException e = assertThrows(TaskFailedException.class, () -> Sweep.onWorkers(() -> 1, n -> {
            throw new IllegalStateException("boom");
        }).workers(2).warmups(0).repeats(1).run());
        assertTrue(e.getMessage().startsWith("workers 2, repeat 1/1: the task threw java.lang.IllegalStateException: boom"),
                e.getMessage());
    }

    @Test
    void derivedFiguresFollowFromTheMedians() {
        SweepResult<Integer> r = Sweep.onWorkers(() -> {
            Thread.sleep(40);
            return 1;
        }, n -> {
            Thread.sleep(n == 1 ? 40 : 20);
            return 1;
        }).workers(1, 2).warmups(0).repeats(3).run();
        SweepPoint two = r.point(2).orElseThrow();
        assertEquals(r.sequential().median() / two.time().median(), two.speedup(), 1e-12);
        assertEquals(two.speedup() / 2, two.efficiency(), 1e-12);
        assertEquals(Amdahl.karpFlatt(two.speedup(), 2), two.karpFlatt(), 1e-12);
        assertTrue(Double.isNaN(r.point(1).orElseThrow().karpFlatt()));
        assertNull(two.poolStartup());
        assertEquals(Amdahl.fit(r.workers(), r.speedups()), r.amdahl());
        assertTrue(r.toString().contains("sequential"), r.toString());
    }

    @Test
    void withoutASequentialVersionSpeedupsAreRelativeToTheSmallestCount() {
        SweepResult<Integer> r = Sweep.onWorkers(null, n -> 7).workers(2, 4).warmups(0).repeats(1).run();
        assertTrue(r.isRelative());
        assertEquals(1.0, r.point(2).orElseThrow().speedup(), 1e-12);
    }

    @Test
    void progressReportsEveryRunThenDone() {
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        List<String> done = Collections.synchronizedList(new ArrayList<>());
        Progress.install(new Progress.Reporter() {
            @Override
            public void update(String line) {
                lines.add(line);
            }

            @Override
            public void done() {
                done.add("done");
            }
        });
        try {
            Sweep.onWorkers(() -> 1, n -> 1).label("p").workers(1).warmups(0).repeats(1).run();
        } finally {
            Progress.install(null);
        }
        assertEquals("p: sequential, repeat 1/1 (run 1 of 2)", lines.get(0));
        assertEquals(List.of("done"), done);
    }

    @Test
    void defaultWorkerCountsDoubleUpToTwiceTheCores() {
        List<Integer> counts = Sweep.defaultWorkerCounts();
        int cores = Runtime.getRuntime().availableProcessors();
        assertEquals(1, counts.get(0));
        assertEquals(2 * cores, counts.get(counts.size() - 1));
        assertTrue(counts.contains(cores));
    }

    @Test
    void rejectsBadOptions() {
        Sweep<Integer> sweep = Sweep.onWorkers(() -> 1, n -> 1);
        assertThrows(IllegalArgumentException.class, () -> sweep.workers(0, 2));
        assertThrows(IllegalArgumentException.class, () -> sweep.repeats(0));
        assertThrows(IllegalArgumentException.class, () -> sweep.warmups(-1));
    }

    @Test
    void warnsWhenTheTaskReturnsBeforeItsPoolIsDone() {
        SweepResult<Integer> r = Sweep.onExecutor(() -> 1, pool -> {
            pool.submit(() -> Concurrency.pause(2_000));
            return 1;
        }).workers(1).warmups(0).repeats(1).run();
        assertTrue(r.warnings().stream().anyMatch(w -> w.startsWith("workers 1: the task returned while its pool of 1 "
                + "still had 1 running and 0 queued tasks")), r.warnings()::toString);
    }
}
