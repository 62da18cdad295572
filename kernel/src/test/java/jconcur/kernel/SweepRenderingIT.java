package jconcur.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 4 at notebook level: a sweep cell run through the installed kernel by jupyter_client yields a result with
 * image/png (a decodable chart) and text/html (the table) (src/test/python/test_sweep_rendering.py).
 */
class SweepRenderingIT {

    @TempDir
    Path dir;

    @Test
    void aSweepCellRendersATableAndAChart() throws IOException, InterruptedException {
        Path jupyterPath = KernelTestSuite.installKernelspec(dir);

        KernelTestSuite.Result result = KernelTestSuite.run(jupyterPath, dir, "jconcur", "test_sweep_rendering",
                Duration.ofMinutes(5));

        System.out.println("test_sweep_rendering figures:\n" + KernelTestSuite.figures(result));
        assertTrue(result.ok(), "test_sweep_rendering failed:\n" + result.output());
        assertEquals(1, result.ran(), result.output());
    }
}
