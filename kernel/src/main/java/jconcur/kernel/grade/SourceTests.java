package jconcur.kernel.grade;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What nbgrader's autograde does before running a submission: the cells a student must not change (test
 * cells and locked cells) are put back from the teacher's source notebook, hidden tests included.
 */
final class SourceTests {

    private SourceTests() {}

    /** Restores protected cells by grade_id; returns the grade_ids that were restored. */
    static List<String> restore(ObjectNode submission, ObjectNode source) {
        Map<String, ObjectNode> protectedCells = new HashMap<>();
        for (ObjectNode cell : Notebooks.cells(source)) {
            boolean isProtected = Notebooks.flag(cell, "locked")
                    || (Notebooks.flag(cell, "grade") && !Notebooks.flag(cell, "solution"));
            Notebooks.gradeId(cell).filter(id -> isProtected).ifPresent(id -> protectedCells.put(id, cell));
        }
        List<String> restored = new java.util.ArrayList<>();
        for (ObjectNode cell : Notebooks.cells(submission)) {
            Notebooks.gradeId(cell).map(protectedCells::get).ifPresent(original -> {
                cell.set("source", original.get("source").deepCopy());
                cell.set("cell_type", original.get("cell_type").deepCopy());
                ((ObjectNode) cell.withObject("metadata")).set("nbgrader", original.path("metadata").path("nbgrader").deepCopy());
                restored.add(Notebooks.gradeId(cell).orElseThrow());
            });
        }
        return restored;
    }

    /** The graded cells of the source, to find those a student deleted. */
    static Map<String, Double> gradedCells(ObjectNode source) {
        Map<String, Double> graded = new java.util.LinkedHashMap<>();
        for (ObjectNode cell : Notebooks.cells(source)) {
            if (Notebooks.flag(cell, "grade")) {
                Notebooks.gradeId(cell).ifPresent(id ->
                        graded.put(id, Notebooks.nbgrader(cell).orElseThrow().path("points").asDouble(0)));
            }
        }
        return graded;
    }
}
