package jconcur.kernel;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DynamicTest;

/**
 * Runs a unittest module of src/test/python (test_kernel_conformance, a jupyter_kernel_test.KernelTests
 * subclass, or the modules driving the kernel through jupyter_client) with the pinned Jupyter environment's
 * Python against a kernelspec installed with {@code install --prefix}, and turns every Python test case into a
 * JUnit test of its own (through unittest_json.py), so no count of cases is kept in sync by hand. A skipped case
 * fails: every case of these suites must run here.
 */
public final class KernelTestSuite {

    /** One Python test case's outcome, as unittest_json.py writes it. */
    record Case(String id, String outcome, String detail, double seconds) {

        /** "test_busy_loop (InterruptTests)": the method, then the class, as unittest prints them. */
        String displayName() {
            String[] parts = id.split("\\.");
            return parts.length >= 2 ? parts[parts.length - 1] + " (" + parts[parts.length - 2] + ")" : id;
        }

        void check() {
            switch (outcome) {
                case "ok" -> { }
                case "skipped" -> fail("skipped (" + detail + "): every case must run here");
                default -> fail(outcome + String.format(Locale.ROOT, " after %.1f s:%n", seconds) + detail);
            }
        }
    }

    /** What a module's result file says: its cases, and whether it ran to its end. */
    record Results(List<Case> cases, boolean ranToEnd) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private KernelTestSuite() {}

    public static Path repoRoot() {
        String root = System.getProperty("jconcur.repoRoot");
        return root != null ? Path.of(root) : Path.of("").toAbsolutePath().getParent();
    }

    /**
     * Installs the kernel jar's kernelspec with {@code install --prefix} under dir.
     * @return the JUPYTER_PATH entry that holds kernels/jconcur/kernel.json
     */
    public static Path installKernelspec(Path dir) throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("jconcur.kernelJar", "target/jconcur-kernel.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new AssertionError("the shaded kernel jar is missing: " + jar);
        }
        Path prefix = dir.resolve("prefix");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process install = new ProcessBuilder(java.toString(), "-jar", jar.toString(), "install", "--prefix",
                prefix.toString()).redirectErrorStream(true).start();
        String output = new String(install.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!install.waitFor(2, TimeUnit.MINUTES) || install.exitValue() != 0) {
            throw new AssertionError("install --prefix failed:\n" + output);
        }
        Path jupyterPath = prefix.resolve("share/jupyter");
        if (!Files.isRegularFile(jupyterPath.resolve("kernels/jconcur/kernel.json"))) {
            throw new AssertionError("install --prefix wrote no kernel.json:\n" + output);
        }
        return jupyterPath;
    }

    /** Installs the packaged kernel's kernelspec under dir, then {@link #tests} of module against it. */
    static List<DynamicTest> testsOfInstalledKernel(Path dir, String module, Duration limit)
            throws IOException, InterruptedException {
        return tests(installKernelspec(dir), dir, "jconcur", module, limit);
    }

    /**
     * Runs module and returns one test per case it ran, each passing or failing as the case did, plus a failing
     * test when the module did not run to its end (time limit, crash) or ran no case.
     *
     * @param jupyterPath a directory with kernels/NAME/kernel.json
     * @param scratch     data and runtime dirs go here, so no user state is read or written
     * @param module      the unittest module in src/test/python
     * @param limit       the run is killed (and fails) after this long
     */
    static List<DynamicTest> tests(Path jupyterPath, Path scratch, String kernelName, String module, Duration limit)
            throws IOException, InterruptedException {
        Path tests = repoRoot().resolve("kernel/src/test/python");
        Path results = Files.createTempFile(scratch, module + "-", ".jsonl");
        ProcessBuilder builder = new ProcessBuilder(JupyterEnvironment.python().toString(), "unittest_json.py", module,
                results.toString()).directory(tests.toFile()).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("JUPYTER_PATH", jupyterPath.toString());
        env.put("JUPYTER_DATA_DIR", Files.createDirectories(scratch.resolve("data")).toString());
        env.put("JUPYTER_RUNTIME_DIR", Files.createDirectories(scratch.resolve("runtime")).toString());
        env.put("JCONCUR_KERNEL_NAME", kernelName);
        env.put("PYTHONDONTWRITEBYTECODE", "1");
        Process process = builder.start();
        // Read on another thread, so that the time limit holds even while the module keeps printing.
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> readAll(process));
        boolean finished = process.waitFor(limit.toSeconds(), TimeUnit.SECONDS);
        if (!finished) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        String log = output.join();
        String figures = figures(log);
        if (!figures.isEmpty()) {
            System.out.println(module + " figures:\n" + figures);
        }
        Results outcome = parse(Files.readAllLines(results, StandardCharsets.UTF_8));
        List<DynamicTest> dynamicTests = new ArrayList<>();
        for (Case c : outcome.cases()) {
            dynamicTests.add(DynamicTest.dynamicTest(c.displayName(), c::check));
        }
        String why = !finished ? "did not finish within " + limit
                : !outcome.ranToEnd() ? "ended before its last case (exit code " + process.exitValue() + ")"
                : outcome.cases().isEmpty() ? "ran no test case"
                : null;
        if (why != null) {
            dynamicTests.add(DynamicTest.dynamicTest(module + " ran to its end",
                    () -> fail(module + " " + why + "; its output:\n" + log)));
        }
        return dynamicTests;
    }

    /** The FIGURE lines (measured figures) a module printed. */
    static String figures(String output) {
        return output.lines().filter(line -> line.contains("FIGURE "))
                .map(line -> line.substring(line.indexOf("FIGURE ") + "FIGURE ".length()))
                .collect(Collectors.joining("\n"));
    }

    static Results parse(List<String> jsonLines) {
        List<Case> cases = new ArrayList<>();
        boolean ranToEnd = false;
        for (String line : jsonLines) {
            if (line.isBlank()) {
                continue;
            }
            try {
                JsonNode node = JSON.readTree(line);
                if (node.path("end").asBoolean(false)) {
                    ranToEnd = true;
                    continue;
                }
                cases.add(new Case(node.path("id").asText(), node.path("outcome").asText(), node.path("detail").asText(),
                        node.path("seconds").asDouble()));
            } catch (IOException e) {
                throw new AssertionError("unittest_json.py wrote a line that is not JSON: " + line, e);
            }
        }
        return new Results(cases, ranToEnd);
    }

    private static String readAll(Process process) {
        try {
            return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
