package jconcur.kernel;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 4 at notebook level: a sweep cell run through the installed kernel by jupyter_client yields a result with
 * image/png (a decodable chart) and text/html (the table) (src/test/python/test_sweep_rendering.py).
 */
class SweepRenderingIT {

    @TempDir
    Path dir;

    @TestFactory
    List<DynamicTest> aSweepCellRendersATableAndAChart() throws IOException, InterruptedException {
        return KernelTestSuite.testsOfInstalledKernel(dir, "test_sweep_rendering", Duration.ofMinutes(5));
    }
}
