package jconcur.kernel.install;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import jconcur.kernel.log.Log;

/**
 * A CDS archive of the classes a kernel JVM loads (Jackson, JeroMQ, the protocol layer, javac for JShell),
 * recorded by running {@code check} once against the installed jar. Mapping the archive instead of loading and
 * verifying classes from the 13 MB jar roughly halves the time to kernel_info_reply and speeds up the first
 * cells. If the JDK or jar later change, the JVM ignores the stale archive and starts normally.
 */
public final class StartupArchive {

    static final String FILE_NAME = "jconcur.jsa";
    private static final long TIMEOUT_MINUTES = 3;

    /**
     * Records the archive next to the installed jar.
     * @return the JVM options that use it, or empty (with the reason on stderr) if recording failed
     */
    public Optional<List<String>> record(Path kernelDir, Path java, List<String> kernelJvmOptions) {
        Path archive = kernelDir.resolve(FILE_NAME).toAbsolutePath();
        Path jar = kernelDir.resolve(KernelspecInstaller.JAR_NAME).toAbsolutePath();
        List<String> command = new ArrayList<>(List.of(java.toString(), "-XX:ArchiveClassesAtExit=" + archive));
        command.addAll(kernelJvmOptions);
        command.addAll(List.of("-jar", jar.toString(), "check"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("JDK_JAVA_OPTIONS");
        try {
            Process process = builder.start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return failed(archive, "the recording run did not finish in " + TIMEOUT_MINUTES + " minutes");
            }
            if (process.exitValue() != 0 || !Files.isRegularFile(archive)) {
                return failed(archive, "the recording run failed (exit " + process.exitValue() + "):\n"
                        + new String(output, StandardCharsets.UTF_8).strip());
            }
            // A stale archive (JDK or jar replaced) is skipped by the JVM; -Xlog keeps that out of the kernel's log.
            return Optional.of(List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds*=off"));
        } catch (IOException e) {
            return failed(archive, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(archive, "interrupted");
        }
    }

    private static Optional<List<String>> failed(Path archive, String reason) {
        try {
            Files.deleteIfExists(archive);
        } catch (IOException e) {
            // nothing was recorded worth keeping either way
        }
        Log.warn("no startup archive (the kernel works, it only starts slower): %s", reason);
        return Optional.empty();
    }
}
