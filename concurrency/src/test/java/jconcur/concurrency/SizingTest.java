package jconcur.concurrency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SizingTest {

    @AfterEach
    void clearProperty() {
        System.clearProperty(Sizing.PROPERTY);
    }

    @Test
    void problemSizeGivesEveryCoreItsShareOfTime() {
        // 1 ms per 1000 units: 4 cores x 100 ms = 400 ms = 400,000 units
        assertEquals(400_000, Sizing.problemSize(Duration.ofMillis(1), 1000, 1, 4, Duration.ofMillis(100)));
        // twice the cores, twice the units
        assertEquals(800_000, Sizing.problemSize(Duration.ofMillis(1), 1000, 1, 8, Duration.ofMillis(100)));
    }

    @Test
    void problemSizeKeepsTheMinimumNumberOfUnitsPerCore() {
        // one unit costs 1 s: time alone would give 1 unit per 16 cores; the minimum is 4 per core
        assertEquals(64, Sizing.problemSize(Duration.ofSeconds(1), 1, 4, 16, Duration.ofMillis(100)));
    }

    @Test
    void problemSizeRoundsUp() {
        assertEquals(3, Sizing.problemSize(Duration.ofMillis(40), 1, 1, 1, Duration.ofMillis(100)));
    }

    @Test
    void problemSizeRejectsNonPositiveArguments() {
        assertThrows(IllegalArgumentException.class, () -> Sizing.problemSize(Duration.ZERO, 1, 1, 1, Duration.ofMillis(1)));
        assertThrows(IllegalArgumentException.class, () -> Sizing.problemSize(Duration.ofMillis(1), 0, 1, 1, Duration.ofMillis(1)));
        assertThrows(IllegalArgumentException.class, () -> Sizing.problemSize(Duration.ofMillis(1), 1, 0, 1, Duration.ofMillis(1)));
        assertThrows(IllegalArgumentException.class, () -> Sizing.problemSize(Duration.ofMillis(1), 1, 1, 0, Duration.ofMillis(1)));
        assertThrows(IllegalArgumentException.class, () -> Sizing.problemSize(Duration.ofMillis(1), 1, 1, 1, Duration.ZERO));
    }

    @Test
    void workPerCoreDefaultsAndHonoursTheProperty() {
        assertEquals(Duration.ofMillis(Sizing.DEFAULT_MILLIS), Sizing.workPerCore());
        System.setProperty(Sizing.PROPERTY, "25");
        assertEquals(Duration.ofMillis(25), Sizing.workPerCore());
        System.setProperty(Sizing.PROPERTY, "0");
        assertThrows(IllegalArgumentException.class, Sizing::workPerCore);
        System.setProperty(Sizing.PROPERTY, "fast");
        assertThrows(IllegalArgumentException.class, Sizing::workPerCore);
    }

    @Test
    void defaultProblemSizeScalesWithTheProperty() {
        System.setProperty(Sizing.PROPERTY, "10");
        long small = Sizing.problemSize(Duration.ofMillis(1), 1, 1);
        System.setProperty(Sizing.PROPERTY, "20");
        long large = Sizing.problemSize(Duration.ofMillis(1), 1, 1);
        assertEquals(2 * small, large);
        assertEquals(10L * Runtime.getRuntime().availableProcessors(), small);
    }

    @Test
    void costOfWarmsUpAndTakesTheFastestRunOfASleepingSample() {
        AtomicInteger calls = new AtomicInteger();
        Duration cost = Sizing.costOf(() -> {
            // 3 warm-ups, then measured runs of 100, 5, 100, 100, 100 ms: the 5 ms run is the cost
            Thread.sleep(calls.incrementAndGet() == 5 ? 5 : 100);
            return 1;
        });
        assertEquals(8, calls.get());
        assertTrue(cost.toNanos() >= 5_000_000 && cost.toMillis() < 100, "fastest of 5 ms and 100 ms sleeps: " + cost);
    }

    @Test
    void costOfReportsAFailingSample() {
        assertThrows(TaskFailedException.class, () -> Sizing.costOf(() -> {
            throw new IllegalStateException("boom");
        }));
    }
}
