package jconcur.kernel;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 3 through a real Jupyter client (src/test/python/test_robustness.py, jupyter_client against the installed
 * kernelspec): interrupts and deadlocks, dying user VMs, no orphans, output floods, background output, forged
 * messages, loopback-only sockets, intruders on the user VM ports, fuzzing of every channel. Prints the measured
 * figures (interrupt latency, deadlock recovery, heartbeat during floods).
 */
class RobustnessIT {

    @TempDir
    Path dir;

    @TestFactory
    List<DynamicTest> kernelSurvivesAndReportsWhatIsThrownAtIt() throws IOException, InterruptedException {
        return KernelTestSuite.testsOfInstalledKernel(dir, "test_robustness", Duration.ofMinutes(8));
    }
}
