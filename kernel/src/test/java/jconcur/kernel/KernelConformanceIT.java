package jconcur.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
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
        Path jar = Path.of(System.getProperty("jconcur.kernelJar", "target/jconcur-kernel.jar"));
        assertTrue(Files.isRegularFile(jar), "the shaded kernel jar is missing: " + jar);
        Path prefix = dir.resolve("prefix");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process install = new ProcessBuilder(java.toString(), "-jar", jar.toString(), "install", "--prefix", prefix.toString())
                .redirectErrorStream(true).start();
        String installOutput = new String(install.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(install.waitFor(2, TimeUnit.MINUTES));
        assertEquals(0, install.exitValue(), installOutput);
        Path jupyterPath = prefix.resolve("share/jupyter");
        Path kernelDir = jupyterPath.resolve("kernels/jconcur");
        assertTrue(Files.isRegularFile(kernelDir.resolve("kernel.json")), installOutput);
        String jvmOptions = new ObjectMapper().readTree(kernelDir.resolve("kernel.json").toFile())
                .path("env").path("JDK_JAVA_OPTIONS").asText();
        assertTrue(jvmOptions.contains("-XX:SharedArchiveFile=" + kernelDir.resolve("jconcur.jsa")),
                "the startup archive was not recorded: " + jvmOptions + "\n" + installOutput);
        assertTrue(Files.size(kernelDir.resolve("jconcur.jsa")) > 0);

        KernelTestSuite.Result result = KernelTestSuite.run(jupyterPath, dir, "jconcur");

        assertTrue(result.ok(), "jupyter_kernel_test failed:\n" + result.output());
        assertEquals(12, result.ran(), result.output());
        assertEquals(0, result.skipped(), "tests were skipped:\n" + result.output());
    }
}
