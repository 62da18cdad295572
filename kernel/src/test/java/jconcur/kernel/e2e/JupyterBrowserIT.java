package jconcur.kernel.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import jconcur.kernel.JupyterEnvironment;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Runs the browser test {@code e2e/jupyter-e2e.mjs} in JupyterLab 4 and in Notebook 7 of the pinned Jupyter
 * environment, in Debian's Chromium driven by playwright-core: the kernel offered with its logo, a typed cell,
 * Tab completion, Shift+Tab documentation, chapter 1 run with its sweep chart, Java highlighting, interrupt
 * and restart from the toolbar, and (JupyterLab) the debugger: a breakpoint set in a cell's gutter, the paused
 * line highlighted, a local variable's value in the panel, continue to the cell's result. Screenshots of every step land in {@code kernel/target/e2e/}.
 *
 * <p>Outside CI it skips, saying what is missing, when Chromium, Node or the npm packages are not installed
 * ({@code dev/setup.sh --test} installs them); in CI ({@code CI=true}) it fails instead.
 */
class JupyterBrowserIT {

    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("JCONCUR_CHROMIUM", "/usr/bin/chromium"));
    /** Both apps take about 3.5 minutes on a loaded 2-core machine; the limit only catches a hang. */
    private static final long TIMEOUT_MINUTES = 10;

    @Test
    void theKernelWorksInJupyterLabAndNotebook7() throws Exception {
        Path root = Path.of(requiredProperty("jconcur.repoRoot"));
        Path jar = Path.of(requiredProperty("jconcur.kernelJar"));
        assertTrue(Files.isRegularFile(jar), "the kernel jar should exist at " + jar + "; it does not");
        Path jupyter = JupyterEnvironment.jupyter();

        requireTool(Files.isExecutable(CHROMIUM), "Chromium (" + CHROMIUM + ")");
        Optional<Path> node = onPath("node");
        requireTool(node.isPresent(), "node on PATH");
        requireTool(Files.isDirectory(root.resolve("e2e/node_modules/playwright-core")),
                "e2e/node_modules/playwright-core (npm ci in e2e/)");

        Path out = root.resolve("kernel/target/e2e");
        List<String> command = List.of(node.get().toString(), root.resolve("e2e/jupyter-e2e.mjs").toString(),
                "--jupyter", jupyter.toString(), "--jar", jar.toString(), "--out", out.toString(),
                "--java", Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--chromium", CHROMIUM.toString());
        Process process = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true).start();
        // Through System.out, not inheritIO: the forked test JVM's own stdout carries failsafe's protocol.
        Thread echo = Thread.ofVirtual().start(() -> process.inputReader().lines().forEach(System.out::println));
        if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            // The Jupyter servers and their kernels are the test's descendants: none may outlive it.
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            fail("the browser test should finish within " + TIMEOUT_MINUTES + " minutes; it did not (screenshots "
                    + "and server logs so far are in " + out + ")");
        }
        echo.join();
        assertEquals(0, process.exitValue(), "the browser test should pass in both apps; it failed (its output is "
                + "above; screenshots and the server logs are in " + out + ")");
    }

    /** Skips outside CI, fails in CI: CI must have installed every tool the browser test needs. */
    private static void requireTool(boolean present, String what) {
        if (present) {
            return;
        }
        String message = what + " is missing; dev/setup.sh --test installs it";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("CI=true and " + message);
        }
        Assumptions.abort("browser test skipped: " + message);
    }

    private static Optional<Path> onPath(String program) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, program))
                .filter(Files::isExecutable)
                .findFirst();
    }

    private static String requiredProperty(String name) {
        String value = System.getProperty(name);
        assertTrue(value != null && !value.isBlank(),
                "system property " + name + " should be set (run through mvn verify); it is not");
        return value;
    }
}
