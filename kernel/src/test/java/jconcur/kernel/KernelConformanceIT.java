package jconcur.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged kernel, installed with {@code install --prefix}, passes Jupyter's jupyter_kernel_test:
 * all 12 tests, none skipped.
 */
class KernelConformanceIT {

    @TempDir
    Path dir;

    @Test
    void installedKernelPassesJupyterKernelTest() throws IOException, InterruptedException {
        Path jupyterPath = KernelTestSuite.installKernelspec(dir);

        KernelTestSuite.Result result = KernelTestSuite.run(jupyterPath, dir, "jconcur");

        assertTrue(result.ok(), "jupyter_kernel_test failed:\n" + result.output());
        assertEquals(12, result.ran(), result.output());
        assertEquals(0, result.skipped(), "tests were skipped:\n" + result.output());
    }
}
