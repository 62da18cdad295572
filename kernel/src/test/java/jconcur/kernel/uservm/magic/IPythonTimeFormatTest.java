package jconcur.kernel.uservm.magic;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** Expected strings are what IPython 8's _format_time and TimeitResult print for the same numbers. */
class IPythonTimeFormatTest {

    @Test
    void unitsAndSignificantDigits() {
        assertEquals("1.23 ms", IPythonTimeFormat.format(0.00123, 3));
        assertEquals("45.6 \u00b5s", IPythonTimeFormat.format(45.6e-6, 3));
        assertEquals("500 ms", IPythonTimeFormat.format(0.5, 3));
        assertEquals("2.5 s", IPythonTimeFormat.format(2.5, 3));
        assertEquals("12 ns", IPythonTimeFormat.format(12e-9, 3));
        assertEquals("0 ns", IPythonTimeFormat.format(0, 3));
        assertEquals("1.2346 s", IPythonTimeFormat.format(1.23456, 5));
        assertEquals("10 s", IPythonTimeFormat.format(10, 3));
    }

    @Test
    void roundingUpToTheNextPowerUsesCNotation() {
        // Python: "%.3g" % 999.7 == '1e+03'
        assertEquals("1e+03 \u00b5s", IPythonTimeFormat.format(999.7e-6, 3));
        assertEquals("1e+03", IPythonTimeFormat.cFormatG(999.7, 3));
        assertEquals("0.0001", IPythonTimeFormat.cFormatG(0.0001, 3));
        assertEquals("1e-05", IPythonTimeFormat.cFormatG(0.00001, 3));
        assertEquals("123", IPythonTimeFormat.cFormatG(123.4, 3));
    }

    @Test
    void minutesAndHours() {
        assertEquals("1min 5s", IPythonTimeFormat.format(65.3, 3));
        assertEquals("1h 1min", IPythonTimeFormat.format(3660.5, 3));
        assertEquals("2min", IPythonTimeFormat.format(120, 3));
    }

    @Test
    void timeitResultText() {
        TimeitResult r = TimeitResult.of(1000, new double[] {1.0, 1.2, 0.8, 1.0, 1.0, 1.1, 0.9}, 3);
        assertEquals(1e-3, r.average(), 1e-12);
        // population std. dev. of the per-loop times: sqrt(0.1/7) ms
        assertEquals(Math.sqrt(0.1 / 7) * 1e-3, r.stdev(), 1e-12);
        assertEquals("1 ms \u00b1 120 \u00b5s per loop (mean \u00b1 std. dev. of 7 runs, 1,000 loops each)", r.toString());
        assertNull(r.cachingWarning());
    }

    @Test
    void singularAndCachingWarning() {
        TimeitResult r = TimeitResult.of(1, new double[] {0.5}, 3);
        assertEquals("500 ms \u00b1 0 ns per loop (mean \u00b1 std. dev. of 1 run, 1 loop each)", r.toString());
        TimeitResult cached = TimeitResult.of(10, new double[] {1.0, 0.1, 0.1}, 3);
        assertTrue(cached.cachingWarning().startsWith("The slowest run took 10.00 times longer than the fastest."));
    }

    @Test
    void timeReportFormat() {
        String report = TimeMagicInUserVm.report(new CpuClock.Usage(0.0042, 0, 0.00425));
        assertEquals("CPU times: user 4.2 ms, sys: 0 ns, total: 4.2 ms\nWall time: 4.25 ms", report);
    }

    @Test
    void cpuClockCountsWorkOfOtherThreads() throws Exception {
        CpuClock.Sample start = CpuClock.now();
        Thread worker = new Thread(() -> {
            long end = System.nanoTime() + 200_000_000L;
            double x = 0;
            while (System.nanoTime() < end) x += Math.sqrt(x + 1);
            if (x == 42) System.out.println(x);
        });
        worker.start();
        worker.join();
        CpuClock.Usage usage = CpuClock.between(start, CpuClock.now());
        assertTrue(usage.total() > 0, "a busy worker thread's CPU time is counted: " + usage);
        assertTrue(usage.wall() >= 0.2);
        assertTrue(usage.user() >= 0 && usage.system() >= 0);
    }
}
