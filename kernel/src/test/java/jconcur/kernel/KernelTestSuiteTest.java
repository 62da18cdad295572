package jconcur.kernel;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** The ITs' verdicts depend on reading unittest_json.py's lines right. */
class KernelTestSuiteTest {

    private static final String OK = """
            {"id": "test_robustness.InterruptTests.test_busy_loop", "outcome": "ok", "detail": "", "seconds": 1.5}""";

    @Test
    void eachLineIsOneCaseNamedAsUnittestPrintsIt() {
        KernelTestSuite.Results results = KernelTestSuite.parse(List.of(OK, "", """
                {"id": "test_launcher.SecondClientTests.test_x", "outcome": "failure", "detail": "boom", "seconds": 2}""",
                """
                {"end": true, "ran": 2}"""));
        List<KernelTestSuite.Case> cases = results.cases();
        assertEquals(2, cases.size());
        assertTrue(results.ranToEnd());
        assertEquals("test_busy_loop (InterruptTests)", cases.get(0).displayName());
        assertDoesNotThrow(cases.get(0)::check);
        AssertionFailedError failure = assertThrows(AssertionFailedError.class, cases.get(1)::check);
        assertTrue(failure.getMessage().contains("boom"), failure.getMessage());
    }

    @Test
    void errorsAndSkipsFail() {
        for (String outcome : List.of("error", "skipped")) {
            KernelTestSuite.Case c = new KernelTestSuite.Case("m.C.t", outcome, "why", 0);
            AssertionFailedError failure = assertThrows(AssertionFailedError.class, c::check, outcome);
            assertTrue(failure.getMessage().contains("why"), failure.getMessage());
        }
    }

    @Test
    void aModuleThatDiedOnTheWayHasNoEnd() {
        assertFalse(KernelTestSuite.parse(List.of(OK)).ranToEnd());
    }

    @Test
    void aLineThatIsNotJsonIsAnError() {
        assertThrows(AssertionError.class, () -> KernelTestSuite.parse(List.of("Traceback: ModuleNotFoundError")));
    }
}
