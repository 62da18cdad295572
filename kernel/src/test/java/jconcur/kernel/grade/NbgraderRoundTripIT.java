package jconcur.kernel.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import jconcur.kernel.KernelTestSuite;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every assignment of notebooks/assignments/source/ through nbgrader's own commands on the packaged
 * kernel ({@code install --prefix}): {@code generate_assignment} must give exactly the committed release; the model
 * solution, the wrong submission and the untouched release, {@code autograde}d, must score what the assignment's
 * expected-scores.json says in the gradebook ({@code nbgrader export}); {@code generate_feedback} must write HTML
 * naming those scores. The template is released too, but not graded.
 */
class NbgraderRoundTripIT {

    private static final String TEMPLATE = "template";

    /** The notebook heading of nbgrader's feedback HTML: "NAME (Score: 5.0 / 6.0)". */
    private static final Pattern FEEDBACK_SCORE = Pattern.compile("\\(Score: ([0-9.]+) / ([0-9.]+)\\)");

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path scratch;

    private static NbgraderCourse course;

    @BeforeAll
    static void makeCourse() throws IOException, InterruptedException {
        Path jupyterPath = KernelTestSuite.installKernelspec(scratch);
        course = NbgraderCourse.create(assignments(), jupyterPath, scratch);
    }

    @TestFactory
    Stream<DynamicContainer> everyAssignmentRoundTripsThroughNbgrader() throws IOException {
        return sourceAssignments().stream().map(name -> {
            AssignmentRun run = new AssignmentRun(name);
            Stream<DynamicTest> release = Stream.of(dynamicTest("release/" + name + " is generate_assignment's",
                    run::checkCommittedRelease));
            Stream<DynamicTest> grades = name.equals(TEMPLATE) ? Stream.empty()
                    : Arrays.stream(Submission.values()).map(submission -> dynamicTest(
                            submission.studentId() + " submission scores as expected", () -> run.checkScore(submission)));
            return dynamicContainer(name, Stream.concat(release, grades));
        });
    }

    @Test
    void releaseHoldsTheReleaseOfEverySourceAndNothingElse() throws IOException {
        assertEquals(sourceAssignments(), directories(assignments().resolve("release")),
                "notebooks/assignments/release/ must hold one folder per source/ folder: run dev/release-assignments.sh");
    }

    /** One assignment's steps, each run once, however many tests need it. */
    private static final class AssignmentRun {
        private final String name;
        private final Once<String> released;
        private final Once<Graded> graded;

        AssignmentRun(String name) {
            this.name = name;
            released = new Once<>(() -> course.nbgrader("generate_assignment", name, "--force", "--log-level=WARN"));
            graded = new Once<>(this::grade);
        }

        private record Graded(AssignmentChecks checks, Map<String, NbgraderCourse.Score> scores) {}

        private Graded grade() throws Exception {
            released.get();
            AssignmentChecks checks = AssignmentChecks.read(course.source(name));
            Submissions.write(course, name, checks);
            course.nbgrader("autograde", name, "--force");
            course.nbgrader("generate_feedback", name, "--force");
            return new Graded(checks, course.exportScores(name));
        }

        void checkCommittedRelease() throws Exception {
            released.get();
            Path committed = assignments().resolve("release").resolve(name);
            Path generated = course.release(name);
            String rerun = ": run dev/release-assignments.sh and commit notebooks/assignments/release/";
            assertEquals(files(generated), files(committed), "files of release/" + name + rerun);
            for (String file : files(generated)) {
                List<String> want = Files.readAllLines(generated.resolve(file), StandardCharsets.UTF_8);
                List<String> have = Files.readAllLines(committed.resolve(file), StandardCharsets.UTF_8);
                int line = 0;
                while (line < Math.min(want.size(), have.size()) && want.get(line).equals(have.get(line))) {
                    line++;
                }
                assertTrue(line == want.size() && line == have.size(), "release/" + name + "/" + file + " differs from "
                        + "nbgrader's at line " + (line + 1) + ": nbgrader writes "
                        + (line < want.size() ? want.get(line) : "<end>") + ", committed "
                        + (line < have.size() ? have.get(line) : "<end>") + rerun);
            }
        }

