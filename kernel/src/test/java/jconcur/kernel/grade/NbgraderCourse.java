package jconcur.kernel.grade;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import jconcur.kernel.JupyterEnvironment;

/**
 * A throw-away nbgrader course: {@code nbgrader_config.py} and {@code source/} copied from
 * notebooks/assignments/, the pinned environment's real {@code nbgrader} run in it, with every Jupyter directory
 * inside the scratch directory and only the kernelspec under test on JUPYTER_PATH.
 */
final class NbgraderCourse {

    /** Guards against a hung command only; a whole autograde of three submissions takes about a minute. */
    private static final Duration COMMAND_LIMIT = Duration.ofMinutes(20);

    /** A student's score as {@code nbgrader export} reports it. */
    record Score(double score, double maxScore) {}

    private final Path root;
    private final Map<String, String> environment;

    private NbgraderCourse(Path root, Map<String, String> environment) {
        this.root = root;
        this.environment = environment;
    }

    /**
     * @param assignments notebooks/assignments (nbgrader_config.py and source/)
     * @param jupyterPath the JUPYTER_PATH entry holding kernels/jconcur
     * @param scratch     an empty directory for the course and the Jupyter directories
     */
    static NbgraderCourse create(Path assignments, Path jupyterPath, Path scratch) throws IOException {
        Path root = Files.createDirectories(scratch.resolve("course"));
        Files.copy(assignments.resolve("nbgrader_config.py"), root.resolve("nbgrader_config.py"));
        copyTree(assignments.resolve("source"), root.resolve("source"));

        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.keySet().removeIf(name -> name.startsWith("JUPYTER_"));
        Path jupyter = scratch.resolve("jupyter");
        String config = Files.createDirectories(jupyter.resolve("config")).toString();
        environment.put("JUPYTER_CONFIG_DIR", config);
        environment.put("JUPYTER_CONFIG_PATH", config);
        environment.put("JUPYTER_DATA_DIR", Files.createDirectories(jupyter.resolve("data")).toString());
        environment.put("JUPYTER_RUNTIME_DIR", Files.createDirectories(jupyter.resolve("runtime")).toString());
        environment.put("JUPYTER_PATH", jupyterPath.toString());
        // nbgrader runs `alembic` (its gradebook's migrations) from PATH.
        environment.put("PATH", JupyterEnvironment.nbgrader().getParent() + java.io.File.pathSeparator
                + environment.getOrDefault("PATH", ""));
        environment.put("PYTHONDONTWRITEBYTECODE", "1");
        return new NbgraderCourse(root, environment);
    }

    Path source(String assignment) {
        return root.resolve("source").resolve(assignment);
    }

    Path release(String assignment) {
        return root.resolve("release").resolve(assignment);
    }

    Path submitted(String student, String assignment) {
        return root.resolve("submitted").resolve(student).resolve(assignment);
    }

    Path autograded(String student, String assignment) {
        return root.resolve("autograded").resolve(student).resolve(assignment);
    }

    Path feedback(String student, String assignment) {
        return root.resolve("feedback").resolve(student).resolve(assignment);
    }

    /** Runs {@code nbgrader ARGS...} in the course root; fails with its output unless it exits with 0. */
    String nbgrader(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(JupyterEnvironment.nbgrader().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(environment);
        Process process = builder.start();
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> readAll(process));
        if (!process.waitFor(COMMAND_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish in " + COMMAND_LIMIT + ":\n"
                    + output.join());
        }
        if (process.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed with exit status " + process.exitValue()
                    + ":\n" + output.join());
        }
        return output.join();
    }

    /** The assignment's scores per student id, from {@code nbgrader export}'s CSV (read from the gradebook). */
    Map<String, Score> exportScores(String assignment) throws IOException, InterruptedException {
        Path csv = root.resolve("grades-" + assignment + ".csv");
        nbgrader("export", "--assignment=" + assignment, "--to=" + csv, "--log-level=WARN");
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        List<String> header = List.of(lines.get(0).split(",", -1));
        int student = column(header, "student_id", csv);
        int score = column(header, "score", csv);
        int maxScore = column(header, "max_score", csv);
        Map<String, Score> scores = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split(",", -1);
            scores.put(fields[student], new Score(Double.parseDouble(fields[score]), Double.parseDouble(fields[maxScore])));
        }
        return scores;
    }

    private static int column(List<String> header, String name, Path csv) {
        int index = header.indexOf(name);
        if (index < 0) {
            throw new AssertionError("nbgrader export wrote no " + name + " column to " + csv + ": " + header);
        }
        return index;
    }

    /** Copies a directory tree, files replaced. */
    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static String readAll(Process process) {
        try {
            return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
