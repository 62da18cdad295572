package jconcur.kernel.uservm.magic;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ThreadsMagicInUserVmTest {

    /** %threads said "Deadlock found" for a thread in tryLock(timeout), whose wait ends by itself. */
    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void aTimedWaitIsNoDeadlock() throws Exception {
        ReentrantLock a = new ReentrantLock();
        ReentrantLock b = new ReentrantLock();
        CountDownLatch bothHoldOne = new CountDownLatch(2);
        Thread untimed = start("untimed-waiter", () -> {
            a.lock();
            try {
                bothHoldOne.countDown();
                bothHoldOne.await();
                b.lockInterruptibly();
            } finally {
                a.unlock();
            }
        });
        Thread timed = start("timed-waiter", () -> {
            b.lock();
            try {
                bothHoldOne.countDown();
                bothHoldOne.await();
                a.tryLock(1, TimeUnit.MINUTES);
            } finally {
                b.unlock();
            }
        });
        try {
            while (!(b.hasQueuedThread(untimed) && a.hasQueuedThread(timed)
                    && timed.getState() == Thread.State.TIMED_WAITING)) {
                Thread.sleep(1);
            }
            String dump = ThreadsMagicInUserVm.dump(false);
            assertTrue(dump.contains("\"timed-waiter\""), dump);
            String verdict = dump.lines().filter(l -> l.startsWith("Deadlock found") || l.startsWith("No deadlock"))
                    .findFirst().orElseThrow();
            assertFalse(verdict.contains("waiter"), verdict);
        } finally {
            untimed.interrupt();
            timed.interrupt();
            untimed.join(Duration.ofSeconds(5));
            timed.join(Duration.ofSeconds(5));
        }
    }

    private interface Body {
        void run() throws InterruptedException;
    }

    private static Thread start(String name, Body body) {
        return Thread.ofPlatform().name(name).daemon(true).start(() -> {
            try {
                body.run();
            } catch (InterruptedException e) {
                // the test is over
            }
        });
    }
}
