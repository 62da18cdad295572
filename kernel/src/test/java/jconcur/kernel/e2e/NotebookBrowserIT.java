package jconcur.kernel.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Runs the headless browser test {@code e2e/notebook-e2e.mjs}: Debian's classic Notebook server on loopback,
 * Chromium driven by playwright-core, chapter 1 (or the test's own sweep notebook until chapter 1 exists) run
 * with Run All, checked for errors and for the sweep chart, then an interrupted {@code while (true) {}}.
 * Screenshots land in {@code kernel/target/e2e/}.
 *
 * <p>Outside CI it skips, saying what is missing, when Chromium, Node, the npm packages or Debian's Notebook
 * are not installed ({@code dev/setup.sh --test} installs them); in CI ({@code CI=true}) it fails instead.
 */
class NotebookBrowserIT {

    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("JCONCUR_CHROMIUM", "/usr/bin/chromium"));
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final long TIMEOUT_MINUTES = 15;

    @Test
    void chapterOneRunsInTheBrowserAndABusyCellCanBeInterrupted() throws Exception {
        Path root = Path.of(requiredProperty("jconcur.repoRoot"));
        Path jar = Path.of(requiredProperty("jconcur.kernelJar"));
        assertTrue(Files.isRegularFile(jar), "kernel jar missing: " + jar);

        requireTool(Files.isExecutable(CHROMIUM), "Chromium (" + CHROMIUM + ")");
        requireTool(Files.isDirectory(root.resolve("e2e/node_modules/playwright-core")),
                "e2e/node_modules/playwright-core (run npm ci in e2e/)");
        Optional<Path> node = onPath("node");
        requireTool(node.isPresent(), "node on PATH");
        requireTool(succeeds(List.of(PYTHON.toString(), "-c", "import notebook, jupyter_client")),
                "Debian's classic Notebook for " + PYTHON + " (apt-get install jupyter-notebook)");

        Path notebook = Optional.ofNullable(System.getProperty("jconcur.e2e.notebook")).map(Path::of)
                .orElseGet(() -> chapterOne(root).orElse(root.resolve("e2e/fixtures/sweep.ipynb")));
        Path out = root.resolve("kernel/target/e2e");
        Files.createDirectories(out);

        List<String> command = new ArrayList<>(List.of(node.get().toString(), root.resolve("e2e/notebook-e2e.mjs").toString(),
                "--jar", jar.toString(), "--notebook", notebook.toString(), "--out", out.toString(),
                "--java", Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--python", PYTHON.toString(), "--chromium", CHROMIUM.toString()));
        Process process = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true).start();
        // Through System.out, not inheritIO: the forked test JVM's own stdout carries failsafe's protocol.
        Thread echo = Thread.ofVirtual().start(() -> process.inputReader().lines().forEach(System.out::println));
        if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            fail("the browser test did not finish within " + TIMEOUT_MINUTES + " minutes");
        }
        echo.join();
        assertEquals(0, process.exitValue(),
                "the browser test failed (its output is above; screenshots and the server log are in " + out + ")");
    }

    /** notebooks/01-*.ipynb, the book's chapter 1, when the notebooks exist. */
    private static Optional<Path> chapterOne(Path root) {
        Path dir = root.resolve("notebooks");
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().matches("01-.*\\.ipynb")).sorted().findFirst();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + dir, e);
        }
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
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, program))
                .filter(Files::isExecutable)
                .findFirst();
    }

    private static boolean succeeds(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String requiredProperty(String name) {
        String value = System.getProperty(name);
        assertTrue(value != null && !value.isBlank(), "system property " + name + " is not set (run through mvn verify)");
        return value;
    }
}
