package jconcur.kernel.uservm.magic;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;

/** Runs in the user VM for %jvm and %classpath: what the VM was started with, written as JSON for the kernel. */
public final class VmFacts {

    /** The VM's class path, its JVM options, its Java version. */
    public record Facts(List<String> classPath, List<String> jvmOptions, String javaVersion, String javaHome) {}

    private VmFacts() {}

    public static void write(String resultFile) throws IOException {
        String classPath = System.getProperty("java.class.path", "");
        Facts facts = new Facts(
                classPath.isEmpty() ? List.of() : List.of(classPath.split(java.io.File.pathSeparator)),
                ManagementFactory.getRuntimeMXBean().getInputArguments(),
                Runtime.version().toString(), System.getProperty("java.home"));
        new ObjectMapper().writeValue(Path.of(resultFile).toFile(), facts);
    }
}
