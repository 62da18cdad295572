package jconcur.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13 at notebook level, through the installed kernel and jupyter_client (src/test/python/test_seeing.py):
 * a timeline cell yields image/png, and a sweep updates one live display (one display id) before its result.
 */
class SeeingIT {

    @TempDir
    Path dir;

    @Test
    void timelinesRenderAndSweepsUpdateOneLiveDisplay() throws IOException, InterruptedException {
        Path jupyterPath = KernelTestSuite.installKernelspec(dir);

        KernelTestSuite.Result result = KernelTestSuite.run(jupyterPath, dir, "jconcur", "test_seeing",
                Duration.ofMinutes(5));

        System.out.println("test_seeing figures:\n" + KernelTestSuite.figures(result));
        assertTrue(result.ok(), "test_seeing failed:\n" + result.output());
        assertEquals(2, result.ran(), result.output());
    }
}
