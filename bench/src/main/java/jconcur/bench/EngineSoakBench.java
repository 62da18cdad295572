package jconcur.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import jconcur.kernel.engine.ExecuteOutcome;
import jconcur.kernel.engine.JShellEngine;

/**
 * Runs many cells in a row through the engine (declarations, redefinitions, output, exceptions, compile errors,
 * interrupts) and prints the kernel JVM's heap after a full GC every few hundred cells, to see that it stays
 * bounded.
 * <pre>
 * java -cp bench/target/classes:kernel/target/jconcur-kernel.jar jconcur.bench.EngineSoakBench [--cells 2000]
 * </pre>
 */
public final class EngineSoakBench {

    private EngineSoakBench() {}

    public static void main(String[] args) throws Exception {
        int cells = args.length == 2 && args[0].equals("--cells") ? Integer.parseInt(args[1]) : 2000;
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        JShellEngine engine = JShellEngine.start(new SilentOutput(), null);
        long start = System.nanoTime();
        int failures = 0;
        try {
            engine.execute("int counter = 0;");
            printHeap(memory, 0, start);
            for (int i = 1; i <= cells; i++) {
                ExecuteOutcome outcome = switch (i % 8) {
                    case 0 -> engine.execute("int value" + (i % 50) + " = " + i + ";");
                    case 1 -> engine.execute("String describe(int n) { return \"n=\" + n + \" #" + i + "\"; }");
                    case 2 -> engine.execute("describe(" + i + ")");
                    case 3 -> engine.execute("for (int k = 0; k < 100; k++) System.out.println(\"line \" + k);");
                    case 4 -> engine.execute("Integer.parseInt(\"not a number " + i + "\")");
                    case 5 -> engine.execute("int broken = undefinedName" + i + ";");
                    case 6 -> interrupted(engine);
                    default -> engine.execute("counter += 1");
                };
                if (outcome instanceof ExecuteOutcome.Failed) {
                    failures++;
                }
                if (i % 250 == 0) {
                    printHeap(memory, i, start);
                }
            }
        } finally {
            engine.close();
        }
        System.out.printf(Locale.ROOT, "%d cells, %d failed as intended (exceptions, compile errors, interrupts)%n",
                cells, failures);
    }

    private static ExecuteOutcome interrupted(JShellEngine engine) throws Exception {
        CompletableFuture<ExecuteOutcome> cell = CompletableFuture.supplyAsync(() -> engine.execute("Thread.sleep(10_000);"));
        Thread.sleep(50);
        engine.interrupt();
        return cell.get(30, TimeUnit.SECONDS);
    }

    private static void printHeap(MemoryMXBean memory, int cells, long start) {
        System.gc();
        System.out.printf(Locale.ROOT, "after %4d cells: kernel heap used %6.1f MB (%.0f s)%n", cells,
                memory.getHeapMemoryUsage().getUsed() / 1048576.0, (System.nanoTime() - start) / 1e9);
    }
}
