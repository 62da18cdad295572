package jconcur.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;

/**
 * The floor for a trivial cell: raw in-process {@code JShell.eval} of a snippet (local execution engine, no
 * second JVM, no protocol), after warm-up. bench/kernel-latency.sh sets the kernel's cell round trip against it.
 * <pre>
 * java -cp bench/target/classes jconcur.bench.InProcessJShellBench [--runs 50] [--warmup 20] [--json] [code]
 * </pre>
 */
public final class InProcessJShellBench {

    private InProcessJShellBench() {}

    public static void main(String[] args) {
        String code = "1 + 1";
        int runs = 50;
        int warmup = 20;
        boolean json = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--json" -> json = true;
                default -> code = args[i];
            }
        }
        List<Double> millis = new ArrayList<>();
        try (JShell shell = JShell.builder().executionEngine("local").build()) {
            for (int i = 0; i < warmup; i++) {
                eval(shell, code);
            }
            for (int i = 0; i < runs; i++) {
                long start = System.nanoTime();
                eval(shell, code);
                millis.add((System.nanoTime() - start) / 1e6);
            }
        }
        List<Double> sorted = millis.stream().sorted().toList();
        double median = sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
                : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
        System.out.printf(Locale.ROOT, "in-process JShell.eval(%s): median %.3f ms, min %.3f ms, max %.3f ms over %d runs"
                + " (after %d warm-up runs)%n", quote(code), median, sorted.get(0), sorted.get(sorted.size() - 1),
                runs, warmup);
        if (json) {
            System.out.printf(Locale.ROOT, "{\"code\": %s, \"in_process_median_ms\": %.3f, \"runs\": %d}%n",
                    quote(code), median, runs);
        }
    }

    /** Evaluates and checks that the snippet really ran: a failing snippet would be a meaningless floor. */
    private static void eval(JShell shell, String code) {
        for (SnippetEvent event : shell.eval(code)) {
            if (event.status() == Snippet.Status.REJECTED || event.exception() != null) {
                throw new IllegalStateException("the snippet failed: " + code + " (" + event + ")");
            }
        }
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
