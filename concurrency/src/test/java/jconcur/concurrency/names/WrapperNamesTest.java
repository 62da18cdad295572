package jconcur.concurrency.names;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import jconcur.concurrency.names.WrapperNames.WrapperClass;
import org.junit.jupiter.api.Test;

class WrapperNamesTest {

    @Test
    void expungeRemovesWrapperNamesFromNamesAndMessages() {
        assertEquals("Cannot invoke \"String.length()\" because \"s\" is null",
                WrapperNames.expunge("Cannot invoke \"String.length()\" because \"REPL.$JShell$22.s\" is null"));
        assertEquals("Bank", WrapperNames.expunge("REPL.$JShell$12$Bank"));
        assertEquals("Bank$Account@1a2b", WrapperNames.expunge("REPL.$JShell$12B$Bank$Account@1a2b"));
        assertEquals("java.lang.Object", WrapperNames.expunge("java.lang.Object"));
    }

    @Test
    void parseSplitsWrapperAndDeclaredClass() {
        assertEquals(Optional.of(new WrapperClass("REPL.$JShell$12", "Grab$Inner")),
                WrapperNames.parse("REPL.$JShell$12$Grab$Inner"));
        assertEquals(Optional.of(new WrapperClass("REPL.$JShell$7C", "")), WrapperNames.parse("REPL.$JShell$7C"));
        assertEquals(Optional.empty(), WrapperNames.parse("java.util.concurrent.CountDownLatch"));
    }
}
