package jconcur.concurrency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ActorsTest {

    /** Two actors that each take one lock, wait until the other has its lock, then take the other's. */
    private static Runnable[] crossed(NamedLock first, NamedLock second) {
        CountDownLatch bothHoldOne = new CountDownLatch(2);
        Runnable t1 = () -> grabBoth(first, second, bothHoldOne);
        Runnable t2 = () -> grabBoth(second, first, bothHoldOne);
        return new Runnable[] {t1, t2};
    }

    private static void grabBoth(NamedLock mine, NamedLock theirs, CountDownLatch bothHoldOne) {
        mine.lock();
        try {
            bothHoldOne.countDown();
            try {
                bothHoldOne.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            theirs.lock();
            theirs.unlock();
        } finally {
            mine.unlock();
        }
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void findsADeadlockOnPlatformThreadsAndCleansUp() {
        NamedLock l1 = new NamedLock("L1");
        NamedLock l2 = new NamedLock("L2");
        DeadlockReport report = Concurrency.runActors(Duration.ofSeconds(10), crossed(l1, l2));
        assertTrue(report.deadlocked(), report::toString);
        assertTrue(report.elapsed().compareTo(Duration.ofSeconds(10)) < 0, "declared before the time-out");
        assertEquals(2, report.cycle().size());
        assertTrue(report.cycle().contains("T1 waits for lock L2 held by T2"), report.cycle()::toString);
        assertTrue(report.cycle().contains("T2 waits for lock L1 held by T1"), report.cycle()::toString);
        assertEquals("the named locks' wait-for graph", report.detectedBy());
        ActorState t1 = report.actors().get(0);
        assertEquals(List.of("L1"), t1.holding());
        assertEquals("L2 (held by T2)", t1.waitingFor());
        assertTrue(t1.topFrames().stream().anyMatch(f -> f.contains("ActorsTest.grabBoth")), t1.topFrames()::toString);
        assertEquals(List.of(), report.abandoned(), "named locks let interrupted actors unwind");
        assertNull(t1.failure(), "the clean-up's cancellation is not a failure");
        assertFalse(l1.isLocked());
        assertFalse(l2.isLocked());
        assertTrue(report.toString().startsWith("DEADLOCK detected after"), report::toString);
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void findsADeadlockOnVirtualThreads() {
        DeadlockReport report = Concurrency.runVirtualActors(Duration.ofSeconds(10),
                crossed(new NamedLock("A"), new NamedLock("B")));
        assertTrue(report.deadlocked(), report::toString);
        assertTrue(report.actors().stream().allMatch(ActorState::virtual));
        assertTrue(report.cycle().contains("T1 waits for lock B held by T2"), report.cycle()::toString);
        List<String> frames = report.actors().get(0).topFrames();
        assertTrue(frames.get(0).contains("ActorsTest.grabBoth"), "lock and thread internals left out: " + frames);
        assertEquals(List.of(), report.abandoned());
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void findsAMonitorDeadlockThroughTheJvmAndAbandonsTheStuckThreads() {
        Object a = new Object();
        Object b = new Object();
        CountDownLatch bothHoldOne = new CountDownLatch(2);
        Runnable t1 = () -> monitors(a, b, bothHoldOne);
        Runnable t2 = () -> monitors(b, a, bothHoldOne);
        DeadlockReport report = Concurrency.runActors(Duration.ofSeconds(10), t1, t2);
        assertTrue(report.deadlocked(), report::toString);
        assertEquals("ThreadMXBean.findDeadlockedThreads", report.detectedBy());
        assertTrue(report.cycle().get(0).matches("T\\d waits for lock Object@[0-9a-f]+ held by T\\d"),
                report.cycle()::toString);
        assertEquals(List.of("T1", "T2"), report.abandoned(), "synchronized ignores interrupts");
        assertTrue(report.toString().contains("still blocked and abandoned"));
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void saysWhatVirtualActorsAbandonedInSynchronizedCostOnThisJdk() {
        // Before JDK 24 the abandoned actors would pin this test JVM's carriers for good and stall later tests.
        assumeFalse(VirtualThreadPinning.pinsInSynchronized(), VirtualThreadPinning.describe());
        Object a = new Object();
        Object b = new Object();
        CountDownLatch bothHoldOne = new CountDownLatch(2);
        DeadlockReport report = Concurrency.runVirtualActors(Duration.ofSeconds(1),
                () -> monitors(a, b, bothHoldOne), () -> monitors(b, a, bothHoldOne));
        assertEquals(DeadlockReport.Outcome.TIMED_OUT, report.outcome(), report::toString);
        assertEquals(List.of("T1", "T2"), report.abandoned());
        assertTrue(report.actors().stream().allMatch(s -> s.state() == Thread.State.BLOCKED), report::toString);
        assertEquals(VirtualThreadPinning.abandonedNote(List.of("T1", "T2")), report.jdkNote());
    }

    private static void monitors(Object mine, Object theirs, CountDownLatch bothHoldOne) {
        synchronized (mine) {
            bothHoldOne.countDown();
            try {
                bothHoldOne.await();
            } catch (InterruptedException e) {
                return;
            }
            synchronized (theirs) {
                bothHoldOne.countDown();
            }
        }
    }

    @Test
    void reportsNormalCompletion() {
        NamedLock lock = new NamedLock("only");
        DeadlockReport report = Actors.platformThreads()
                .add("worker", () -> {
                    lock.lock();
                    lock.unlock();
                })
                .add("failing", () -> {
                    throw new IllegalStateException("bad actor");
                })
                .timeout(Duration.ofSeconds(10)).run();
        assertEquals(DeadlockReport.Outcome.FINISHED, report.outcome());
        assertEquals("java.lang.IllegalStateException: bad actor", report.actors().get(1).failure());
        assertTrue(report.toString().contains("failing failed: java.lang.IllegalStateException: bad actor"));
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void stopsActorsThatRunPastTheTimeout() {
        DeadlockReport report = Concurrency.runActors(Duration.ofMillis(200), () -> Concurrency.pause(60_000));
        assertEquals(DeadlockReport.Outcome.TIMED_OUT, report.outcome());
        assertEquals(Thread.State.TIMED_WAITING, report.actors().get(0).state());
        assertEquals(List.of(), report.abandoned(), "pause() gives up on interrupt");
    }

    @Test
    void timedWaitsAreNotDeadlocks() throws Exception {
        NamedLock lock = new NamedLock("L");
        lock.lock();
        try {
            Thread waiter = Thread.ofPlatform().start(() -> {
                try {
                    lock.tryLock(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            while (!lock.hasQueuedThread(waiter)) {
                Thread.sleep(1);
            }
            assertEquals(List.of(), lock.blockedThreads());
            waiter.interrupt();
            waiter.join();
        } finally {
            lock.unlock();
        }
    }

    /** T2 waits for A in tryLock(timeout) while T1, holding A, waits for B held by T2. */
    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void aTimedWaitOnPlatformThreadsIsNoDeadlock() {
        NamedLock a = new NamedLock("A");
        NamedLock b = new NamedLock("B");
        CountDownLatch bothHoldOne = new CountDownLatch(2);
        Runnable t1 = () -> grabBoth(a, b, bothHoldOne);
        Runnable t2 = () -> {
            b.lock();
            try {
                bothHoldOne.countDown();
                bothHoldOne.await();
                // long enough for the detector to look many times while T2 waits
                if (a.tryLock(1, TimeUnit.SECONDS)) {
                    a.unlock();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                b.unlock();
            }
        };
        DeadlockReport report = Concurrency.runActors(Duration.ofSeconds(10), t1, t2);
        assertEquals(DeadlockReport.Outcome.FINISHED, report.outcome(), report::toString);
        assertTrue(report.actors().stream().allMatch(s -> s.failure() == null), report::toString);
    }

    @Test
    void rejectsBadActors() {
        assertThrows(IllegalArgumentException.class, () -> Actors.platformThreads().add("x", () -> { }).add("x", () -> { }));
        assertThrows(IllegalStateException.class, () -> Actors.virtualThreads().run());
        assertThrows(IllegalArgumentException.class, () -> Actors.virtualThreads().timeout(Duration.ZERO));
    }
}
