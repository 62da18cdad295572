package jconcur.kernel.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A user VM does not outlive its kernel, even when the kernel JVM is killed with SIGKILL. */
class NoOrphanTest {

    @Test
    void theUserVmEndsWhenTheKernelIsKilled() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process kernel = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                OrphanProbe.class.getName()).redirectErrorStream(true).start();
        try {
            BufferedReader lines = new BufferedReader(new InputStreamReader(kernel.getInputStream(), StandardCharsets.UTF_8));
            long pid = -1;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("user-vm-pid ")) {
                    pid = Long.parseLong(line.substring("user-vm-pid ".length()).strip());
                    break;
                }
            }
            Optional<ProcessHandle> userVm = ProcessHandle.of(pid);
            assertTrue(userVm.isPresent() && userVm.get().isAlive(), "the user VM runs");
            kernel.destroyForcibly(); // SIGKILL: no shutdown hooks, no goodbye
            userVm.get().onExit().get(30, TimeUnit.SECONDS);
            assertTrue(!userVm.get().isAlive());
        } finally {
            kernel.destroyForcibly();
        }
    }
}
