package jconcur.kernel.install;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import jconcur.kernel.log.Log;

/**
 * A kernel started from an installed kernelspec whose startup archive is stale (the JDK was updated in place, the
 * kernel JVM's -XX: flags were edited) records it again, once, in the background, so that the next kernel starts
 * fast again. Waits a while first: the recording takes a few seconds of CPU, which the first cells and their
 * timings should not share.
 */
public final class ArchiveRefresh {

    private static final long DELAY_SECONDS = 60;

    private ArchiveRefresh() {}

    /** Starts the check (and the recording, if the archive is stale) on a daemon thread; returns at once. */
    public static void startIfStale(Path kernelJar, Path java) {
        Thread thread = new Thread(() -> refreshIfStale(kernelJar, java), "jconcur-archive-refresh");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    private static void refreshIfStale(Path kernelJar, Path java) {
        Path kernelDir = kernelJar.toAbsolutePath().getParent();
        List<String> jvmOptions = jvmOptions();
        Optional<StartupArchive.Kind> kind = StartupArchive.usedBy(jvmOptions);
        if (kind.isEmpty() || !Files.isRegularFile(kernelDir.resolve("kernel.json"))) {
            return; // not an installed kernelspec with an archive (tests, a kernel started by hand)
        }
        List<String> recordingOptions = StartupArchive.withoutArchiveOptions(jvmOptions);
        // The kind kernel.json names (the archive file it maps), whatever this JDK would record by itself.
        StartupArchive archive = new StartupArchive(kind.get());
        try {
            if (archive.isCurrent(kernelDir, recordingOptions)) {
                return;
            }
            if (!Files.isWritable(kernelDir)) {
                Log.warn("the startup archive in %s is stale (made by another JDK or for other JVM flags) and this "
                        + "user cannot rewrite it: install the kernel again to make start-up fast again", kernelDir);
                return;
            }
            Log.info("the startup archive is stale (made by another JDK, from another jar or for other JVM flags): "
                    + "recording it again in %d s, for the next kernel", DELAY_SECONDS);
            TimeUnit.SECONDS.sleep(DELAY_SECONDS);
            if (archive.record(kernelDir, java, recordingOptions).isPresent()) {
                Log.info("startup archive recorded again in %s", kernelDir);
            }
        } catch (IOException e) {
            Log.warn("could not check the startup archive in %s: %s", kernelDir, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The kernel JVM's options: its command line between java and -jar (kernel.json's argv). */
    private static List<String> jvmOptions() {
        List<String> arguments = List.of(ProcessHandle.current().info().arguments().orElse(new String[0]));
        int jar = arguments.indexOf("-jar");
        return jar < 0 ? List.of() : arguments.subList(0, jar);
    }
}
