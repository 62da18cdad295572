package jconcur.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LauncherWatchTest {

    private static final ProcessHandle SELF = ProcessHandle.current();

    @Test
    void watchesTheProcessJupyterNames() throws Exception {
        Process named = new ProcessBuilder("sleep", "60").start();
        try {
            Optional<ProcessHandle> launcher = LauncherWatch.launcher(
                    Map.of(LauncherWatch.PARENT_PID_VARIABLE, Long.toString(named.pid())), SELF);
            assertEquals(Optional.of(named.pid()), launcher.map(ProcessHandle::pid));
        } finally {
            named.destroyForcibly();
        }
    }

    @Test
    void fallsBackToTheOwnParentWhenTheNamedPidIsUnusable() throws Exception {
        Process finished = new ProcessBuilder("true").start();
        finished.waitFor();
        Optional<Long> parent = SELF.parent().map(ProcessHandle::pid);
        for (String unusable : new String[] {"not a pid", "-4", "", Long.toString(finished.pid())}) {
            assertEquals(parent, LauncherWatch.launcher(Map.of(LauncherWatch.PARENT_PID_VARIABLE, unusable), SELF)
                    .map(ProcessHandle::pid), "JPY_PARENT_PID=" + unusable);
        }
        assertEquals(parent, LauncherWatch.launcher(Map.of(), SELF).map(ProcessHandle::pid));
    }

    @Test
    void reportsTheLauncherGoneSoonAfterItExits() throws Exception {
        Process launcher = new ProcessBuilder("sleep", "60").start();
        CountDownLatch gone = new CountDownLatch(1);
        LauncherWatch.start(launcher.toHandle(), gone::countDown);
        assertEquals(1, gone.getCount(), "reported gone while it runs");
        launcher.destroyForcibly().waitFor();
        long limit = LauncherWatch.PERIOD.plus(Duration.ofSeconds(10)).toMillis();
        assertTrue(gone.await(limit, TimeUnit.MILLISECONDS), "not reported within " + limit + " ms");
    }
}
