package jconcur.kernel;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kernel and the processes around it (src/test/python/test_launcher.py, real jupyter_client): a kernel whose
 * launching client is killed goes away with its user VM; a kernel started by hand lives as long as its shell;
 * the connection file deleted while it runs; a second client on the same kernel. Prints the measured figures.
 */
class LauncherIT {

    @TempDir
    Path dir;

    @TestFactory
    List<DynamicTest> kernelFollowsItsLauncherAndServesSeveralClients() throws IOException, InterruptedException {
        return KernelTestSuite.testsOfInstalledKernel(dir, "test_launcher", Duration.ofMinutes(5));
    }
}
