package jconcur.kernel;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged kernel, installed with {@code install --prefix} (which also records its startup archive), passes
 * Jupyter's jupyter_kernel_test: every one of its tests, none skipped.
 */
class KernelConformanceIT {

    @TempDir
    Path dir;

    @TestFactory
    List<DynamicTest> installedKernelPassesJupyterKernelTest() throws IOException, InterruptedException {
        Path jupyterPath = KernelTestSuite.installKernelspec(dir);
        Path kernelDir = jupyterPath.resolve("kernels/jconcur");
        String jvmOptions = new ObjectMapper().readTree(kernelDir.resolve("kernel.json").toFile())
                .path("argv").toString();
        // JDK 25+: an AOT cache; JDK 21 to 24: a CDS archive.
        String archive = Runtime.version().feature() >= 25 ? "jconcur.aot" : "jconcur.jsa";
        String option = Runtime.version().feature() >= 25 ? "-XX:AOTCache=" : "-XX:SharedArchiveFile=";
        assertTrue(jvmOptions.contains(option + kernelDir.resolve(archive)),
                "the startup archive was not recorded: " + jvmOptions);
        assertTrue(Files.size(kernelDir.resolve(archive)) > 0);
        assertTrue(Files.isRegularFile(kernelDir.resolve("jconcur-archive.stamp")));

        return KernelTestSuite.tests(jupyterPath, dir, "jconcur", "test_kernel_conformance", Duration.ofMinutes(5));
    }
}
