package jconcur.kernel.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import jconcur.kernel.log.Log;
import org.junit.jupiter.api.Test;

/** The engine logs through the kernel's one log: JCONCUR_LOG=debug shows its debug lines, nothing else does. */
class DebugLogTest {

    @Test
    void debugSwitchShowsTheEnginesDebugLines() throws Exception {
        String log = runEngine("debug");
        assertTrue(log.contains("[jconcur DEBUG") && log.contains("user VM pid"), log);
    }

    @Test
    void withoutTheSwitchTheEngineWritesNoDebugLines() throws Exception {
        String log = runEngine("");
        assertFalse(log.contains("DEBUG"), log);
    }

    private static String runEngine(String level) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                DebugLogProbe.class.getName()).redirectErrorStream(true);
        builder.environment().put(Log.SWITCH, level);
        Process engine = builder.start();
        try {
            String output = new String(engine.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(engine.waitFor(60, TimeUnit.SECONDS), "the probe ends");
            assertEquals(0, engine.exitValue(), output);
            assertTrue(output.contains("cell Ok"), output);
            return output;
        } finally {
            engine.destroyForcibly();
        }
    }
}
