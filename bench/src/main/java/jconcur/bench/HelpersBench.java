package jconcur.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import jconcur.charts.Charts;
import jconcur.charts.Renderers;
import jconcur.concurrency.Amdahl;
import jconcur.concurrency.Measurement;
import jconcur.concurrency.Sweep;
import jconcur.concurrency.SweepPoint;
import jconcur.concurrency.SweepResult;
import jconcur.concurrency.TimeFormat;

/**
 * Costs of the helper package itself, run by hand:
 * <pre>
 * ./mvnw -B -q -pl bench -am package -DskipTests
 * java -cp bench/target/classes:kernel/target/jconcur-kernel.jar jconcur.bench.HelpersBench
 * </pre>
 * <ol>
 *   <li>chart rendering: the first PNG in a fresh JVM (class loading, fonts) and later ones; SVG; a whole
 *       sweep bundle (HTML table + two PNGs) as the notebook shows it;</li>
 *   <li>sweep machinery overhead per measured run, with an empty task: without a pool
 *       ({@code onWorkers}), and with a fresh fixed pool per run ({@code onExecutor}: pool creation,
 *       thread start, shutdown), against calling the empty task directly.</li>
 * </ol>
 * Chart rendering runs first on purpose: it must meet a cold JVM.
 */
public final class HelpersBench {

    private HelpersBench() {
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        System.out.println("jconcur helpers benchmark, " + Runtime.getRuntime().availableProcessors() + " cores, "
                + System.getProperty("java.vm.name") + " " + Runtime.version());
        chartRendering();
        sweepOverhead();
    }

    private static void chartRendering() {
        SweepResult<String> sweep = syntheticSweep();
        long start = System.nanoTime();
        byte[] first = Charts.pngBytes(Charts.speedupChart(sweep));
        double firstSeconds = (System.nanoTime() - start) / 1e9;
        Measurement later = repeat(20, () -> Charts.pngBytes(Charts.speedupChart(sweep)));
        start = System.nanoTime();
        Charts.svgText(Charts.speedupChart(sweep));
        double firstSvg = (System.nanoTime() - start) / 1e9;
        Measurement svg = repeat(10, () -> Charts.svgText(Charts.speedupChart(sweep)));
        Measurement bundle = repeat(10, () -> Renderers.render(sweep).orElseThrow());
        System.out.println();
        System.out.println("chart rendering (speedup chart, 720x400, " + first.length / 1024 + " KiB PNG)");
        System.out.println("  first PNG in this JVM:      " + TimeFormat.seconds(firstSeconds));
        System.out.println("  later PNGs (20):            " + brief(later));
        System.out.println("  first SVG:                  " + TimeFormat.seconds(firstSvg));
        System.out.println("  later SVGs (10):            " + brief(svg));
        System.out.println("  sweep bundle, HTML + 2 PNG: " + brief(bundle));
    }

    private static void sweepOverhead() {
        int repeats = 200;
        int[] workers = {1, 2, 4};
        int runs = repeats * (workers.length + 1);
        Measurement direct = repeat(runs, () -> 42);

        long start = System.nanoTime();
        Sweep.onWorkers(() -> 42, n -> 42).workers(workers).warmups(0).repeats(repeats).run();
        double noPool = (System.nanoTime() - start) / 1e9 / runs;

        start = System.nanoTime();
        SweepResult<Integer> pooled = Sweep.onExecutor(() -> 42, pool -> pool.submit(() -> 42).get())
                .workers(workers).warmups(0).repeats(repeats).run();
        double withPool = (System.nanoTime() - start) / 1e9 / runs;

        System.out.println();
        System.out.println("sweep machinery, empty task, workers 1, 2, 4 + sequential, " + repeats + " repeats ("
                + runs + " runs)");
        System.out.println("  calling the task directly, per run:         " + TimeFormat.seconds(direct.median()));
        System.out.println("  onWorkers (no pool), wall time per run:     " + TimeFormat.seconds(noPool));
        System.out.println("  onExecutor (fresh pool), wall time per run: " + TimeFormat.seconds(withPool));
        for (SweepPoint p : pooled.points()) {
            System.out.printf(Locale.ROOT, "    pool of %d: start %s (median), task incl. one submit %s%n", p.workers(),
                    TimeFormat.seconds(p.poolStartup().median()), TimeFormat.seconds(p.time().median()));
        }
    }

    private static Measurement repeat(int times, Supplier<?> task) {
        List<Double> seconds = new ArrayList<>(times);
        for (int i = 0; i < times; i++) {
            long start = System.nanoTime();
            Object value = task.get();
            seconds.add((System.nanoTime() - start) / 1e9);
            if (value == null) {
                throw new IllegalStateException("no result");
            }
        }
        return Measurement.of(0, seconds);
    }

    private static String brief(Measurement m) {
        return "median " + TimeFormat.seconds(m.median()) + " (min " + TimeFormat.seconds(m.min()) + ", max "
                + TimeFormat.seconds(m.max()) + ")";
    }

    /** A sweep with Amdahl-shaped figures (B = 0.1), so rendering is measured without running a sweep. */
    private static SweepResult<String> syntheticSweep() {
        int[] workers = {1, 2, 4, 8};
        List<SweepPoint> points = new ArrayList<>();
        for (int n : workers) {
            double t = 1.0 / Amdahl.speedup(0.1, n);
            Measurement m = Measurement.of(1, List.of(t * 0.98, t, t * 1.02));
            double s = 1.0 / m.median();
            points.add(new SweepPoint(n, m, Measurement.of(0, List.of(2e-4)), s, s / n, Amdahl.karpFlatt(s, n)));
        }
        double[] speedups = points.stream().mapToDouble(SweepPoint::speedup).toArray();
        return new SweepResult<>("benchmark", "fixed thread pool", Measurement.of(1, List.of(0.99, 1.0, 1.01)), points,
                Amdahl.fit(workers, speedups), "ok", Runtime.getRuntime().availableProcessors(), List.of());
    }
}
