package jconcur.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import jconcur.concurrency.Concurrency;
import jconcur.concurrency.DeadlockReport;
import jconcur.concurrency.Deadlocks;
import jconcur.concurrency.LockGraph;
import jconcur.concurrency.NamedLock;
import jconcur.display.MimeBundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class WaitForGraphPictureTest {

    /** Takes mine, waits until the other actor holds its lock, then takes theirs: a sure deadlock. */
    private static Runnable grab(NamedLock mine, NamedLock theirs, CountDownLatch bothHoldOne) {
        return () -> {
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
        };
    }

    private static Runnable untilInterrupted(Runnable body) {
        return () -> {
            try {
                body.run();
            } catch (CancellationException expected) {
                // the test ends the deadlock by interrupting; NamedLock then cancels the wait
            }
        };
    }

    private static DeadlockReport deadlock() {
        NamedLock l1 = new NamedLock("L1");
        NamedLock l2 = new NamedLock("L2");
        CountDownLatch both = new CountDownLatch(2);
        return Concurrency.runActors(Duration.ofSeconds(10), grab(l1, l2, both), grab(l2, l1, both));
    }

    @Test
    void aRealDeadlockIsDrawnAsACycleOfThreadsAndLocks() throws Exception {
        DeadlockReport report = deadlock();
        assertTrue(report.deadlocked(), report::toString);
        WaitForGraphLayout layout = WaitForGraphLayout.of(report.graph());
        Set<String> threads = layout.nodes().stream().filter(n -> !n.lock()).map(WaitForGraphLayout.Node::name)
                .collect(Collectors.toSet());
        Set<String> locks = layout.nodes().stream().filter(WaitForGraphLayout.Node::lock)
                .map(WaitForGraphLayout.Node::name).collect(Collectors.toSet());
        assertEquals(Set.of("T1", "T2"), threads);
        assertEquals(Set.of("L1", "L2"), locks);
        assertTrue(layout.nodes().stream().allMatch(WaitForGraphLayout.Node::onCycle));
        Set<String> arrows = layout.arrows().stream().map(a -> layout.nodes().get(a.from()).name()
                + (a.waits() ? " waits for " : " held by ") + layout.nodes().get(a.to()).name())
                .collect(Collectors.toSet());
        assertEquals(Set.of("T1 waits for L2", "T2 waits for L1", "L1 held by T1", "L2 held by T2"), arrows);
        assertTrue(layout.arrows().stream().allMatch(WaitForGraphLayout.Arrow::onCycle));
        assertTrue(layout.title().startsWith("DEADLOCK: "), layout.title());

        MimeBundle bundle = Renderers.render(report).orElseThrow();
        BufferedImage image = ChartsTest.decode(Base64.getDecoder().decode((String) bundle.data().get("image/png")));
        assertEquals(layout.width(), image.getWidth());
        assertEquals(report.toString(), bundle.data().get("text/plain"), "text stays for plain clients");
    }

    @Test
    void onlyTheCycleIsRedWhenAnotherThreadWaitsToo() {
        LockGraph graph = new LockGraph(List.of(new LockGraph.Hold("T1", "A"), new LockGraph.Hold("T2", "B")),
                List.of(new LockGraph.Wait("T1", "B", "T2"), new LockGraph.Wait("T2", "A", "T1"),
                        new LockGraph.Wait("T3", "A", "T1")),
                List.of("T1", "T2"));
        WaitForGraphLayout layout = WaitForGraphLayout.of(graph);
        assertEquals(5, layout.nodes().size());
        WaitForGraphLayout.Node t3 = layout.nodes().stream().filter(n -> n.name().equals("T3")).findFirst().orElseThrow();
        assertFalse(t3.onCycle());
        assertEquals(1, layout.arrows().stream().filter(a -> !a.onCycle()).count(), "T3 waits for A, off the cycle");
        assertTrue(WaitForGraphPicture.svgText(graph).contains("<svg"));
    }

    @Test
    void theVmsLockGraphShowsADeadlockWhileItLasts() throws Exception {
        NamedLock a = new NamedLock("A");
        NamedLock b = new NamedLock("B");
        CountDownLatch both = new CountDownLatch(2);
        Thread t1 = Thread.ofPlatform().name("first").daemon(true).start(untilInterrupted(grab(a, b, both)));
        Thread t2 = Thread.ofVirtual().name("second").start(untilInterrupted(grab(b, a, both)));
        try {
            LockGraph graph = Deadlocks.lockGraph();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (graph.cycle().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
                graph = Deadlocks.lockGraph();
            }
            assertEquals(Set.of("first", "second"), Set.copyOf(graph.cycle()), graph::toString);
            assertTrue(graph.holds().contains(new LockGraph.Hold("first", "A")), graph::toString);
            assertTrue(Renderers.render(graph).orElseThrow().data().containsKey("image/png"));
        } finally {
            t1.interrupt();
            t2.interrupt();
            t1.join();
            t2.join();
        }
    }
}
