package jconcur.concurrency.names;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.management.LockInfo;
import org.junit.jupiter.api.Test;

class LockNamesTest {

    @Test
    void aLockIsNamedByItsShortClassNameAndIdentityHash() {
        assertEquals("ReentrantLock$NonfairSync@1b6d3586",
                LockNames.of(new LockInfo("java.util.concurrent.locks.ReentrantLock$NonfairSync", 0x1b6d3586)));
        assertEquals("Object@2e", LockNames.of(new LockInfo("java.lang.Object", 0x2e)));
    }

    @Test
    void aNotebookClassLosesJShellsWrapper() {
        assertEquals("Bank$Account@7a", LockNames.of(new LockInfo("REPL.$JShell$12$Bank$Account", 0x7a)));
    }

    @Test
    void noLockIsAQuestionMark() {
        assertEquals("?", LockNames.of(null));
    }
}
