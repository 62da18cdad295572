package jconcur.kernel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Runs a unittest module of src/test/python (test_kernel_conformance, a jupyter_kernel_test.KernelTests
 * subclass, or the robustness, soak, rendering and nbgrader modules driving the kernel through jupyter_client) with
 * the pinned Jupyter environment's Python against a kernelspec installed with {@code install --prefix}, and reads unittest's
 * summary.
 */
public final class KernelTestSuite {

    private static final Pattern RAN = Pattern.compile("^Ran (\\d+) tests? in ", Pattern.MULTILINE);
    private static final Pattern VERDICT = Pattern.compile("^(OK|FAILED)(?: \\((.*)\\))?\\s*$", Pattern.MULTILINE);

    /** unittest's summary, plus everything it printed (for failure messages). */
    record Result(int ran, boolean ok, int failures, int errors, int skipped, String output) {}

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

    /** Runs test_kernel_conformance (jupyter_kernel_test) against kernelName. */
    static Result run(Path jupyterPath, Path scratch, String kernelName) throws IOException, InterruptedException {
        return run(jupyterPath, scratch, kernelName, "test_kernel_conformance", Duration.ofMinutes(5));
    }

    /**
     * @param jupyterPath a directory with kernels/NAME/kernel.json
     * @param scratch     data and runtime dirs go here, so no user state is read or written
     * @param module      the unittest module in src/test/python
     * @param limit       the run is killed (and fails) after this long
     */
    static Result run(Path jupyterPath, Path scratch, String kernelName, String module, Duration limit)
            throws IOException, InterruptedException {
        Path python = JupyterEnvironment.python();
        Path tests = repoRoot().resolve("kernel/src/test/python");
        ProcessBuilder builder = new ProcessBuilder(python.toString(), "-m", "unittest", "-v", module)
                .directory(tests.toFile())
                .redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("JUPYTER_PATH", jupyterPath.toString());
        env.put("JUPYTER_DATA_DIR", Files.createDirectories(scratch.resolve("data")).toString());
        env.put("JUPYTER_RUNTIME_DIR", Files.createDirectories(scratch.resolve("runtime")).toString());
        env.put("JCONCUR_KERNEL_NAME", kernelName);
        env.put("PYTHONDONTWRITEBYTECODE", "1");
        Process process = builder.start();
        // Read on another thread, so that the time limit holds even while the module keeps printing.
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> readAll(process));
        if (!process.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError(module + " did not finish in " + limit + ":\n" + output.join());
        }
        return parse(output.join());
    }

    /** The FIGURE lines (measured figures) a module printed, for the IT's own output. */
    static String figures(Result result) {
        return result.output().lines().filter(line -> line.contains("FIGURE "))
                .map(line -> line.substring(line.indexOf("FIGURE ") + "FIGURE ".length()))
                .collect(Collectors.joining("\n"));
    }

    private static String readAll(Process process) {
        try {
            return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Result parse(String output) {
        Matcher ran = RAN.matcher(output);
        Matcher verdict = VERDICT.matcher(output);
        if (!ran.find() || !verdict.find(ran.end())) {
            throw new AssertionError("no unittest summary in the output:\n" + output);
        }
        String details = verdict.group(2) == null ? "" : verdict.group(2);
        return new Result(Integer.parseInt(ran.group(1)), verdict.group(1).equals("OK"), count(details, "failures"),
                count(details, "errors"), count(details, "skipped"), output);
    }

    private static int count(String details, String name) {
        Matcher m = Pattern.compile(name + "=(\\d+)").matcher(details);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }
}
