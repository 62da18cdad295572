package jconcur.kernel.grade;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StudentVersionTest {

    private static final Path ASSIGNMENTS = Path.of(System.getProperty("jconcur.repoRoot",
            System.getProperty("maven.multiModuleProjectDirectory", ".."))).resolve("notebooks/assignments");

    @Test
    void solutionRegionsBecomeTheStubInPlace() {
        String source = "long f() {\n    // ### BEGIN SOLUTION\n    return 42;\n    // ### END SOLUTION\n}";
        assertEquals("long f() {\n    // YOUR CODE HERE\n    throw new UnsupportedOperationException(\"not implemented yet\");\n}",
                StudentVersion.replaceSolution(source, StudentVersion.CODE_STUB));
        assertEquals("YOUR ANSWER HERE", StudentVersion.replaceSolution("An answer without markers.", StudentVersion.TEXT_STUB));
        assertEquals("a\nc", StudentVersion.removeRegions("a\n// ### BEGIN HIDDEN TESTS\nb\n// ### END HIDDEN TESTS\nc",
                "BEGIN HIDDEN TESTS", "END HIDDEN TESTS"));
    }

    @Test
    void assignmentReleaseHidesSolutionsAndHiddenTests() throws Exception {
        ObjectNode source = Notebooks.read(ASSIGNMENTS.resolve("source/parallel-primes/parallel-primes.ipynb"));
        ObjectNode release = StudentVersion.of(source);
        String all = Notebooks.JSON.writeValueAsString(release);
        assertFalse(all.contains("newFixedThreadPool"), "solution leaked");
        assertFalse(all.contains("moreThreadsThanNumbers") || all.contains("HIDDEN TESTS"), "hidden test leaked");
        assertTrue(all.contains("matchesTheSequentialCount"), "visible tests kept");
        assertTrue(all.contains("YOUR ANSWER HERE") && all.contains("YOUR CODE HERE"));
        for (ObjectNode cell : Notebooks.cells(release)) {
            if ("code".equals(cell.path("cell_type").asText())) {
                assertTrue(cell.path("outputs").isEmpty());
            }
        }
        // Grading puts the hidden tests back and leaves the student's answer alone.
        List<String> restored = SourceTests.restore(release, source);
        assertTrue(restored.containsAll(List.of("test-small-limits", "test-matches-sequential", "test-uses-threads")));
        String graded = Notebooks.JSON.writeValueAsString(release);
        assertTrue(graded.contains("moreThreadsThanNumbers"));
        assertFalse(graded.contains("newFixedThreadPool"));
        assertEquals(Map.of("test-small-limits", 2.0, "test-matches-sequential", 2.0, "test-uses-threads", 1.0,
                "explain-speedup", 1.0), SourceTests.gradedCells(source));
    }

    @Test
    void committedReleaseMatchesTheSource() throws Exception {
        for (String name : List.of("parallel-primes", "template")) {
            ObjectNode source = Notebooks.read(ASSIGNMENTS.resolve("source/" + name + "/" + name + ".ipynb"));
            ObjectNode committed = Notebooks.read(ASSIGNMENTS.resolve("release/" + name + "/" + name + ".ipynb"));
            assertEquals(StudentVersion.of(source), committed,
                    "release/" + name + " is stale: regenerate it with grade --student-version");
        }
    }

    @Test
    void sourceNotebooksAreCommittedWithoutOutputs() throws Exception {
        for (String name : List.of("parallel-primes", "template")) {
            for (ObjectNode cell : Notebooks.cells(Notebooks.read(ASSIGNMENTS.resolve("source/" + name + "/" + name + ".ipynb")))) {
                if ("code".equals(cell.path("cell_type").asText())) {
                    assertTrue(cell.path("outputs").isEmpty() && cell.path("execution_count").isNull(), name);
                }
            }
        }
    }
}
