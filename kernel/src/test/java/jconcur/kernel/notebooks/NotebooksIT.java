package jconcur.kernel.notebooks;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Executes every numbered notebook (notebooks/NN-*.ipynb: the index and the chapters) headless through Jupyter's
 * own client, {@code jupyter nbconvert --execute}, with the packaged kernel installed by
 * {@code install --prefix} into a temporary Jupyter path: one test per notebook, which passes only if no
 * cell produced an error. Executed copies land in target/notebooks-executed/ and, as HTML for people to
 * browse, in target/notebooks-html/, with each notebook's run time in target/notebooks-html/timings.txt.
 * The assignments run in NbgraderRoundTripIT, through nbgrader.
 *
 * <p>The chapter notebooks (NN-*.ipynb) run twice more, with the user VM told it has 1 processor (a Binder
 * pod) and 16 ({@code -XX:ActiveProcessorCount}, through extra kernelspecs whose {@code JCONCUR_USER_VM_OPTS}
 * add it), so no notebook depends on the machine's core count. The 16-processor pass also sets
 * {@code -Djconcur.workPerCore} low: problems sized for 16 cores would otherwise take 8 times as long on a
 * 2-core machine, and that pass proves the notebooks run, not their speedups. Its executed copies land in
 * target/notebooks-executed/cpus-N/; timings.txt has one column per pass.
 *
 * <p>{@code -Djconcur.notebooks.only=02,15} runs only the notebooks whose file names start with one of the
 * comma-separated prefixes (in every pass), e.g. to check the notebooks a change touched.
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
    private static final Map<String, Double> PASS_TOTALS = new LinkedHashMap<>();
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

    /**
     * One way of running the notebooks: a kernelspec and the user VM options it adds to the installed ones.
     *
     * @param label      column of timings.txt, e.g. "1 cpu"
     * @param kernelName the kernelspec's name
     * @param extraUserVmOptions appended to JCONCUR_USER_VM_OPTS; empty for the installed kernelspec itself
     */
    private record Pass(String label, String kernelName, String extraUserVmOptions) {
        boolean isDefault() {
            return extraUserVmOptions.isEmpty();
        }
    }

    private static final Pass MACHINE = new Pass("this machine", "jconcur", "");
    private static final List<Pass> PROCESSOR_PASSES = List.of(
            new Pass("1 cpu", "jconcur-cpus1", "-XX:ActiveProcessorCount=1"),
            new Pass("16 cpus", "jconcur-cpus16", "-XX:ActiveProcessorCount=16 -Djconcur.workPerCore=40"));
    private static final List<Pass> PASSES = Stream.concat(Stream.of(MACHINE), PROCESSOR_PASSES.stream()).toList();

    @TestFactory
    Stream<DynamicNode> everyNotebookExecutesWithoutErrors() {
        List<Path> notebooks = chosen(NotebookFiles.executable(), System.getProperty("jconcur.notebooks.only", ""));
        Stream<DynamicNode> machine = notebooks.stream()
                .map(file -> DynamicTest.dynamicTest(NotebookFiles.name(file), file.toUri(), () -> execute(file, MACHINE)));
        // -Djconcur.notebooks.machineOnly=true (dev/test.sh's JDK 21 leg): the machine's own pass alone.
        List<Pass> processorPasses = Boolean.getBoolean("jconcur.notebooks.machineOnly") ? List.of() : PROCESSOR_PASSES;
        Stream<DynamicNode> others = processorPasses.stream().map(pass -> DynamicContainer.dynamicContainer(
                "user VM with " + pass.label(), notebooks.stream()
                        .filter(NotebooksIT::isChapter)
                        .map(file -> DynamicTest.dynamicTest(NotebookFiles.name(file), file.toUri(),
                                () -> execute(file, pass)))));
        return Stream.concat(machine, others);
    }

    /** The notebooks whose names start with one of the comma-separated prefixes; all of them for a blank list. */
    static List<Path> chosen(List<Path> notebooks, String prefixes) {
        List<String> wanted = Stream.of(prefixes.split(",")).map(String::strip).filter(p -> !p.isEmpty()).toList();
        if (wanted.isEmpty()) {
            return notebooks;
        }
        List<Path> chosen = notebooks.stream()
                .filter(nb -> wanted.stream().anyMatch(NotebookFiles.name(nb)::startsWith)).toList();
        if (chosen.isEmpty()) {
            throw new IllegalArgumentException("jconcur.notebooks.only=" + prefixes + " matches no notebook");
        }
        return chosen;
    }

    private static boolean isChapter(Path notebook) {
        String name = NotebookFiles.name(notebook);
        return name.matches("\\d\\d-.+\\.ipynb") && !name.startsWith("00-");
    }

    @AfterAll
    static void printTotal() {
        System.out.printf(Locale.ROOT, "notebooks: %d runs in %.1f s in total (run times in %s)%n",
                TIMINGS.size(), totalSeconds, htmlDir.resolve("timings.txt"));
    }

    private static void execute(Path notebook, Pass pass) throws IOException, InterruptedException {
        String name = NotebookFiles.name(notebook);

        Path relativeDir = Path.of(name).getParent();
        Path passDir = pass.isDefault() ? executedDir : executedDir.resolve(pass.kernelName().replace("jconcur-", ""));
        Path executed = resolve(passDir, relativeDir).resolve(notebook.getFileName());
        Files.createDirectories(executed.getParent());
        String what = pass.isDefault() ? "notebooks/" + name : "notebooks/" + name + " (user VM with " + pass.label() + ")";
        List<String> command = List.of("nbconvert", "--execute", "--to", "notebook",
                "--ExecutePreprocessor.kernel_name=" + pass.kernelName(),
                "--ExecutePreprocessor.timeout=" + CELL_TIMEOUT_SECONDS,
                "--ExecutePreprocessor.startup_timeout=120",
                "--output-dir", executed.getParent().toString(), "--output", notebook.getFileName().toString(),
                notebook.toString());
        long start = System.nanoTime();
        Run run = jupyter(installedKernel(), command, NOTEBOOK_LIMIT);
        if (!run.ok() && lostAPortRace(run.output())) {
            // jupyter_client picks free ports and closes them before the kernel binds them; on a busy machine another
            // process can take one in between. That is the client's race, not the notebook's: start it once more.
            System.out.println(what + ": the kernel could not bind a port jupyter_client chose; running it again");
            start = System.nanoTime();
            run = jupyter(installedKernel(), command, NOTEBOOK_LIMIT);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        record(name, pass, seconds, run.ok() ? "ok" : "FAILED");
        if (!run.ok()) {
            fail(String.format(Locale.ROOT, "%s failed after %.1f s (%s):%n%s", what, seconds, run.why(),
                    CellErrors.fromNbconvertLog(run.output())));
        }
        List<String> errors = CellErrors.inExecutedNotebook(NotebookFiles.read(executed));
        if (!errors.isEmpty()) {
            record(name, pass, seconds, "FAILED");
            fail(what + " ran, but " + errors.size() + " cell(s) show an error output:\n\n"
                    + String.join("\n\n", errors));
        }
        if (!pass.isDefault()) {
            return;
        }
        Run html = jupyter(installedKernel(), List.of("nbconvert", "--to", "html",
                "--output-dir", resolve(htmlDir, relativeDir).toString(), executed.toString()), Duration.ofMinutes(2));
        if (!html.ok()) {
            fail("notebooks/" + name + " ran without errors, but its HTML copy failed (" + html.why() + "):\n" + html.output());
        }
    }

    /** The kernel died at start because a port of its connection file was taken (see {@link #execute}). */
    static boolean lostAPortRace(String nbconvertOutput) {
        return nbconvertOutput.contains("jconcur: cannot bind tcp://")
                && nbconvertOutput.contains("Kernel died before replying to kernel_info");
    }

    private static Path resolve(Path base, Path relativeDir) {
        return relativeDir == null ? base : base.resolve(relativeDir.toString());
    }

    /**
     * Keeps the run times in notebook order, one column per pass (seconds, "!" after a failed run), and
     * rewrites timings.txt, so it is complete even if the run stops.
     */
    private static synchronized void record(String name, Pass pass, double seconds, String result) throws IOException {
        String key = name + "\t" + pass.label();
        if (!TIMINGS.containsKey(key)) {
            totalSeconds += seconds;
            PASS_TOTALS.merge(pass.label(), seconds, Double::sum);
        }
        TIMINGS.put(key, String.format(Locale.ROOT, "%.1f%s", seconds, "ok".equals(result) ? "" : " !"));
        List<String> names = TIMINGS.keySet().stream().map(k -> k.substring(0, k.indexOf('\t'))).distinct().toList();
        int width = Math.max(10, names.stream().mapToInt(String::length).max().orElse(10));
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%-" + width + "s", "notebook (seconds)"));
        PASSES.forEach(p -> text.append(String.format(Locale.ROOT, "  %14s", p.label())));
        text.append('\n');
        for (String nb : names) {
            text.append(String.format(Locale.ROOT, "%-" + width + "s", nb));
            PASSES.forEach(p -> text.append(String.format(Locale.ROOT, "  %14s", TIMINGS.getOrDefault(nb + "\t" + p.label(), "-"))));
            text.append('\n');
        }
        text.append(String.format(Locale.ROOT, "%-" + width + "s", "total"));
        PASSES.forEach(p -> text.append(String.format(Locale.ROOT, "  %14.1f", PASS_TOTALS.getOrDefault(p.label(), 0.0))));
        text.append(String.format(Locale.ROOT, "%n(all passes: %.1f s; \"!\" marks a failed run)%n", totalSeconds));
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
        Path jupyterPath;
        try {
            jupyterPath = KernelTestSuite.installKernelspec(scratch);
        } catch (AssertionError e) {
            return new InstalledKernel(null, e.getMessage());
        }
        for (Pass pass : PROCESSOR_PASSES) {
            addKernelspec(jupyterPath, pass);
        }
        return new InstalledKernel(jupyterPath, null);
    }

    /**
     * Writes kernels/NAME/kernel.json next to the installed jconcur kernelspec: the same kernel (its argv
     * names the installed jar by absolute path) with the pass's options appended to JCONCUR_USER_VM_OPTS.
     * Jupyter gives a kernelspec's env precedence over nbconvert's own environment, so this is the way in.
     */
    private static void addKernelspec(Path jupyterPath, Pass pass) throws IOException {
        ObjectMapper json = new ObjectMapper();
        Path kernels = jupyterPath.resolve("kernels");
        ObjectNode spec = (ObjectNode) json.readTree(kernels.resolve("jconcur/kernel.json").toFile());
        ObjectNode env = (ObjectNode) spec.path("env");
        env.put("JCONCUR_USER_VM_OPTS", (env.path("JCONCUR_USER_VM_OPTS").asText("") + " " + pass.extraUserVmOptions()).strip());
        spec.put("display_name", spec.path("display_name").asText() + " (" + pass.label() + ")");
        Path dir = Files.createDirectories(kernels.resolve(pass.kernelName()));
        json.writerWithDefaultPrettyPrinter().writeValue(dir.resolve("kernel.json").toFile(), spec);
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
