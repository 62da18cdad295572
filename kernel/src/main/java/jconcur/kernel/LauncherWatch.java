package jconcur.kernel;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import jconcur.kernel.log.Log;

/**
 * Shuts the kernel down when the process that launched it is gone, whatever killed it: a crashed Jupyter
 * server, a closed terminal running {@code jupyter console}, an OOM-killed JupyterHub single-user server.
 * Without this, the kernel JVM and its user VM would live on, reparented to init, until killed by hand.
 *
 * <p>The launcher is the process jupyter_client names in {@code JPY_PARENT_PID} (the server, nbclient,
 * the console), else the kernel's own parent, so a kernel started by hand from a shell lives as long as that
 * shell. The JDK offers no exit event for a process that is not our child ({@link ProcessHandle#onExit()}
 * polls such processes itself, backing off to 5 s), so a daemon thread checks once a {@link #PERIOD}.
 */
final class LauncherWatch {

    /** How often the launcher is checked: the kernel is gone within this plus its shutdown time. */
    static final Duration PERIOD = Duration.ofMillis(500);

    /** The variable jupyter_client sets to the pid of the process that launched the kernel. */
    static final String PARENT_PID_VARIABLE = "JPY_PARENT_PID";

    private LauncherWatch() {}

    /**
     * The process to watch: {@code JPY_PARENT_PID}'s when it names a live process, else {@code self}'s parent;
     * empty when there is nothing worth watching (no parent, or the parent is init, which never exits).
     */
    static Optional<ProcessHandle> launcher(Map<String, String> env, ProcessHandle self) {
        String named = env.get(PARENT_PID_VARIABLE);
        if (named != null && !named.isBlank()) {
            Optional<ProcessHandle> launcher = parsePid(named).flatMap(ProcessHandle::of);
            if (launcher.isPresent()) {
                return launcher;
            }
            Log.warn("%s=%s names no running process: watching the kernel's own parent instead",
                    PARENT_PID_VARIABLE, named);
        }
        return self.parent().filter(parent -> parent.pid() != 1);
    }

    /** Runs {@code onGone} once, on a daemon thread, as soon as {@code launcher} has exited. */
    static void start(ProcessHandle launcher, Runnable onGone) {
        Thread.ofPlatform().daemon().name("jconcur-launcher-watch").start(() -> {
            try {
                // isAlive also compares the start time, so a recycled pid does not count as the launcher.
                while (launcher.isAlive()) {
                    Thread.sleep(PERIOD);
                }
                Log.warn("the process that launched the kernel (pid %d) is gone: shutting down", launcher.pid());
                onGone.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private static Optional<Long> parsePid(String text) {
        try {
            long pid = Long.parseLong(text.strip());
            return pid > 0 ? Optional.of(pid) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
