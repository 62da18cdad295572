package jconcur.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kernel and the processes around it (src/test/python/test_launcher.py, real jupyter_client): a kernel whose
 * launching client is killed goes away with its user VM; a kernel started by hand lives as long as its shell;
 * the connection file deleted while it runs; a second client on the same kernel. Prints the measured figures.
 */
class LauncherIT {

    /** The tests in test_launcher: all must run, none skipped. */
    private static final int TESTS = 5;

    @TempDir
    Path dir;

    @Test
    void kernelFollowsItsLauncherAndServesSeveralClients() throws IOException, InterruptedException {
        Path jupyterPath = KernelTestSuite.installKernelspec(dir);

        KernelTestSuite.Result result = KernelTestSuite.run(jupyterPath, dir, "jconcur", "test_launcher",
                Duration.ofMinutes(5));

        System.out.println("test_launcher figures:\n" + KernelTestSuite.figures(result));
        assertTrue(result.ok(), "test_launcher failed:\n" + result.output());
        assertEquals(TESTS, result.ran(), result.output());
        assertEquals(0, result.skipped(), "tests were skipped:\n" + result.output());
    }
}
