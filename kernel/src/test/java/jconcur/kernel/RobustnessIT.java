package jconcur.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 3 through a real Jupyter client (src/test/python/test_robustness.py, jupyter_client against the installed
 * kernelspec): interrupts and deadlocks, dying user VMs, no orphans, output floods, background output, forged
 * messages, loopback-only sockets, intruders on the user VM ports, fuzzing of every channel. Prints the measured
 * figures (interrupt latency, deadlock recovery, heartbeat during floods).
 */
class RobustnessIT {

    /** The tests in test_robustness: all must run, none skipped. */
    private static final int TESTS = 31;

    @TempDir
    Path dir;

    @Test
    void kernelSurvivesAndReportsEverythingIssueThreeThrowsAtIt() throws IOException, InterruptedException {
        Path jupyterPath = KernelTestSuite.installKernelspec(dir);

        KernelTestSuite.Result result = KernelTestSuite.run(jupyterPath, dir, "jconcur", "test_robustness",
                Duration.ofMinutes(8));

        System.out.println("test_robustness figures:\n" + KernelTestSuite.figures(result));
        assertTrue(result.ok(), "test_robustness failed:\n" + result.output());
        assertEquals(TESTS, result.ran(), result.output());
        assertEquals(0, result.skipped(), "tests were skipped:\n" + result.output());
    }
}
