package jconcur.kernel.grade;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What the round trip checks an assignment against, from the two files next to its source notebook
 * (notebooks/assignments/README.md): wrong-submission.json, the solution cells of the wrong submission by
 * grade_id, and expected-scores.json, the automatic score of each {@link Submission}.
 */
record AssignmentChecks(Map<String, String> wrongCells, Map<Submission, Double> expectedScores) {

    static final String WRONG_SUBMISSION = "wrong-submission.json";
    static final String EXPECTED_SCORES = "expected-scores.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Reads and checks both files of source/NAME/, against the automatic points of the notebooks there; a
     * missing or malformed one fails with what to write.
     */
    static AssignmentChecks read(Path sourceDir) throws IOException {
        return new AssignmentChecks(wrongCells(sourceDir.resolve(WRONG_SUBMISSION)),
                expectedScores(sourceDir.resolve(EXPECTED_SCORES), automaticPoints(sourceDir)));
    }

    /** The points of the test cells (graded, not solution) of the notebooks in dir: what autograde can give. */
    private static double automaticPoints(Path dir) throws IOException {
        double points = 0;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path notebook : files.filter(file -> file.toString().endsWith(".ipynb")).toList()) {
                for (JsonNode cell : JSON.readTree(notebook.toFile()).path("cells")) {
                    JsonNode nbgrader = cell.path("metadata").path("nbgrader");
                    if (nbgrader.path("grade").asBoolean(false) && !nbgrader.path("solution").asBoolean(false)) {
                        points += nbgrader.path("points").asDouble(0);
                    }
                }
            }
        }
        return points;
    }

    private static Map<String, String> wrongCells(Path file) throws IOException {
        JsonNode json = readObject(file);
        if (json.isEmpty()) {
            throw new AssertionError(file + " replaces no cell: map the grade_id of at least one solution cell to "
                    + "its source in the wrong submission");
        }
        Map<String, String> cells = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> cell : json.properties()) {
            cells.put(cell.getKey(), cellSource(file, cell.getKey(), cell.getValue()));
        }
        return cells;
    }

    /** A string, or a list of lines joined with newlines. */
    private static String cellSource(Path file, String gradeId, JsonNode value) {
        if (value.isTextual()) {
            return value.asText();
        }
        if (value.isArray()) {
            List<String> lines = new ArrayList<>();
            for (JsonNode line : value) {
                if (!line.isTextual()) {
                    throw new AssertionError(file + ": the lines of " + gradeId + " must be strings, found " + line);
                }
                lines.add(line.asText());
            }
            return String.join("\n", lines);
        }
        throw new AssertionError(file + ": " + gradeId + " must map to the cell's source, a string or a list of "
                + "lines, found " + value);
    }

    private static Map<Submission, Double> expectedScores(Path file, double automaticPoints) throws IOException {
        JsonNode json = readObject(file);
        Map<Submission, Double> scores = new EnumMap<>(Submission.class);
        for (Submission submission : Submission.values()) {
            JsonNode score = json.get(submission.studentId());
            if (score == null || !score.isNumber()) {
                throw new AssertionError(file + " needs a number for \"" + submission.studentId() + "\", e.g. "
                        + "{\"solution\": 5, \"wrong\": 2, \"release\": 0}; found " + json);
            }
            scores.put(submission, score.asDouble());
        }
        if (json.size() != scores.size()) {
            throw new AssertionError(file + " may only hold solution, wrong and release; found " + json);
        }
        double full = scores.get(Submission.SOLUTION);
        double wrong = scores.get(Submission.WRONG);
        if (!(full == automaticPoints && wrong > 0 && wrong < full && scores.get(Submission.RELEASE) == 0)) {
            throw new AssertionError(file + " must expect all " + automaticPoints + " automatic points (of the test "
                    + "cells) for the solution, partial points for the wrong submission (more than 0, less than the "
                    + "solution's) and 0 for the release; found " + json);
        }
        return scores;
    }

    private static JsonNode readObject(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new AssertionError(file + " is missing: every assignment needs " + WRONG_SUBMISSION + " and "
                    + EXPECTED_SCORES + " next to its notebook (see notebooks/assignments/README.md)");
        }
        JsonNode json = JSON.readTree(file.toFile());
        if (json == null || !json.isObject()) {
            throw new AssertionError(file + " must hold one JSON object, found " + json);
        }
        return json;
    }
}
