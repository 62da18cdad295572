package jconcur.kernel.grade;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GradebookTest {

    private static ObjectNode notebook(String cellsJson) throws Exception {
        return (ObjectNode) Notebooks.JSON.readTree("{\"nbformat\": 4, \"nbformat_minor\": 4, \"metadata\": {}, \"cells\": ["
                + cellsJson + "]}");
    }

    private static String cell(String id, boolean solution, double points, String outputs, String count) {
        return """
                {"cell_type": "code", "execution_count": %s, "source": "x", "outputs": [%s],
                 "metadata": {"nbgrader": {"grade": true, "grade_id": "%s", "points": %s, "solution": %s,
                                           "locked": %s, "schema_version": 3}}}"""
                .formatted(count, outputs, id, points, solution, !solution);
    }

    @Test
    void nbgraderRules() throws Exception {
        ObjectNode executed = notebook(String.join(",",
                cell("ok", false, 2, "{\"output_type\": \"stream\", \"name\": \"stdout\", \"text\": [\"fine\\n\"]}", "1"),
                cell("error", false, 3, "{\"output_type\": \"error\", \"ename\": \"TestFailure\", \"evalue\": \"1 of 2 tests failed: x\", \"traceback\": []}", "2"),
                cell("stderr", false, 1, "{\"output_type\": \"stream\", \"name\": \"stderr\", \"text\": \"warning\\n\"}", "3"),
                cell("partial", false, 4, "{\"output_type\": \"execute_result\", \"execution_count\": 4, \"metadata\": {}, \"data\": {\"text/plain\": \"2.5\"}}", "4"),
                cell("too-much", false, 1, "{\"output_type\": \"execute_result\", \"execution_count\": 5, \"metadata\": {}, \"data\": {\"text/plain\": [\"7\"]}}", "5"),
                cell("text-value", false, 1, "{\"output_type\": \"execute_result\", \"execution_count\": 6, \"metadata\": {}, \"data\": {\"text/plain\": \"\\\"done\\\"\"}}", "6"),
                cell("manual", true, 2, "", "7"),
                cell("not-run", false, 1, "", "null")));
        List<CellGrade> grades = Gradebook.grade(executed, Map.of("ok", 2.0, "deleted", 3.0));
        assertEquals(List.of(
                new CellGrade("ok", 2.0, 2, CellGrade.PASSED, null),
                new CellGrade("error", 0.0, 3, CellGrade.FAILED, "TestFailure: 1 of 2 tests failed: x"),
                new CellGrade("stderr", 0.0, 1, CellGrade.FAILED, "stderr: warning"),
                new CellGrade("partial", 2.5, 4, CellGrade.PARTIAL, null),
                new CellGrade("too-much", 1.0, 1, CellGrade.PASSED, null),
                new CellGrade("text-value", 1.0, 1, CellGrade.PASSED, null),
                new CellGrade("manual", null, 2, CellGrade.MANUAL, null),
                new CellGrade("not-run", 0.0, 1, CellGrade.NOT_RUN, "the cell did not run (the kernel stopped before it)"),
                new CellGrade("deleted", 0.0, 3, CellGrade.MISSING, "the cell is missing from the submission")), grades);
    }

    @Test
    void reportTotalsAndFormats() throws Exception {
        ScoreReport report = ScoreReport.of("hw<1>.ipynb", List.of(
                new CellGrade("a", 2.0, 2, CellGrade.PASSED, null),
                new CellGrade("b", 0.0, 3, CellGrade.FAILED, "TestFailure: <expected>"),
                new CellGrade("c", 1.5, 2, CellGrade.PARTIAL, null),
                new CellGrade("m", null, 1, CellGrade.MANUAL, null)), null);
        assertEquals(3.5, report.score());
        assertEquals(7.0, report.maxScore());
        assertEquals(1.0, report.manualPoints());
        assertEquals("hw<1>.ipynb: 3.50 / 7 points (+ 1 to grade by hand)", report.summary());
        String html = report.html();
        assertTrue(html.contains("hw&lt;1&gt;.ipynb") && html.contains("TestFailure: &lt;expected&gt;"));
        assertTrue(html.contains("<td class=\"failed\">failed</td>"));
        java.nio.file.Path json = java.nio.file.Files.createTempFile("report", ".json");
        try {
            report.writeJson(json);
            var node = Notebooks.JSON.readTree(json.toFile());
            assertEquals(3.5, node.get("score").asDouble());
            assertEquals("b", node.get("cells").get(1).get("gradeId").asText());
            assertEquals(0.0, node.get("cells").get(1).get("points").asDouble());
            assertTrue(node.get("cells").get(3).get("points").isNull());
            assertEquals("TestFailure: <expected>", node.get("cells").get(1).get("error").asText());
        } finally {
            java.nio.file.Files.delete(json);
        }
    }
}
