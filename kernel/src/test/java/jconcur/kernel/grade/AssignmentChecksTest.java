package jconcur.kernel.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The two check files of an assignment: what they may hold, and what a mistake in them says. */
class AssignmentChecksTest {

    /** A notebook with a 3-point and a 2-point test cell and a 1-point manually graded answer. */
    private static final String NOTEBOOK = """
            {"cells": [
              {"cell_type": "code", "metadata": {"nbgrader": {"grade": true, "solution": false, "points": 3}}, "source": ""},
              {"cell_type": "code", "metadata": {"nbgrader": {"grade": true, "solution": false, "points": 2}}, "source": ""},
              {"cell_type": "markdown", "metadata": {"nbgrader": {"grade": true, "solution": true, "points": 1}}, "source": ""}
            ]}""";

    @TempDir
    Path dir;

    private AssignmentChecks read(String wrong, String expected) throws IOException {
        Files.writeString(dir.resolve("a.ipynb"), NOTEBOOK);
        Files.writeString(dir.resolve(AssignmentChecks.WRONG_SUBMISSION), wrong);
        Files.writeString(dir.resolve(AssignmentChecks.EXPECTED_SCORES), expected);
        return AssignmentChecks.read(dir);
    }

    @Test
    void cellsAreStringsOrLinesAndScoresArePerSubmission() throws IOException {
        AssignmentChecks checks = read("{\"one\": \"int x = 1;\", \"two\": [\"void f() {\", \"}\"]}",
                "{\"solution\": 5, \"wrong\": 2.5, \"release\": 0}");
        assertEquals(Map.of("one", "int x = 1;", "two", "void f() {\n}"), checks.wrongCells());
        assertEquals(Map.of(Submission.SOLUTION, 5.0, Submission.WRONG, 2.5, Submission.RELEASE, 0.0),
                checks.expectedScores());
    }

    @Test
    void theSolutionMustGetExactlyTheAutomaticPoints() {
        AssertionError error = assertThrows(AssertionError.class,
                () -> read("{\"one\": \"x\"}", "{\"solution\": 6, \"wrong\": 2, \"release\": 0}"));
        assertTrue(error.getMessage().contains("all 5.0 automatic points"), error.getMessage());
    }

    @Test
    void theWrongSubmissionMustScorePartially() {
        for (String wrong : new String[] {"0", "5"}) {
            AssertionError error = assertThrows(AssertionError.class,
                    () -> read("{\"one\": \"x\"}", "{\"solution\": 5, \"wrong\": " + wrong + ", \"release\": 0}"));
            assertTrue(error.getMessage().contains("partial points for the wrong submission"), error.getMessage());
        }
    }

    @Test
    void missingAndMalformedFilesSayWhatToWrite() throws IOException {
        AssertionError missing = assertThrows(AssertionError.class, () -> AssignmentChecks.read(dir));
        assertTrue(missing.getMessage().contains("notebooks/assignments/README.md"), missing.getMessage());
        AssertionError noNumber = assertThrows(AssertionError.class,
                () -> read("{\"one\": \"x\"}", "{\"solution\": 5, \"release\": 0}"));
        assertTrue(noNumber.getMessage().contains("needs a number for \"wrong\""), noNumber.getMessage());
        AssertionError badCell = assertThrows(AssertionError.class,
                () -> read("{\"one\": 7}", "{\"solution\": 5, \"wrong\": 2, \"release\": 0}"));
        assertTrue(badCell.getMessage().contains("one must map to the cell's source"), badCell.getMessage());
        AssertionError empty = assertThrows(AssertionError.class,
                () -> read("{}", "{\"solution\": 5, \"wrong\": 2, \"release\": 0}"));
        assertTrue(empty.getMessage().contains("replaces no cell"), empty.getMessage());
    }
}
