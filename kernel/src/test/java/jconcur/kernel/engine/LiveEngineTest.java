package jconcur.kernel.engine;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/** Base of tests against one real engine and user VM per test class; each test starts with empty output. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LiveEngineTest {

    protected final RecordingOutput out = new RecordingOutput();
    protected JShellEngine engine;

    @BeforeAll
    void start() {
        engine = JShellEngine.start(out, null);
    }

    @AfterAll
    void stop() {
        engine.close();
    }

    @BeforeEach
    void clearOutput() {
        out.reset();
    }
}
