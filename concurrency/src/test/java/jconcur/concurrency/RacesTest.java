package jconcur.concurrency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RacesTest {

    @Test
    void safeCountersNeverLoseUpdates() {
        for (var factory : List.<java.util.function.Supplier<Counter>>of(Counters::atomic, Counters::adder,
                Counters::synchronizedMethod, Counters::locked)) {
            RaceReport r = Concurrency.lostUpdates(3, 4, 20_000, factory);
            assertEquals(80_000, r.expected());
            assertEquals(List.of(80_000L, 80_000L, 80_000L), r.observed(), r::toString);
            assertEquals(0, r.lossyTrials());
        }
    }

    @Test
    void statisticsOfTheObservedCounts() {
        // a counter that drops one increment in every trial but the first: 7, 7, 7 expected 8 in trials 2 and 3
        AtomicInteger trial = new AtomicInteger();
        RaceReport r = Concurrency.lostUpdates(3, 2, 4, () -> {
            int n = trial.incrementAndGet();
            AtomicLong count = new AtomicLong(n == 1 ? 0 : -1);
            return new Counter() {
                @Override
                public void increment() {
                    count.incrementAndGet();
                }

                @Override
                public long get() {
                    return count.get();
                }

                @Override
                public String toString() {
                    return "leaky";
                }
            };
        });
        assertEquals(8, r.expected());
        assertEquals(List.of(8L, 7L, 7L), r.observed());
        assertEquals(7, r.min());
        assertEquals(7.0, r.median());
        assertEquals(8, r.max());
        assertEquals(2, r.lossyTrials());
        assertEquals(2.0 / 3, r.lossyFraction(), 1e-12);
        assertEquals((0 + 1.0 / 8 + 1.0 / 8) / 3, r.meanLostFraction(), 1e-12);
        assertTrue(r.toString().startsWith("leaky: 2 threads x 4 = 8 expected; observed min 7, median 7, max 8"),
                r::toString);
        assertNull(r.note());
    }

    @Test
    void readSleepWriteLosesUpdates() {
        RaceReport r = Concurrency.lostUpdates(2, 8, 3, () -> Counters.readSleepWrite(Duration.ofMillis(1)));
        assertTrue(r.lossyTrials() >= 1, r::toString);
        assertTrue(r.max() < 24, r::toString);
    }

    @Test
    void theTimeLimitStopsTrials() {
        RaceReport r = Concurrency.lostUpdates(1000, 2, 5, () -> Counters.readSleepWrite(Duration.ofMillis(20)),
                Duration.ofMillis(300));
        assertTrue(r.trials() < 1000);
        assertNotNull(r.note());
        assertTrue(r.note().contains("time limit"), r.note());
    }
}
