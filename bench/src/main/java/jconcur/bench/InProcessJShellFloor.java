package jconcur.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;

/**
 * The floor for start-up and footprint: one JVM running JShell in process (local execution engine, no user VM,
 * no protocol) with the kernel's preloaded imports. bench/kernel_startup.py starts it, sends cells as JSON
 * strings one per line on stdin, and reads one JSON line back per cell; it measures time and resident memory
 * from outside, as it does for the kernel. Run with the kernel jar on the class path (the helper package, the
 * charts and the preload script come from it):
 * <pre>
 * java -cp bench/target/classes:kernel/target/jconcur-kernel.jar jconcur.bench.InProcessJShellFloor
 * </pre>
 */
public final class InProcessJShellFloor {

    private static final String PRELOAD = "/jconcur/kernel/engine/preload.jsh";

    private InProcessJShellFloor() {}

    public static void main(String[] args) throws IOException {
        ObjectMapper json = new ObjectMapper();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        // stdout carries the answers; what the cells print (they run in this JVM) goes nowhere.
        PrintStream answers = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream discard = new PrintStream(OutputStream.nullOutputStream());
        System.setOut(discard);
        System.setErr(discard);
        try (JShell shell = JShell.builder().executionEngine("local").out(discard).err(discard).build()) {
            shell.addToClasspath(System.getProperty("java.class.path"));
            evaluate(shell, preload());
            answers.println("{\"ready\": true}");
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                int[] okAndFailed = evaluate(shell, json.readValue(line, String.class));
                answers.println("{\"ok\": " + okAndFailed[0] + ", \"failed\": " + okAndFailed[1] + "}");
            }
        }
    }

    /** Evaluates every snippet of a cell; returns how many ran and how many failed (magics, display, ...). */
    private static int[] evaluate(JShell shell, String cell) {
        int ok = 0;
        int failed = 0;
        String rest = cell;
        while (!rest.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = shell.sourceCodeAnalysis().analyzeCompletion(rest);
            String source = info.completeness().isComplete() ? info.source() : rest;
            rest = info.completeness().isComplete() ? info.remaining() : "";
            boolean fine = true;
            for (SnippetEvent event : shell.eval(source)) {
                fine &= event.status() != Snippet.Status.REJECTED && event.exception() == null;
            }
            if (fine) {
                ok++;
            } else {
                failed++;
            }
        }
        return new int[] {ok, failed};
    }

    private static String preload() throws IOException {
        try (InputStream script = InProcessJShellFloor.class.getResourceAsStream(PRELOAD)) {
            if (script == null) {
                throw new IllegalStateException(PRELOAD + " is not on the class path: add the kernel jar");
            }
            return new String(script.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.strip().startsWith("//"))
                    .collect(Collectors.joining("\n"));
        }
    }
}
