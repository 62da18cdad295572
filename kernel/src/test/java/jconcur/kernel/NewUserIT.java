package jconcur.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16 (what a new user trips over) through a real Jupyter client: src/test/python/test_new_user.py drives
 * the installed kernelspec with jupyter_client.
 */
class NewUserIT {

    /** The tests in test_new_user: all must run, none skipped. */
    private static final int TESTS = 21;

    @TempDir
    Path dir;

    @Test
    void newUsersStumblingBlocksAreGone() throws IOException, InterruptedException {
        Path jupyterPath = KernelTestSuite.installKernelspec(dir);

        KernelTestSuite.Result result = KernelTestSuite.run(jupyterPath, dir, "jconcur", "test_new_user",
                Duration.ofMinutes(8));

        assertTrue(result.ok(), "test_new_user failed:\n" + result.output());
        assertEquals(TESTS, result.ran(), result.output());
        assertEquals(0, result.skipped(), "tests were skipped:\n" + result.output());
    }
}
