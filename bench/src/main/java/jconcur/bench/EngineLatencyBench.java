package jconcur.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import jconcur.kernel.engine.ExecuteOutcome;
import jconcur.kernel.engine.JShellEngine;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;

/**
 * Median time per trivial snippet, in one run and interleaved (so machine noise hits all alike):
 * stock remote JShell ({@code jdi:launch(true)}), the kernel's engine ({@link JShellEngine#execute}: its own
 * user VM, TCP_NODELAY, buffered streams, the preloaded imports), raw in-process {@code JShell.eval}, and
 * in-process with the same preloaded imports and class path (what the notebook environment itself costs);
 * then the ratios to raw in-process. Run it with the shaded kernel jar, as the kernel runs (a class path of
 * many jars makes every compile slower):
 * <pre>
 * java -cp bench/target/classes:kernel/target/jconcur-kernel.jar jconcur.bench.EngineLatencyBench [--runs 60] [--warmup 20] [code]
 * </pre>
 */
public final class EngineLatencyBench {

    private EngineLatencyBench() {}

    public static void main(String[] args) {
        String code = "1 + 1";
        int runs = 60;
        int warmup = 20;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                default -> code = args[i];
            }
        }
        String snippet = code;
        Map<String, List<Double>> times = new LinkedHashMap<>();
        Map<String, Consumer<String>> runners = new LinkedHashMap<>();
        try (JShell stock = JShell.builder().executionEngine("jdi:launch(true)").build();
             JShell local = JShell.builder().executionEngine("local").build();
             JShell preloaded = preloaded()) {
            JShellEngine engine = JShellEngine.start(new SilentOutput(), null);
            try {
                runners.put("stock remote JShell (jdi:launch(true))", c -> eval(stock, c));
                runners.put("jconcur JShellEngine.execute", c -> execute(engine, c));
                runners.put("in-process JShell.eval (local)", c -> eval(local, c));
                runners.put("in-process with the kernel's preload", c -> eval(preloaded, c));
                runners.keySet().forEach(name -> times.put(name, new ArrayList<>()));
                for (int i = 0; i < warmup; i++) {
                    runners.values().forEach(r -> r.accept(snippet));
                }
                for (int i = 0; i < runs; i++) {
                    for (Map.Entry<String, Consumer<String>> runner : runners.entrySet()) {
                        long start = System.nanoTime();
                        runner.getValue().accept(snippet);
                        times.get(runner.getKey()).add((System.nanoTime() - start) / 1e6);
                    }
                }
            } finally {
                engine.close();
            }
        }
        double local = median(times.get("in-process JShell.eval (local)"));
        System.out.printf(Locale.ROOT, "snippet %s, %d runs each after %d warm-up runs, interleaved%n",
                quote(snippet), runs, warmup);
        times.forEach((name, millis) -> System.out.printf(Locale.ROOT,
                "  %-42s median %7.2f ms  min %7.2f ms  ratio to raw in-process %.2f%n",
                name, median(millis), millis.stream().mapToDouble(Double::doubleValue).min().orElse(0),
                median(millis) / local));
    }

    /** An in-process JShell with the imports and class path every notebook starts with. */
    private static JShell preloaded() {
        JShell shell = JShell.builder().executionEngine("local").build();
        shell.addToClasspath(System.getProperty("java.class.path"));
        try (var in = JShellEngine.class.getResourceAsStream("preload.jsh")) {
            new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
                    .filter(line -> line.startsWith("import ")).forEach(shell::eval);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return shell;
    }

    private static void eval(JShell shell, String code) {
        for (SnippetEvent event : shell.eval(code)) {
            if (event.status() == Snippet.Status.REJECTED || event.exception() != null) {
                throw new IllegalStateException("the snippet failed: " + code + " (" + event + ")");
            }
        }
    }

    private static void execute(JShellEngine engine, String code) {
        ExecuteOutcome outcome = engine.execute(code);
        if (outcome instanceof ExecuteOutcome.Failed failed) {
            throw new IllegalStateException("the cell failed: " + String.join("\n", failed.traceback()));
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

}
