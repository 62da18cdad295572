package jconcur.kernel.grade;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import jconcur.kernel.notebooks.NotebookFiles;

/**
 * Writes an assignment's three {@link Submission}s into the course's submitted/STUDENT/ASSIGNMENT/, each a copy of
 * nbgrader's release with some solution cells (found by grade_id) replaced, as a student would hand it in.
 */
final class Submissions {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Submissions() {}

    static void write(NbgraderCourse course, String assignment, AssignmentChecks checks) throws IOException {
        Path release = course.release(assignment);
        List<Path> notebooks = notebooks(release);
        Map<String, String> solutions = new HashMap<>();
        for (Path notebook : notebooks(course.source(assignment))) {
            solutionCells(read(notebook)).forEach((gradeId, cell) -> solutions.put(gradeId, NotebookFiles.source(cell)));
        }
        Set<String> releasedSolutions = new HashSet<>();
        for (Path notebook : notebooks) {
            releasedSolutions.addAll(solutionCells(read(notebook)).keySet());
        }
        for (String gradeId : checks.wrongCells().keySet()) {
            if (!releasedSolutions.contains(gradeId)) {
                throw new AssertionError(AssignmentChecks.WRONG_SUBMISSION + " of " + assignment + " replaces "
                        + gradeId + ", which is no solution cell of its notebooks; solution cells: " + releasedSolutions);
            }
        }
        write(course, assignment, Submission.SOLUTION, notebooks, solutions);
        write(course, assignment, Submission.WRONG, notebooks, checks.wrongCells());
        write(course, assignment, Submission.RELEASE, notebooks, Map.of());
    }

    private static void write(NbgraderCourse course, String assignment, Submission submission, List<Path> notebooks,
            Map<String, String> replacements) throws IOException {
        Path release = course.release(assignment);
        Path submitted = course.submitted(submission.studentId(), assignment);
        NbgraderCourse.copyTree(release, submitted);
        for (Path notebook : notebooks) {
            JsonNode json = read(notebook);
            solutionCells(json).forEach((gradeId, cell) -> {
                if (replacements.containsKey(gradeId)) {
                    cell.put("source", replacements.get(gradeId));
                }
            });
            JSON.writeValue(submitted.resolve(release.relativize(notebook).toString()).toFile(), json);
        }
    }

    /** The solution cells of a notebook by grade_id. */
    private static Map<String, ObjectNode> solutionCells(JsonNode notebook) {
        Map<String, ObjectNode> cells = new HashMap<>();
        for (JsonNode cell : notebook.path("cells")) {
            JsonNode nbgrader = cell.path("metadata").path("nbgrader");
            if (nbgrader.path("solution").asBoolean(false)) {
                cells.put(nbgrader.path("grade_id").asText(), (ObjectNode) cell);
            }
        }
        return cells;
    }

    private static JsonNode read(Path notebook) throws IOException {
        return JSON.readTree(notebook.toFile());
    }

    private static List<Path> notebooks(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            List<Path> notebooks = files.filter(file -> file.getFileName().toString().endsWith(".ipynb")).sorted().toList();
            if (notebooks.isEmpty()) {
                throw new AssertionError(dir + " holds no notebook");
            }
            return notebooks;
        }
    }
}
