package jconcur.kernel.grade;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code java -jar jconcur-kernel.jar grade NOTEBOOK.ipynb [--source SOURCE.ipynb] [--out DIR] [--timeout S]}
 * executes a student's notebook through the jconcur kernel with nbclient and writes a score report per
 * graded cell (NAME.grades.json, NAME.grades.html) and the executed notebook (NAME.graded.ipynb).
 * With --source, test cells and locked cells are first put back from the teacher's notebook (hidden tests
 * included), as nbgrader's autograde does.
 * {@code grade --student-version SOURCE.ipynb [--out DIR]} writes the release version for students.
 */
public final class GradeCommand {

    /** The usage lines of the grade subcommand, as Main lists them. */
    public static final String COMMAND_USAGE = """
            grade NOTEBOOK.ipynb [--source SOURCE.ipynb] [--out DIR] [--timeout SECONDS]
            grade --student-version SOURCE.ipynb [--out DIR]
              run a student's notebook (nbgrader metadata) through this kernel; write a score report per graded cell
              NOTEBOOK.ipynb       a student's notebook (nbgrader cell metadata marks the graded cells)
              --source FILE        the teacher's notebook: its test and locked cells replace the student's
              --out DIR            where the reports go (default: the notebook's folder)
              --timeout SECONDS    the longest a cell may run (default 300)
              --student-version    write the student version of a source notebook (solutions stubbed,
                                   hidden tests removed, outputs cleared) instead of grading""";

    private GradeCommand() {}

    /** Runs the command; returns the process exit status (0 graded, 2 usage error, 1 could not grade). */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        try {
            Options options = Options.parse(args);
            if (options.studentVersion()) {
                Path written = writeStudentVersion(options.notebook(), options.outDir());
                out.println("Wrote " + written);
                return 0;
            }
            ScoreReport report = grade(options);
            out.print(report.text());
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("grade: " + e.getMessage());
            err.println("usage: java -jar jconcur-kernel.jar " + COMMAND_USAGE.replace("\ngrade ", "\n       java -jar jconcur-kernel.jar grade "));
            return 2;
        } catch (IOException e) {
            err.println("grade: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("grade: interrupted");
            return 1;
        }
    }

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.out, System.err));
    }

    static ScoreReport grade(Options options) throws IOException, InterruptedException {
        Path notebook = options.notebook();
        String python = NotebookExecutor.findPython().orElseThrow(() -> new IOException(
                "grading needs a Python 3 with nbclient and nbformat (Debian: apt-get install python3-nbclient "
                        + "python3-nbformat; or pip install nbclient); set JCONCUR_PYTHON to choose one"));
        ObjectNode submission = Notebooks.read(notebook);
        Map<String, Double> expected = Map.of();
        if (options.source() != null) {
            ObjectNode source = Notebooks.read(options.source());
            SourceTests.restore(submission, source);
            expected = SourceTests.gradedCells(source);
        }
        Path outDir = Files.createDirectories(options.outDir());
        String stem = stem(notebook);
        Path toRun = Files.createTempFile("jconcur-grade-", ".ipynb");
        try {
            Notebooks.write(submission, toRun);
            Path executed = outDir.resolve(stem + ".graded.ipynb");
            NotebookExecutor.Result result = new NotebookExecutor(python, options.timeoutSeconds())
                    .execute(toRun, executed, notebook.toAbsolutePath().getParent());
            ScoreReport report = ScoreReport.of(notebook.getFileName().toString(),
                    Gradebook.grade(Notebooks.read(executed), expected), result.problem());
            report.writeJson(outDir.resolve(stem + ".grades.json"));
            report.writeHtml(outDir.resolve(stem + ".grades.html"));
            return report;
        } finally {
            Files.deleteIfExists(toRun);
        }
    }

    static Path writeStudentVersion(Path source, Path outDir) throws IOException {
        ObjectNode release = StudentVersion.of(Notebooks.read(source));
        Path target = Files.createDirectories(outDir).resolve(source.getFileName());
        if (target.toAbsolutePath().normalize().equals(source.toAbsolutePath().normalize())) {
            throw new IllegalArgumentException("--out must be another folder than the source notebook's");
        }
        Notebooks.write(release, target);
        return target;
    }

    private static String stem(Path notebook) {
        String name = notebook.getFileName().toString();
        return name.endsWith(".ipynb") ? name.substring(0, name.length() - ".ipynb".length()) : name;
    }

    record Options(Path notebook, Path source, Path outDir, int timeoutSeconds, boolean studentVersion) {

        static Options parse(List<String> args) {
            Path notebook = null;
            Path source = null;
            Path out = null;
            int timeout = 300;
            boolean studentVersion = false;
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                switch (arg) {
                    case "--source" -> source = existing(value(args, ++i, arg));
                    case "--out" -> out = Path.of(value(args, ++i, arg));
                    case "--timeout" -> timeout = positive(value(args, ++i, arg));
                    case "--student-version" -> studentVersion = true;
                    case "-h", "--help" -> throw new IllegalArgumentException("help");
                    default -> {
                        if (arg.startsWith("-")) throw new IllegalArgumentException("unknown option " + arg);
                        if (notebook != null) throw new IllegalArgumentException("one notebook at a time");
                        notebook = existing(arg);
                    }
                }
            }
            if (notebook == null) {
                throw new IllegalArgumentException("which notebook?");
            }
            Path outDir = out != null ? out : notebook.toAbsolutePath().getParent();
            return new Options(notebook, source, outDir, timeout, studentVersion);
        }

        private static String value(List<String> args, int i, String option) {
            if (i >= args.size()) throw new IllegalArgumentException(option + " needs a value");
            return args.get(i);
        }

        private static Path existing(String path) {
            Path p = Path.of(path);
            if (!Files.isRegularFile(p)) throw new IllegalArgumentException("no such notebook: " + path);
            return p;
        }

        private static int positive(String value) {
            try {
                int n = Integer.parseInt(value);
                if (n > 0) return n;
            } catch (NumberFormatException ignored) {
                // reported below
            }
            throw new IllegalArgumentException("--timeout needs a whole number of seconds, got " + value);
        }
    }
}
