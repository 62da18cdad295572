package jconcur.kernel.magic;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import jconcur.kernel.JupyterEnvironment;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every magic through the real kernel: the packaged jar started from a kernelspec by jupyter_client (run by
 * the pinned Jupyter environment's Python), one dynamic test per check of magics_it.py.
 */
class MagicsIT {

    @TempDir
    Path workdir;

    @TestFactory
    List<DynamicTest> magicsThroughTheKernel() throws Exception {
        prepareWorkdir();
        Path script = workdir.resolve("magics_it.py");
        try (InputStream in = MagicsIT.class.getResourceAsStream("magics_it.py")) {
            Files.copy(in, script);
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String jar = Path.of(System.getProperty("jconcur.kernelJar", "target/jconcur-kernel.jar")).toAbsolutePath().toString();
        Process process = new ProcessBuilder(JupyterEnvironment.python().toString(), script.toString(), java, jar, workdir.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(20, TimeUnit.MINUTES), "magics_it.py did not finish");
        assertEquals(0, process.exitValue(), "magics_it.py could not drive the kernel:\n" + output);
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : output.lines().filter(l -> l.startsWith("{")).toList()) {
            lines.add(json.readTree(line));
        }
        assertTrue(!lines.isEmpty() && lines.get(0).has("planned"), "magics_it.py named no checks:\n" + output);
        Map<String, JsonNode> results = new HashMap<>();
        lines.subList(1, lines.size()).forEach(result -> results.put(result.get("name").asText(), result));
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode planned : lines.get(0).get("planned")) {
            String name = planned.asText();
            JsonNode result = results.get(name);
            tests.add(DynamicTest.dynamicTest(name, () -> {
                assertNotNull(result, name + " never reported (magics_it.py stopped before it):\n" + output);
                assertTrue(result.get("ok").asBoolean(), result.get("detail").asText());
            }));
        }
        return tests;
    }

    /** A class directory, a jar found by a glob, and a .jshell file for %classpath, %jars and %load. */
    private void prepareWorkdir() throws IOException {
        Path sources = Files.createDirectories(workdir.resolve("src"));
        Path greeter = Files.createDirectories(sources.resolve("demo")).resolve("Greeter.java");
        Files.writeString(greeter, "package demo; public class Greeter { public String greet(String who) { return \"hello \" + who; } }");
        Path greeter2 = Files.createDirectories(sources.resolve("demo2")).resolve("Greeter2.java");
        Files.writeString(greeter2, "package demo2; public class Greeter2 { public String greet() { return \"hello from a jar\"; } }");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        Path classes = Files.createDirectories(workdir.resolve("classes"));
        Path jarClasses = Files.createDirectories(workdir.resolve("jar-classes"));
        assertEquals(0, javac.run(null, null, null, "--release", "21", "-d", classes.toString(), greeter.toString()));
        assertEquals(0, javac.run(null, null, null, "--release", "21", "-d", jarClasses.toString(), greeter2.toString()));
        Path lib = Files.createDirectories(workdir.resolve("lib"));
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(lib.resolve("greeter2.jar")))) {
            jar.putNextEntry(new JarEntry("demo2/Greeter2.class"));
            jar.write(Files.readAllBytes(jarClasses.resolve("demo2/Greeter2.class")));
            jar.closeEntry();
        }
        Files.writeString(workdir.resolve("defs.jshell"), "// loaded by %load\nint loaded() {\n    return 7;\n}\n");
    }
}
