package jconcur.concurrency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class VirtualThreadPinningTest {

    @Test
    void pinningEndsWithJdk24() {
        assertTrue(VirtualThreadPinning.pinsInSynchronized(21));
        assertTrue(VirtualThreadPinning.pinsInSynchronized(23));
        assertFalse(VirtualThreadPinning.pinsInSynchronized(24));
        assertFalse(VirtualThreadPinning.pinsInSynchronized(25));
        assertEquals(VirtualThreadPinning.pinsInSynchronized(), Concurrency.virtualThreadsPinInSynchronized());
    }

    /**
     * The version rule against the running JVM: with every carrier taken by a virtual thread blocked on a
     * monitor, one more virtual thread runs only if blocked threads release their carriers.
     */
    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void theRunningJdkBehavesAsReported() throws InterruptedException {
        Object monitor = new Object();
        List<Thread> blocked = new ArrayList<>();
        CountDownLatch ran = new CountDownLatch(1);
        synchronized (monitor) {
            for (int i = 0; i < VirtualThreadPinning.carriers(); i++) {
                blocked.add(Thread.ofVirtual().start(() -> {
                    synchronized (monitor) {
                        monitor.notifyAll();
                    }
                }));
            }
            for (Thread t : blocked) {
                while (t.getState() != Thread.State.BLOCKED) {
                    Thread.sleep(1);
                }
            }
            Thread.ofVirtual().start(ran::countDown);
            boolean another = ran.await(2, TimeUnit.SECONDS);
            assertEquals(!VirtualThreadPinning.pinsInSynchronized(), another, VirtualThreadPinning.describe());
        }
        for (Thread t : blocked) {
            t.join();
        }
        assertTrue(ran.await(5, TimeUnit.SECONDS), "the extra virtual thread runs once the monitor is free");
    }

    @Test
    void describesEitherCase() {
        assertEquals("JDK 21: a virtual thread blocked in or waiting inside synchronized pins its carrier, so 2 carrier"
                + " threads can be stalled by as many such threads (JDK 24+ releases the carrier, JEP 491;"
                + " ReentrantLock never pins)", VirtualThreadPinning.describe(21, 2));
        assertEquals("JDK 25: a virtual thread blocked in synchronized releases its carrier (JEP 491, JDK 24+);"
                + " 1 carrier thread", VirtualThreadPinning.describe(25, 1));
    }

    @Test
    void notesWhatAbandonedActorsCostOnlyWhereTheyPin() {
        assertNull(VirtualThreadPinning.abandonedNote(25, 2, List.of("T1", "T2")));
        assertNull(VirtualThreadPinning.abandonedNote(21, 2, List.of()));
        String all = VirtualThreadPinning.abandonedNote(21, 2, List.of("T1", "T2"));
        assertTrue(all.startsWith("JDK 21: the abandoned virtual threads [T1, T2] are blocked in synchronized and pin 2"
                + " of this JVM's 2 carrier threads"), all);
        assertTrue(all.contains("no virtual thread can run in this JVM any more") && all.contains("%reset"), all);
        String some = VirtualThreadPinning.abandonedNote(21, 4, List.of("T1"));
        assertTrue(some.contains("3 of 4 carriers are left"), some);
    }
}
