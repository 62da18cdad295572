package jconcur.kernel.grade;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Grades an executed notebook by nbgrader's rules (nbgrader.utils.determine_grade): a grade cell whose
 * outputs hold an error or anything on stderr gets 0; one whose execute_result is a number gets that many
 * points (partial credit, at most the cell's points); any other grade cell gets full points. Solution cells
 * with points are left to grade by hand.
 */
final class Gradebook {

    private static final int MAX_ERROR_CHARS = 2000;

    private Gradebook() {}

    /** expected: the graded cells of the source (grade_id -> points), to report deleted ones; may be empty. */
    static List<CellGrade> grade(ObjectNode executed, Map<String, Double> expected) {
        List<CellGrade> grades = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (ObjectNode cell : Notebooks.cells(executed)) {
            if (!Notebooks.flag(cell, "grade")) {
                continue;
            }
            String id = Notebooks.gradeId(cell).orElse("cell-" + grades.size());
            seen.add(id);
            double max = Notebooks.nbgrader(cell).orElseThrow().path("points").asDouble(0);
            grades.add(gradeCell(cell, id, max));
        }
        expected.forEach((id, points) -> {
            if (!seen.contains(id)) {
                grades.add(new CellGrade(id, 0.0, points, CellGrade.MISSING, "the cell is missing from the submission"));
            }
        });
        return grades;
    }

    static CellGrade gradeCell(JsonNode cell, String id, double max) {
        if (Notebooks.flag(cell, "solution")) {
            return new CellGrade(id, null, max, CellGrade.MANUAL, null);
        }
        if (!"code".equals(cell.path("cell_type").asText())) {
            return new CellGrade(id, max, max, CellGrade.PASSED, null);
        }
        if (cell.path("execution_count").isNull() && cell.path("outputs").isEmpty()) {
            return new CellGrade(id, 0.0, max, CellGrade.NOT_RUN, "the cell did not run (the kernel stopped before it)");
        }
        for (JsonNode output : cell.path("outputs")) {
            String type = output.path("output_type").asText();
            if (type.equals("error")) {
                return new CellGrade(id, 0.0, max, CellGrade.FAILED,
                        clip(output.path("ename").asText() + ": " + output.path("evalue").asText()));
            }
            if (type.equals("stream") && output.path("name").asText().equals("stderr")) {
                return new CellGrade(id, 0.0, max, CellGrade.FAILED, clip("stderr: " + Notebooks.multiline(output.path("text"))));
            }
            if (type.equals("execute_result")) {
                double points = partialPoints(output, max);
                return new CellGrade(id, points, max, points >= max ? CellGrade.PASSED : CellGrade.PARTIAL, null);
            }
        }
        return new CellGrade(id, max, max, CellGrade.PASSED, null);
    }

    /** A number shown as the cell's value is its score; anything else means full points (nbgrader's get_partial_grade). */
    private static double partialPoints(JsonNode output, double max) {
        String text = Notebooks.multiline(output.path("data").path("text/plain"));
        try {
            double value = Double.parseDouble(text.strip());
            return Math.max(0, Math.min(value, max));
        } catch (NumberFormatException e) {
            return max;
        }
    }

    private static String clip(String text) {
        String s = text.strip();
        return s.length() <= MAX_ERROR_CHARS ? s : s.substring(0, MAX_ERROR_CHARS) + " ...";
    }
}
