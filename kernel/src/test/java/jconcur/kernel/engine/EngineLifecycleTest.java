package jconcur.kernel.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.ToolProvider;
import jconcur.kernel.engine.ExecuteOutcome.Failed;
import jconcur.kernel.engine.ExecuteOutcome.Ok;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Class path additions and restarts with other JVM options. */
class EngineLifecycleTest {

    @TempDir
    Path dir;

    private static String text(JShellEngine engine, String code) {
        ExecuteOutcome outcome = engine.execute(code);
        if (outcome instanceof Failed f) {
            throw new AssertionError(String.join("\n", f.traceback()));
        }
        return (String) ((Ok) outcome).result().orElseThrow().data().get("text/plain");
    }

    @Test
    void runningOutOfMemoryIsAnExceptionAndTheVmLivesOn() {
        try (JShellEngine engine = JShellEngine.start(new RecordingOutput(), List.of("-Xmx64m", "-XX:+UseSerialGC"))) {
            String pid = text(engine, "ProcessHandle.current().pid()");
            Failed f = assertInstanceOf(Failed.class,
                    engine.execute("var hog = new ArrayList<long[]>();\nwhile (true) hog.add(new long[1 << 20]);"));
            assertEquals("java.lang.OutOfMemoryError", f.ename());
            assertEquals(pid, text(engine, "ProcessHandle.current().pid()"), "same user VM, state kept");

            engine.restart(List.of("-Xmx64m", "-XX:+ExitOnOutOfMemoryError"));
            Failed died = assertInstanceOf(Failed.class,
                    engine.execute("var hog = new ArrayList<long[]>();\nwhile (true) hog.add(new long[1 << 20]);"));
            assertEquals("UserVmDied", died.ename());
            assertTrue(died.evalue().contains("running out of memory"), died.evalue());
            assertTrue(String.join("\n", died.traceback()).contains("Terminating due to java.lang.OutOfMemoryError"),
                    died.traceback().toString());
            assertEquals("2", text(engine, "1 + 1"), "a fresh user VM runs the next cell");
        }
    }

    @Test
    void classPathAdditionsWorkAndSurviveARestartWithOtherOptions() throws Exception {
        Path source = Files.writeString(Files.createDirectories(dir.resolve("src/demo")).resolve("Greeter.java"),
                "package demo; public class Greeter { public static String hi() { return \"hi from a jar\"; } }");
        Path classes = Files.createDirectories(dir.resolve("classes"));
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
                source.toString()));

        try (JShellEngine engine = JShellEngine.start(new RecordingOutput(), null)) {
            assertThrows(IllegalArgumentException.class, () -> engine.addToClasspath(List.of(dir.resolve("missing.jar").toString())));
            engine.addToClasspath(List.of(classes.toString()));
            assertEquals("\"hi from a jar\"", text(engine, "demo.Greeter.hi()"));
            text(engine, "int before = 1; before");

            engine.restart(List.of("-Xmx200m", "-ea"));
            assertTrue(Long.parseLong(text(engine, "Runtime.getRuntime().maxMemory()")) <= 200L << 20);
            Failed gone = assertInstanceOf(Failed.class, engine.execute("before"));
            assertEquals("CompileError", gone.ename(), "a restart resets state");
            assertEquals("\"hi from a jar\"", text(engine, "demo.Greeter.hi()"), "class path additions stay");
        }
    }
}
