package jconcur.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class MainTest {

    @Test
    void usageErrorsExitWithStatusTwo() {
        assertEquals(2, Main.run(List.of()));
        assertEquals(2, Main.run(List.of("frobnicate")));
        assertEquals(2, Main.run(List.of("kernel")));
        assertEquals(2, Main.run(List.of("kernel", "a.json", "b.json")));
        assertEquals(2, Main.run(List.of("install", "--bogus")));
        assertEquals(2, Main.run(List.of("check", "now")));
        assertEquals(0, Main.run(List.of("--help")));
        assertEquals(0, Main.run(List.of("--version")));
    }

    @Test
    void aMissingConnectionFileFailsWithStatusOne() {
        assertEquals(1, Main.run(List.of("kernel", "/nonexistent/kernel-1.json")));
    }

    @Test
    void installOutsideTheJarIsAnErrorNotAUsageError() {
        // Tests run from target/classes, not from a jar: install explains that it needs the jar.
        assertEquals(1, Main.run(List.of("install", "--prefix", "/nonexistent")));
    }
}
