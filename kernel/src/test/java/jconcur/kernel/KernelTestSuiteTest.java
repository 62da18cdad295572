package jconcur.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The IT's verdict depends on reading unittest's summary right. */
class KernelTestSuiteTest {

    @Test
    void readsPassingRuns() {
        var result = KernelTestSuite.parse("test_a ... ok\n\n------\nRan 12 tests in 6.1s\n\nOK\n");
        assertEquals(12, result.ran());
        assertTrue(result.ok());
        assertEquals(0, result.skipped());
    }

    @Test
    void readsSkipsAndFailures() {
        var skipped = KernelTestSuite.parse("Ran 12 tests in 6.1s\n\nOK (skipped=1)\n");
        assertTrue(skipped.ok());
        assertEquals(1, skipped.skipped());
        var failed = KernelTestSuite.parse("Ran 12 tests in 9.0s\n\nFAILED (failures=2, errors=1, skipped=3)\n");
        assertFalse(failed.ok());
        assertEquals(2, failed.failures());
        assertEquals(1, failed.errors());
        assertEquals(3, failed.skipped());
    }

    @Test
    void outputWithoutASummaryIsAnError() {
        assertThrows(AssertionError.class, () -> KernelTestSuite.parse("Traceback: ModuleNotFoundError\n"));
    }
}
