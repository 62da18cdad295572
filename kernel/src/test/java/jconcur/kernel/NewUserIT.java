package jconcur.kernel;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a new user trips over, through a real Jupyter client (src/test/python/test_new_user.py, jupyter_client
 * against the installed kernelspec): tracebacks that name cell lines, rendered javadoc, redefinition notes,
 * completion of a cell's own variables, MIME types from user code, deadlocks that involve the cell's thread.
 */
class NewUserIT {

    @TempDir
    Path dir;

    @TestFactory
    List<DynamicTest> newUsersStumblingBlocksAreGone() throws IOException, InterruptedException {
        return KernelTestSuite.testsOfInstalledKernel(dir, "test_new_user", Duration.ofMinutes(10));
    }
}
