package jconcur.kernel.magic;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Tries JVM options with {@code java OPTIONS -version} of the Java that runs the user VM, so that %jvm can
 * refuse options the JVM rejects before it replaces a working user VM.
 */
final class JvmOptionsCheck {

    private JvmOptionsCheck() {}

    /** Null when the JVM starts with the options, else what it said. */
    static String problem(List<String> options) throws MagicFailedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options);
        command.add("-version");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return "java -version did not finish with these options";
            }
            return process.exitValue() == 0 ? null : new String(output, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "cannot run java: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw MagicContext.interrupted();
        }
    }
}
