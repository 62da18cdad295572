package jconcur.concurrency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AmdahlTest {

    @Test
    void speedupMatchesTheBookTable() {
        assertEquals(1.905, Amdahl.speedup(0.05, 2), 1e-3);
        assertEquals(3.077, Amdahl.speedup(0.10, 4), 1e-3);
        assertEquals(2.909, Amdahl.speedup(0.25, 8), 1e-3);
        assertEquals(1.939, Amdahl.speedup(0.50, 32), 1e-3);
        assertThrows(IllegalArgumentException.class, () -> Amdahl.speedup(1.5, 2));
    }

    @Test
    void karpFlattInvertsAmdahl() {
        // S = 1/(0.2 + 0.8/4) = 2.5 -> e = (0.4 - 0.25)/(0.75) = 0.2
        assertEquals(0.2, Amdahl.karpFlatt(2.5, 4), 1e-12);
        assertTrue(Double.isNaN(Amdahl.karpFlatt(1.0, 1)));
    }

    @Test
    void fitRecoversAKnownSerialFraction() {
        int[] workers = {1, 2, 4, 8, 16};
        double[] speedups = new double[workers.length];
        for (int i = 0; i < workers.length; i++) {
            speedups[i] = Amdahl.speedup(0.1, workers[i]);
        }
        AmdahlFit fit = Amdahl.fit(workers, speedups);
        assertEquals(0.1, fit.serialFraction(), 1e-12);
        assertEquals(10.0, fit.maxSpeedup(), 1e-9);
        assertEquals(0.0, fit.rmse(), 1e-9);
        assertEquals(4, fit.points());
    }

    @Test
    void fitIsLeastSquaresOnNormalisedTimes() {
        // x = 1 - 1/n, y = 1/S - 1/n: n=2: x=.5, y=1/1.6-.5=.125; n=4: x=.75, y=1/2-.25=.25
        // B = (.5*.125 + .75*.25)/(.25 + .5625) = .25/.8125
        AmdahlFit fit = Amdahl.fit(new int[] {1, 2, 4}, new double[] {1.0, 1.6, 2.0});
        assertEquals(0.25 / 0.8125, fit.serialFraction(), 1e-12);
    }

    @Test
    void superlinearGivesUnboundedLimitAndSinglePointGivesNoFit() {
        AmdahlFit superlinear = Amdahl.fit(new int[] {2}, new double[] {2.5});
        assertTrue(superlinear.serialFraction() < 0);
        assertTrue(Double.isInfinite(superlinear.maxSpeedup()));
        assertFalse(Amdahl.fit(new int[] {1}, new double[] {1}).isValid());
    }

    @Test
    void aSlowdownIsNotDescribedByAmdahl() {
        AmdahlFit slowdown = Amdahl.fit(new int[] {1, 2, 4}, new double[] {1, 0.5, 0.25});
        assertTrue(slowdown.serialFraction() > 1);
        assertFalse(slowdown.isMeaningful());
        assertTrue(slowdown.toString().contains("slows down"), slowdown.toString());
        AmdahlFit fit = Amdahl.fit(new int[] {1, 2}, new double[] {1, 1.6});
        assertEquals("Amdahl fit: serial fraction B = 0.250, max speedup 1/B = 4.0 (fitted on workers 2: n = 1 says nothing about B; rmse 0.00)", fit.toString());
    }
}
