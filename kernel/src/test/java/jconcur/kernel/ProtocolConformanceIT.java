package jconcur.kernel;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The protocol layer alone passes jupyter_kernel_test: the kernel runs the real wire, handlers and history with a
 * scripted engine (ScriptedKernelMain) that answers the suite's samples. A failure here is in the protocol layer,
 * whatever the state of the JShell engine.
 */
class ProtocolConformanceIT {

    @TempDir
    Path dir;

    @TestFactory
    List<DynamicTest> protocolLayerPassesJupyterKernelTest() throws IOException, InterruptedException {
        Path kernelDir = Files.createDirectories(dir.resolve("jupyter/kernels/jconcur-scripted"));
        ObjectNode spec = new ObjectMapper().createObjectNode();
        spec.putArray("argv")
                .add(Path.of(System.getProperty("java.home"), "bin", "java").toString())
                .add("-cp").add(System.getProperty("java.class.path"))
                .add("jconcur.kernel.protocol.ScriptedKernelMain")
                .add("{connection_file}");
        spec.put("display_name", "jconcur (scripted engine)");
        spec.put("language", "java");
        spec.put("interrupt_mode", "message");
        new ObjectMapper().writeValue(kernelDir.resolve("kernel.json").toFile(), spec);

        return KernelTestSuite.tests(dir.resolve("jupyter"), dir, "jconcur-scripted", "test_kernel_conformance",
                Duration.ofMinutes(5));
    }
}