        void checkScore(Submission submission) throws Exception {
            Graded result = graded.get();
            String student = submission.studentId();
            NbgraderCourse.Score score = result.scores().get(student);
            assertTrue(score != null, "the gradebook has no score for " + student + " in " + name + ": " + result.scores());
            double expected = result.checks().expectedScores().get(submission);
            assertEquals(expected, score.score(), 1e-9, student + " submission of " + name + ": nbgrader gave "
                    + score.score() + " of " + score.maxScore() + ", expected-scores.json says " + expected
                    + "; graded cells of the autograded notebook:\n" + gradedCells(student));
            assertEquals(score.score(), feedbackScore(student), 1e-9,
                    "the feedback HTML of " + student + " names another score than the gradebook's");
        }

        /** The sum of the scores in the headings of the student's feedback HTML files (one per notebook). */
        private double feedbackScore(String student) throws IOException {
            Path feedback = course.feedback(student, name);
            List<Path> pages = walk(feedback).stream().filter(file -> file.toString().endsWith(".html")).toList();
            assertTrue(!pages.isEmpty(), "generate_feedback wrote no HTML to " + feedback);
            double total = 0;
            for (Path page : pages) {
                Matcher heading = FEEDBACK_SCORE.matcher(Files.readString(page, StandardCharsets.UTF_8));
                assertTrue(heading.find(), page + " names no score \"(Score: X / Y)\"");
                total += Double.parseDouble(heading.group(1));
            }
            return total;
        }

        /** Per graded cell of the autograded notebooks: its errors and stderr, for a failure message. */
        private String gradedCells(String student) throws IOException {
            List<String> lines = new ArrayList<>();
            for (Path notebook : walk(course.autograded(student, name))) {
                if (!notebook.toString().endsWith(".ipynb")) {
                    continue;
                }
                for (JsonNode cell : JSON.readTree(notebook.toFile()).path("cells")) {
                    JsonNode nbgrader = cell.path("metadata").path("nbgrader");
                    if (!nbgrader.path("grade").asBoolean(false)) {
                        continue;
                    }
                    StringBuilder problems = new StringBuilder();
                    for (JsonNode output : cell.path("outputs")) {
                        if (output.path("output_type").asText().equals("error")) {
                            problems.append(" error ").append(output.path("ename").asText()).append(": ")
                                    .append(output.path("evalue").asText());
                        } else if (output.path("name").asText().equals("stderr")) {
                            problems.append(" stderr ").append(output.path("text"));
                        }
                    }
                    lines.add("  " + nbgrader.path("grade_id").asText() + ":" + (problems.isEmpty() ? " ok" : problems));
                }
            }
            return String.join("\n", lines);
        }
    }

    /** Runs its work on the first get() and gives every later caller the same value or the same failure. */
    private static final class Once<T> {
        private final Callable<T> work;
        private T value;
        private Throwable failure;
        private boolean done;

        Once(Callable<T> work) {
            this.work = work;
        }

        synchronized T get() throws Exception {
            if (!done) {
                done = true;
                try {
                    value = work.call();
                } catch (Exception | AssertionError e) {
                    failure = e;
                }
            }
            if (failure instanceof Error error) {
                throw error;
            }
            if (failure != null) {
                throw (Exception) failure;
            }
            return value;
        }
    }

    private static Path assignments() {
        return KernelTestSuite.repoRoot().resolve("notebooks/assignments");
    }

    /** Every folder of source/: the assignments, and the template. */
    private static List<String> sourceAssignments() throws IOException {
        return directories(assignments().resolve("source"));
    }

    private static List<String> directories(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(Files::isDirectory).map(entry -> entry.getFileName().toString()).sorted().toList();
        }
    }

    /** The files under dir, relative, sorted. */
    private static List<String> files(Path dir) throws IOException {
        return walk(dir).stream().map(file -> dir.relativize(file).toString()).sorted().toList();
    }

    private static List<Path> walk(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
