package jconcur.concurrency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatsTest {

    @Test
    void medianOfOddAndEvenSamples() {
        assertEquals(3.0, Stats.median(5, 1, 3));
        assertEquals(2.5, Stats.median(4, 1, 3, 2));
    }

    @Test
    void madIsMedianOfAbsoluteDeviations() {
        // median 3; deviations 2, 1, 0, 1, 97 -> sorted 0, 1, 1, 2, 97 -> 1
        assertEquals(1.0, Stats.mad(1, 2, 3, 4, 100));
    }

    @Test
    void meanAndSampleStandardDeviation() {
        // mean 5; squared deviations 9, 1, 1, 1, 0, 0, 4, 16 sum 32; /7
        double[] x = {2, 4, 4, 4, 5, 5, 7, 9};
        assertEquals(5.0, Stats.mean(x));
        assertEquals(Math.sqrt(32.0 / 7), Stats.sd(x), 1e-12);
        assertEquals(0.0, Stats.sd(42));
        assertEquals(Math.sqrt(32.0 / 8), Stats.populationSd(x), 1e-12);
        assertEquals(0.0, Stats.populationSd(42));
    }

    @Test
    void rejectsEmptyAndNaN() {
        assertThrows(IllegalArgumentException.class, () -> Stats.median());
        assertThrows(IllegalArgumentException.class, () -> Stats.mean(1, Double.NaN));
    }

    @Test
    void measurementComputesAllFigures() {
        Measurement m = Measurement.of(2, List.of(0.010, 0.012, 0.011, 0.013, 0.011));
        assertEquals(0.011, m.median(), 1e-12);
        assertEquals(0.010, m.min(), 1e-12);
        assertEquals(0.013, m.max(), 1e-12);
        assertEquals(0.001, m.mad(), 1e-12);
        assertEquals(0.0114, m.mean(), 1e-12);
        assertEquals(5, m.runs());
        assertEquals(2, m.warmups());
        assertTrue(m.toString().startsWith("median 11.0 ms (min 10.0 ms, max 13.0 ms"), m.toString());
    }

    @Test
    void warnsAboutSpreadSlowFirstRunAndTinyRuns() {
        Measurement noisy = Measurement.of(0, List.of(0.030, 0.010, 0.015, 0.010, 0.020));
        assertTrue(noisy.warnings().stream().anyMatch(w -> w.startsWith("large spread")), noisy.warnings()::toString);
        assertTrue(noisy.warnings().stream().anyMatch(w -> w.startsWith("first measured run took 2.0x")),
                noisy.warnings()::toString);
        Measurement tiny = Measurement.of(0, List.of(1e-5, 1e-5, 1e-5));
        assertTrue(tiny.warnings().stream().anyMatch(w -> w.startsWith("runs take under 1 ms")));
        Measurement steady = Measurement.of(1, List.of(0.100, 0.101, 0.099));
        assertTrue(steady.warnings().isEmpty(), steady.warnings()::toString);
    }

    @Test
    void timeFormatPicksUnits() {
        assertEquals("12.3 ms", TimeFormat.seconds(0.01234));
        assertEquals("2.50 s", TimeFormat.seconds(2.5));
        assertEquals("150 µs", TimeFormat.seconds(150e-6));
        assertEquals("n/a", TimeFormat.seconds(Double.NaN));
    }
}
