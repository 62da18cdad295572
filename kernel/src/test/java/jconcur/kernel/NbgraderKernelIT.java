package jconcur.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10: the kernel behaviour nbgrader's autograde relies on (src/test/python/test_nbgrader_kernel.py, nbgrader's
 * own Execute preprocessor and scoring against the installed kernelspec): nothing on stderr in a passing cell, no
 * value shown by a cell ending in a declaration, idle promptly after the reply while threads print, a timed-out
 * cell interrupted by message with the next cell running.
 */
class NbgraderKernelIT {

    /** The tests in test_nbgrader_kernel: all must run, none skipped. */
    private static final int TESTS = 4;

    @TempDir
    Path dir;

    @Test
    void kernelBehavesAsNbgraderExpects() throws IOException, InterruptedException {
        Path jupyterPath = KernelTestSuite.installKernelspec(dir);

        KernelTestSuite.Result result = KernelTestSuite.run(jupyterPath, dir, "jconcur", "test_nbgrader_kernel",
                Duration.ofMinutes(10));

        System.out.println("test_nbgrader_kernel figures:\n" + KernelTestSuite.figures(result));
        assertTrue(result.ok(), "test_nbgrader_kernel failed:\n" + result.output());
        assertEquals(TESTS, result.ran(), result.output());
        assertEquals(0, result.skipped(), "tests were skipped:\n" + result.output());
    }
}
