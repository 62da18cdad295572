package jconcur.kernel.notebooks;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import jconcur.kernel.JupyterEnvironment;
import jconcur.kernel.KernelTestSuite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Executes every notebook (notebooks/NN-*.ipynb and notebooks/assignments/**) headless through Jupyter's
 * own client, {@code jupyter nbconvert --execute}, with the packaged kernel installed by
 * {@code install --prefix} into a temporary Jupyter path: one test per notebook, which passes only if no
 * cell produced an error. Executed copies land in target/notebooks-executed/ and, as HTML for people to
 * browse, in target/notebooks-html/, with each notebook's run time in target/notebooks-html/timings.txt.
 * Student versions of assignments (nbgrader's "YOUR CODE HERE" in a solution cell) are meant to fail and
 * are skipped.
 */
class NotebooksIT {

    /** nbclient's limit for one cell; a hung cell fails the notebook rather than the build. */
    private static final int CELL_TIMEOUT_SECONDS = 180;
    private static final Duration NOTEBOOK_LIMIT = Duration.ofMinutes(15);

    @TempDir
    static Path scratch;

    private static Path executedDir;
    private static Path htmlDir;
    private static InstalledKernel kernel;
    private static final Map<String, String> TIMINGS = new LinkedHashMap<>();
    private static double totalSeconds;

    @BeforeAll
    static void cleanOutputs() throws IOException {
        Path target = kernelJar().toAbsolutePath().getParent();
        executedDir = target.resolve("notebooks-executed");
        htmlDir = target.resolve("notebooks-html");
        deleteRecursively(executedDir);
        deleteRecursively(htmlDir);
        Files.createDirectories(htmlDir);
    }

    @TestFactory
    Stream<DynamicTest> everyNotebookExecutesWithoutErrors() {
        return NotebookFiles.executable().stream()
                .map(file -> DynamicTest.dynamicTest(NotebookFiles.name(file), file.toUri(), () -> execute(file)));
    }

    @AfterAll
    static void printTotal() {
        System.out.printf(Locale.ROOT, "notebooks: %d executed in %.1f s in total (run times in %s)%n",
                TIMINGS.size(), totalSeconds, htmlDir.resolve("timings.txt"));
    }

    private static void execute(Path notebook) throws IOException, InterruptedException {
        String name = NotebookFiles.name(notebook);
        String meantToFail = NotebookFiles.meantToFail(NotebookFiles.read(notebook));
        Assumptions.assumeTrue(meantToFail == null, () -> name + ": " + meantToFail);

        Path relativeDir = Path.of(name).getParent();
        Path executed = resolve(executedDir, relativeDir).resolve(notebook.getFileName());
        Files.createDirectories(executed.getParent());
        long start = System.nanoTime();
        Run run = jupyter(installedKernel(), List.of("nbconvert", "--execute", "--to", "notebook",
                "--ExecutePreprocessor.kernel_name=jconcur",
                "--ExecutePreprocessor.timeout=" + CELL_TIMEOUT_SECONDS,
                "--ExecutePreprocessor.startup_timeout=120",
                "--output-dir", executed.getParent().toString(), "--output", notebook.getFileName().toString(),
                notebook.toString()), NOTEBOOK_LIMIT);
        double seconds = (System.nanoTime() - start) / 1e9;
        record(name, seconds, run.ok() ? "ok" : "FAILED");
        if (!run.ok()) {
            fail(String.format(Locale.ROOT, "notebooks/%s failed after %.1f s (%s):%n%s", name, seconds, run.why(),
                    CellErrors.fromNbconvertLog(run.output())));
        }
        List<String> errors = CellErrors.inExecutedNotebook(NotebookFiles.read(executed));
        if (!errors.isEmpty()) {
            record(name, seconds, "FAILED");
            fail("notebooks/" + name + " ran, but " + errors.size() + " cell(s) show an error output:\n\n"
                    + String.join("\n\n", errors));
        }
        Run html = jupyter(installedKernel(), List.of("nbconvert", "--to", "html",
                "--output-dir", resolve(htmlDir, relativeDir).toString(), executed.toString()), Duration.ofMinutes(2));
        if (!html.ok()) {
            fail("notebooks/" + name + " ran without errors, but its HTML copy failed (" + html.why() + "):\n" + html.output());
        }
    }

    private static Path resolve(Path base, Path relativeDir) {
        return relativeDir == null ? base : base.resolve(relativeDir.toString());
    }

    /** Keeps the run times in notebook order and rewrites timings.txt, so it is complete even if the run stops. */
    private static synchronized void record(String name, double seconds, String result) throws IOException {
        if (!TIMINGS.containsKey(name)) {
            totalSeconds += seconds;
        }
        TIMINGS.put(name, String.format(Locale.ROOT, "%8.1f  %s", seconds, result));
        int width = TIMINGS.keySet().stream().mapToInt(String::length).max().orElse(10);
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%-" + width + "s  %8s  %s%n", "notebook", "seconds", "result"));
        TIMINGS.forEach((nb, line) -> text.append(String.format(Locale.ROOT, "%-" + width + "s  %s%n", nb, line)));
        text.append(String.format(Locale.ROOT, "%-" + width + "s  %8.1f%n", "total", totalSeconds));
        Files.writeString(htmlDir.resolve("timings.txt"), text);
    }

    // ------------------------------------------------------------------ the kernel and Jupyter

    /** The kernelspec installed once per run into a temporary prefix, or the reason it could not be. */
    private record InstalledKernel(Path jupyterPath, String problem) {
    }

    private static synchronized InstalledKernel installedKernel() throws IOException, InterruptedException {
        if (kernel == null) {
            kernel = install();
        }
        if (kernel.problem() != null) {
            fail(kernel.problem());
        }
        return kernel;
    }

    private static InstalledKernel install() throws IOException, InterruptedException {
        try {
            return new InstalledKernel(KernelTestSuite.installKernelspec(scratch), null);
        } catch (AssertionError e) {
            return new InstalledKernel(null, e.getMessage());
        }
    }

    private static Run jupyter(InstalledKernel kernel, List<String> args, Duration limit) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(JupyterEnvironment.jupyter().toString());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        // Only the freshly installed kernelspec is seen, and no user configuration or runtime file is touched.
        env.put("JUPYTER_PATH", kernel.jupyterPath().toString());
        env.put("JUPYTER_DATA_DIR", kernel.jupyterPath().toString());
        env.put("JUPYTER_CONFIG_DIR", Files.createDirectories(scratch.resolve("config")).toString());
        env.put("JUPYTER_RUNTIME_DIR", Files.createDirectories(scratch.resolve("runtime")).toString());
        env.put("PYTHONDONTWRITEBYTECODE", "1");
        try {
            return run(builder, limit);
        } catch (IOException e) {
            throw new AssertionError("could not start " + command.get(0) + " (" + e.getMessage() + "): the notebook tests need "
                    + "the pinned Jupyter environment's nbconvert; dev/setup.sh --test installs it", e);
        }
    }

    private static Path kernelJar() {
        return Path.of(System.getProperty("jconcur.kernelJar", "target/jconcur-kernel.jar"));
    }

    // ------------------------------------------------------------------ processes

    /** A finished (or killed) process: its exit code (null if killed at the limit) and its interleaved output. */
    private record Run(Integer exitCode, Duration limit, String output) {
        boolean ok() {
            return exitCode != null && exitCode == 0;
        }

        String why() {
            return exitCode == null ? "killed after " + limit.toMinutes() + " minutes" : "exit code " + exitCode;
        }
    }

    private static Run run(ProcessBuilder builder, Duration limit) throws IOException, InterruptedException {
        // Output goes to a file, so a chatty process never blocks on a full pipe while we wait with a limit.
        Path log = Files.createTempFile(scratch, "process-", ".log");
        Process process = builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            boolean finished = process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            return new Run(finished ? process.exitValue() : null, limit, Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            if (process.isAlive()) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException("could not delete " + p, e);
                }
            });
        }
    }

    /** Reads a cell's error out of nbconvert's log or out of an executed notebook, without terminal colours. */
    static final class CellErrors {

        private static final String NBCLIENT_ERROR = "An error occurred while executing the following cell:";
        private static final int MAX_CHARS = 12_000;

        private CellErrors() {
        }

        /** From nbclient's CellExecutionError on: the failing cell's source and its traceback; else the log's end. */
        static String fromNbconvertLog(String log) {
            String plain = stripAnsi(log);
            int at = plain.indexOf(NBCLIENT_ERROR);
            String relevant = at >= 0 ? plain.substring(at) : lastLines(plain, 80);
            return relevant.length() <= MAX_CHARS ? relevant : relevant.substring(0, MAX_CHARS) + "\n[... cut ...]";
        }

        /** One entry per error output: cell number, id, first source line, ename: evalue and the traceback. */
        static List<String> inExecutedNotebook(JsonNode notebook) {
            List<String> errors = new ArrayList<>();
            JsonNode cells = notebook.path("cells");
            for (int i = 0; i < cells.size(); i++) {
                JsonNode cell = cells.get(i);
                for (JsonNode output : cell.path("outputs")) {
                    if ("error".equals(output.path("output_type").asText())) {
                        StringBuilder traceback = new StringBuilder();
                        output.path("traceback").forEach(line -> traceback.append(stripAnsi(line.asText())).append('\n'));
                        String firstLine = NotebookFiles.source(cell).strip().lines().findFirst().orElse("");
                        errors.add("cell " + (i + 1) + " (id " + cell.path("id").asText("?") + ", \"" + firstLine + "\"): "
                                + output.path("ename").asText() + ": " + output.path("evalue").asText() + "\n"
                                + traceback.toString().strip());
                    }
                }
            }
            return errors;
        }

        static String stripAnsi(String text) {
            return text.replaceAll("\u001B\\[[0-9;?]*[A-Za-z]", "");
        }

        private static String lastLines(String text, int count) {
            List<String> lines = text.lines().toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - count), lines.size()));
        }
    }
}
