package jconcur.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged kernel, installed with {@code install --prefix} (which also records its startup archive), passes
 * Jupyter's jupyter_kernel_test: all 12 tests, none skipped.
 */
class KernelConformanceIT {

    @TempDir
    Path dir;

    @Test
    void installedKernelPassesJupyterKernelTest() throws IOException, InterruptedException {
        Path jupyterPath = KernelTestSuite.installKernelspec(dir);
        Path kernelDir = jupyterPath.resolve("kernels/jconcur");
        String jvmOptions = new ObjectMapper().readTree(kernelDir.resolve("kernel.json").toFile())
                .path("argv").toString();
        assertTrue(jvmOptions.contains("-XX:SharedArchiveFile=" + kernelDir.resolve("jconcur.jsa")),
                "the startup archive was not recorded: " + jvmOptions);
        assertTrue(Files.size(kernelDir.resolve("jconcur.jsa")) > 0);

        KernelTestSuite.Result result = KernelTestSuite.run(jupyterPath, dir, "jconcur");

        assertTrue(result.ok(), "jupyter_kernel_test failed:\n" + result.output());
        assertEquals(12, result.ran(), result.output());
        assertEquals(0, result.skipped(), "tests were skipped:\n" + result.output());
    }
}
