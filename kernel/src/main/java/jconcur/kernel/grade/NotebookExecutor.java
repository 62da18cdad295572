package jconcur.kernel.grade;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Executes a notebook through the real jconcur kernel with Jupyter's own client (nbclient), as nbgrader's
 * autograde does: a temporary kernelspec runs this kernel (the jar or classes this code runs from) with
 * the Java running this code, and a Python with nbclient executes every cell, errors included.
 */
final class NotebookExecutor {

    static final String KERNEL_NAME = "jconcur-grade";

    /** The executed notebook, and the reason execution stopped early (null when it ran to the end). */
    record Result(Path executed, String problem) {}

    private final String python;
    private final int cellTimeoutSeconds;

    NotebookExecutor(String python, int cellTimeoutSeconds) {
        this.python = python;
        this.cellTimeoutSeconds = cellTimeoutSeconds;
    }

    /** A Python 3 that can import nbclient and nbformat: $JCONCUR_PYTHON, /usr/bin/python3 or python3 on the PATH. */
    static Optional<String> findPython() {
        List<String> candidates = new ArrayList<>();
        Optional.ofNullable(System.getenv("JCONCUR_PYTHON")).filter(s -> !s.isBlank()).ifPresent(candidates::add);
        candidates.add("/usr/bin/python3");
        candidates.add("python3");
        for (String candidate : candidates) {
            try {
                Process p = new ProcessBuilder(candidate, "-c", "import nbclient, nbformat")
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (p.waitFor() == 0) {
                    return Optional.of(candidate);
                }
            } catch (IOException e) {
                // not installed here; try the next one
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    Result execute(Path notebook, Path executed, Path workingDir) throws IOException, InterruptedException {
        Path jupyterDir = Files.createTempDirectory("jconcur-grade");
        try {
            writeKernelspec(jupyterDir.resolve("kernels").resolve(KERNEL_NAME));
            Path script = jupyterDir.resolve("execute_notebook.py");
            try (InputStream in = NotebookExecutor.class.getResourceAsStream("execute_notebook.py")) {
                Files.copy(in, script);
            }
            ProcessBuilder builder = new ProcessBuilder(python, script.toString(), notebook.toString(),
                    executed.toString(), KERNEL_NAME, String.valueOf(cellTimeoutSeconds), workingDir.toString())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD);
            Map<String, String> env = builder.environment();
            String previous = env.get("JUPYTER_PATH");
            env.put("JUPYTER_PATH", jupyterDir + (previous == null || previous.isBlank() ? "" : File.pathSeparator + previous));
            Process process = builder.start();
            String stderr;
            try (InputStream err = process.getErrorStream()) {
                stderr = new String(err.readAllBytes(), StandardCharsets.UTF_8);
            }
            int status = process.waitFor();
            if (!Files.exists(executed)) {
                throw new IOException("nbclient could not execute " + notebook + " (exit " + status + "): " + lastLines(stderr));
            }
            return new Result(executed, status == 0 ? null : lastLines(stderr));
        } finally {
            deleteTree(jupyterDir);
        }
    }

    /** argv runs this kernel with this Java, on the class path this code runs from (the shaded jar when installed). */
    private static void writeKernelspec(Path dir) throws IOException {
        Files.createDirectories(dir);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Map<String, Object> spec = Map.of(
                "argv", List.of(java, "-cp", absoluteClassPath(), "jconcur.kernel.Main", "kernel",
                        "{connection_file}"),
                "display_name", "Java (jconcur, grading)",
                "language", "java",
                "interrupt_mode", "message");
        Notebooks.JSON.writeValue(dir.resolve("kernel.json").toFile(), spec);
    }

    /** The kernel starts in the notebook's folder, so relative class path entries would not be found. */
    private static String absoluteClassPath() {
        return Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(p -> Path.of(p).toAbsolutePath().toString())
                .collect(java.util.stream.Collectors.joining(File.pathSeparator));
    }

    private static String lastLines(String text) {
        List<String> lines = text.strip().lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
