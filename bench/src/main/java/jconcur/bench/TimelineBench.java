package jconcur.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import jconcur.charts.Renderers;
import jconcur.charts.Timelines;
import jconcur.concurrency.Concurrency;
import jconcur.concurrency.Measurement;
import jconcur.concurrency.Sink;
import jconcur.concurrency.TimeFormat;
import jconcur.concurrency.Timeline;
import jconcur.concurrency.TimelineRecorder;

/**
 * Costs of thread timelines, run by hand:
 * <pre>
 * ./mvnw -B -q -pl bench -am package -DskipTests
 * java -cp bench/target/classes:kernel/target/jconcur-kernel.jar jconcur.bench.TimelineBench
 * </pre>
 * <ol>
 *   <li>recording overhead per task: a tiny task run directly against the same task recorded (on one thread,
 *       where nothing else hides the cost), and {@value #POOL_TASKS} tiny tasks through a plain pool of 2 against a
 *       recorded one (submit, run, future);</li>
 *   <li>drawing: a timeline of 10,000 recorded tasks on 4 threads, and one of 1,000 virtual threads, as PNG
 *       (first in this JVM, then later ones) and as the notebook's bundle.</li>
 * </ol>
 */
public final class TimelineBench {

    private static final int DIRECT_TASKS = 100_000;
    private static final int POOL_TASKS = 100_000;

    private TimelineBench() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        System.out.println("jconcur timeline benchmark, " + Runtime.getRuntime().availableProcessors() + " cores, "
                + System.getProperty("java.vm.name") + " " + Runtime.version());
        recordingOverhead();
        drawing();
    }

    private static void recordingOverhead() {
        Runnable tiny = () -> Sink.consume(System.identityHashCode(Thread.currentThread()));
        Measurement plain = Concurrency.measure(2, 7, () -> {
            for (int i = 0; i < DIRECT_TASKS; i++) {
                tiny.run();
            }
        });
        Measurement recorded = Concurrency.measure(2, 7, () -> {
            Runnable task = TimelineRecorder.start("bench").wrap("tiny", tiny);
            for (int i = 0; i < DIRECT_TASKS; i++) {
                task.run();
            }
        });
        Measurement plainPool = Concurrency.measure(2, 7, () -> throughPool(Executors.newFixedThreadPool(2)));
        Measurement recordedPool = Concurrency.measure(2, 7, () -> {
            TimelineRecorder recorder = TimelineRecorder.start("bench");
            throughPool(recorder.wrap(Executors.newFixedThreadPool(2)));
            Sink.consume(recorder);
        });
        TimelineRecorder full = TimelineRecorder.start("bench");
        Concurrency.measure(0, 1, () -> throughPool(full.wrap(Executors.newFixedThreadPool(2))));
        Measurement finish = Concurrency.measure(2, 7, () -> full.finish());
        System.out.println();
        System.out.println("recording overhead per task (medians of 7 rounds)");
        System.out.println("  tiny task run directly, " + DIRECT_TASKS + " on one thread:");
        System.out.println("    plain:    " + perTask(plain, DIRECT_TASKS));
        System.out.println("    recorded: " + perTask(recorded, DIRECT_TASKS) + "  -> overhead "
                + TimeFormat.seconds((recorded.median() - plain.median()) / DIRECT_TASKS) + " per task");
        System.out.println("  tiny task through a pool of 2 (submit + run + get), " + POOL_TASKS + " tasks:");
        System.out.println("    plain pool:    " + perTask(plainPool, POOL_TASKS));
        System.out.println("    recorded pool: " + perTask(recordedPool, POOL_TASKS) + "  -> overhead "
                + TimeFormat.seconds((recordedPool.median() - plainPool.median()) / POOL_TASKS) + " per task");
        System.out.println("  building the timeline afterwards (finish()): "
                + TimeFormat.seconds(finish.median() / POOL_TASKS) + " per task (total "
                + TimeFormat.seconds(finish.median()) + ")");
    }

    private static long throughPool(ExecutorService pool) throws Exception {
        try (pool) {
            Callable<Integer> task = () -> System.identityHashCode(Thread.currentThread());
            List<Future<Integer>> futures = new ArrayList<>(POOL_TASKS);
            for (int i = 0; i < POOL_TASKS; i++) {
                futures.add(pool.submit(task));
            }
            long sum = 0;
            for (Future<Integer> f : futures) {
                sum += f.get();
            }
            return sum;
        }
    }

    private static void drawing() {
        Timeline tenThousand = Concurrency.timeline("10,000 tasks on 4 threads", () -> {
            try (ExecutorService pool = Concurrency.pool(4)) {
                for (int i = 0; i < 10_000; i++) {
                    pool.submit(() -> Sink.consume(Math.sqrt(System.nanoTime())));
                }
            }
        });
        Timeline thousandVirtual = Concurrency.timeline("1,000 virtual threads", () -> {
            try (ExecutorService pool = Concurrency.virtualPool()) {
                for (int i = 0; i < 1_000; i++) {
                    pool.submit(() -> Concurrency.pause(5));
                }
            }
        });
        long start = System.nanoTime();
        byte[] first = Timelines.png(tenThousand);
        double firstSeconds = (System.nanoTime() - start) / 1e9;
        Measurement later = Concurrency.measure(1, 10, () -> Timelines.png(tenThousand));
        Measurement bundle = Concurrency.measure(1, 10, () -> Renderers.render(tenThousand).orElseThrow());
        Measurement svg = Concurrency.measure(1, 5, () -> Timelines.svgText(tenThousand));
        Measurement virtual = Concurrency.measure(1, 10, () -> Timelines.png(thousandVirtual));
        System.out.println();
        System.out.println("drawing (" + tenThousand.tasks().size() + " tasks on " + tenThousand.rows().size()
                + " threads, " + first.length / 1024 + " KiB PNG)");
        System.out.println("  first PNG in this JVM:          " + TimeFormat.seconds(firstSeconds));
        System.out.println("  later PNGs:                     " + brief(later));
        System.out.println("  notebook bundle (PNG + text):   " + brief(bundle));
        System.out.println("  SVG:                            " + brief(svg));
        System.out.println("  1,000 virtual threads, PNG:     " + brief(virtual));
    }

    private static String perTask(Measurement m, int tasks) {
        return TimeFormat.seconds(m.median() / tasks) + " per task (total " + TimeFormat.seconds(m.median()) + ")";
    }

    private static String brief(Measurement m) {
        return "median " + TimeFormat.seconds(m.median()) + " (min " + TimeFormat.seconds(m.min()) + ", max "
                + TimeFormat.seconds(m.max()) + ")";
    }
}
