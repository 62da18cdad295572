package jconcur.concurrency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class WaitForGraphTest {

    /**
     * T1 holds A and waits for B without a time limit; T2 holds B and waits for A in tryLock(timeout). The
     * JVM's findDeadlockedThreads counts this as a cycle, but T2's wait ends by itself: no deadlock.
     */
    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void aTimedWaiterInTheJvmsCycleIsNoDeadlock() throws Exception {
        ReentrantLock a = new ReentrantLock();
        ReentrantLock b = new ReentrantLock();
        CountDownLatch bothHoldOne = new CountDownLatch(2);
        Thread t1 = holdThenWait(a, bothHoldOne, () -> b.lockInterruptibly());
        Thread t2 = holdThenWait(b, bothHoldOne, () -> a.tryLock(1, TimeUnit.MINUTES));
        try {
            awaitState(t1, Thread.State.WAITING, b);
            awaitState(t2, Thread.State.TIMED_WAITING, a);
            long[] jvm = ManagementFactory.getThreadMXBean().findDeadlockedThreads();
            assumeTrue(jvm != null && isIn(jvm, t2),
                    "this JVM does not count timed waiters as deadlocked; nothing to filter");

            assertEquals(List.of(), WaitForGraph.ofDeadlockedPlatformThreads().cycleThrough(List.of(t1, t2)));
            assertFalse(isIn(Deadlocks.findDeadlockedThreads(), t1), "T1 waits for T2, whose wait ends by itself");
            assertFalse(isIn(Deadlocks.findDeadlockedThreads(), t2));
        } finally {
            stop(t1, t2);
        }
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void untimedWaitsOnPlainLocksStillFormACycle() throws Exception {
        ReentrantLock a = new ReentrantLock();
        ReentrantLock b = new ReentrantLock();
        CountDownLatch bothHoldOne = new CountDownLatch(2);
        Thread t1 = holdThenWait(a, bothHoldOne, () -> b.lockInterruptibly());
        Thread t2 = holdThenWait(b, bothHoldOne, () -> a.lockInterruptibly());
        try {
            awaitState(t1, Thread.State.WAITING, b);
            awaitState(t2, Thread.State.WAITING, a);

            List<WaitForGraph.Edge> cycle = WaitForGraph.ofDeadlockedPlatformThreads().cycleThrough(List.of(t1, t2));
            assertEquals(2, cycle.size(), cycle::toString);
            assertTrue(isIn(Deadlocks.findDeadlockedThreads(), t1));
            assertTrue(isIn(Deadlocks.findDeadlockedThreads(), t2));
        } finally {
            stop(t1, t2);
        }
    }

    private static boolean isIn(long[] ids, Thread thread) {
        return Arrays.stream(ids).anyMatch(id -> id == thread.threadId());
    }

    private interface Wait {
        void run() throws InterruptedException;
    }

    /**
     * A daemon thread that takes {@code mine}, waits until the other thread holds its lock too, then waits
     * as told; an interrupt ends it (and it keeps what {@code wait} acquired: the test is over by then).
     */
    private static Thread holdThenWait(ReentrantLock mine, CountDownLatch bothHoldOne, Wait wait) {
        return Thread.ofPlatform().daemon(true).start(() -> {
            mine.lock();
            try {
                bothHoldOne.countDown();
                bothHoldOne.await();
                wait.run();
            } catch (InterruptedException e) {
                // the test is done
            } finally {
                mine.unlock();
            }
        });
    }

    private static void stop(Thread... threads) throws InterruptedException {
        for (Thread t : threads) {
            t.interrupt();
        }
        for (Thread t : threads) {
            t.join(Duration.ofSeconds(5));
        }
    }

    /** Waits until the thread is queued on the lock and parked in the given state. */
    private static void awaitState(Thread thread, Thread.State state, ReentrantLock lock) throws InterruptedException {
        while (!(lock.hasQueuedThread(thread) && thread.getState() == state)) {
            Thread.sleep(1);
        }
    }
}
