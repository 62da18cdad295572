package jconcur.kernel.install;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import jconcur.kernel.engine.UserVmOptions;
import jconcur.kernel.log.Log;

/**
 * Writes the jconcur kernelspec: kernel.json, the logos and a copy of the kernel jar, so that the installed
 * kernel keeps working when the build directory changes. The new kernelspec is assembled next to the old one
 * and swapped in, so a failed install never leaves a half-written kernelspec behind.
 */
public final class KernelspecInstaller {

    public static final String NAME = "jconcur";
    public static final String DISPLAY_NAME = "Java (jconcur)";
    public static final String JAR_NAME = "jconcur-kernel.jar";
    /** User VM options written into kernel.json for users to edit: the engine's defaults. */
    public static final String DEFAULT_USER_VM_OPTS = String.join(" ", UserVmOptions.DEFAULTS);
    /**
     * Kernel JVM options, in kernel.json's argv between java and -jar: there only the kernel JVM sees them (an
     * environment variable such as JDK_JAVA_OPTIONS would be inherited by every java started from a cell and
     * print "Picked up ..." each time). The kernel JVM routes messages and runs JShell's compiler
     * (javac) for every cell: C1-only compilation makes javac fast after a few cells instead of after hundreds
     * (C2 competes for the CPU with the user's code), and the serial collector keeps the kernel off other cores.
     * Its heap starts small and is kept at most 30 % free: without that the serial collector sizes the young
     * generation from the machine's memory, and javac's garbage alone made an idle kernel JVM 220 MB resident
     * (now about 120 MB). On JDK 25+ compact object headers (JEP 519) shrink javac's many small objects.
     */
    public static final List<String> DEFAULT_KERNEL_JVM_OPTS = defaultKernelJvmOptions(Runtime.version());
    static final List<String> LOGOS = List.of("logo-64x64.png", "logo-32x32.png", "logo-svg.svg");

    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * Installs into kernelsDir/jconcur and returns that directory.
     * @param recordArchive also record the startup class archive (runs the installed kernel once)
     */
    public Path install(Path kernelsDir, Path kernelJar, Path java, boolean replace, boolean recordArchive) {
        Path target = kernelsDir.resolve(NAME);
        if (Files.exists(target) && !replace) {
            throw new InstallException("a jconcur kernelspec already exists in " + target + "; add --replace to replace it");
        }
        if (!Files.isRegularFile(kernelJar)) {
            throw new InstallException("the kernel jar " + kernelJar + " does not exist");
        }
        Path staging = null;
        try {
            Files.createDirectories(kernelsDir);
            // '~' is not valid in a kernel name, so Jupyter never lists the staging directory as a kernel.
            staging = Files.createTempDirectory(kernelsDir, NAME + "~new");
            makeReadableByAll(staging);
            Files.copy(kernelJar, staging.resolve(JAR_NAME), StandardCopyOption.REPLACE_EXISTING);
            for (String logo : LOGOS) {
                copyResource(logo, staging.resolve(logo));
            }
            json.writeValue(staging.resolve("kernel.json").toFile(), kernelJson(target, java, DEFAULT_KERNEL_JVM_OPTS));
            swapIn(staging, target);
            staging = null;
            if (recordArchive) {
                // Recorded against the final jar path: the JVM checks that the archive's class path matches.
                Optional<List<String>> archive = StartupArchive.forThisJdk().record(target, java, DEFAULT_KERNEL_JVM_OPTS);
                if (archive.isPresent()) {
                    List<String> options = new ArrayList<>(DEFAULT_KERNEL_JVM_OPTS);
                    options.addAll(archive.get());
                    json.writeValue(target.resolve("kernel.json").toFile(), kernelJson(target, java, options));
                }
            }
            return target;
        } catch (IOException e) {
            throw new InstallException("cannot write the kernelspec in " + kernelsDir + ": " + e, e);
        } finally {
            if (staging != null) {
                deleteTree(staging);
            }
        }
    }

    static List<String> defaultKernelJvmOptions(Runtime.Version jdk) {
        List<String> options = new ArrayList<>(List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xms8m",
                "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30"));
        options.addAll(UserVmOptions.nativeHeapTrim(jdk, System.getProperty("os.name")));
        if (jdk.feature() >= 22) {
            // A JVM exiting waits up to 300 ms for threads blocked in native code (here: socket reads) by default;
            // a restart waited for that, although those threads touch nothing the exit tears down.
            options.add("-XX:UserThreadWaitAttemptsAtExit=0");
        }
        if (jdk.feature() >= 25) {
            options.add("-XX:+UseCompactObjectHeaders");
        }
        return List.copyOf(options);
    }

    /** kernel.json for a kernelspec in kernelDir, run by the given java with the given kernel JVM options. */
    public ObjectNode kernelJson(Path kernelDir, Path java, List<String> kernelJvmOptions) {
        ObjectNode spec = json.createObjectNode();
        ArrayNode argv = spec.putArray("argv").add(java.toAbsolutePath().toString());
        kernelJvmOptions.forEach(argv::add);
        argv.add("-jar")
                .add(kernelDir.resolve(JAR_NAME).toAbsolutePath().toString())
                .add("kernel")
                .add("{connection_file}");
        spec.put("display_name", DISPLAY_NAME);
        spec.put("language", "java");
        spec.put("interrupt_mode", "message");
        ObjectNode env = spec.putObject("env");
        env.put("JCONCUR_USER_VM_OPTS", DEFAULT_USER_VM_OPTS);
        ObjectNode metadata = spec.putObject("metadata");
        // JupyterLab shows its debugger panel for kernels whose spec says so.
        metadata.put("debugger", true);
        metadata.putObject("jconcur")
                .put("java_version", System.getProperty("java.version"))
                .put("java_home", System.getProperty("java.home"));
        return spec;
    }

    private static void swapIn(Path staging, Path target) throws IOException {
        Path old = null;
        if (Files.exists(target)) {
            old = Files.createTempDirectory(target.getParent(), NAME + "~old");
            Files.delete(old);
            Files.move(target, old);
        }
        Files.move(staging, target);
        if (old != null) {
            deleteTree(old);
        }
    }

    /** Temp directories are private; a kernelspec in a shared prefix must be usable by every user. */
    private static void makeReadableByAll(Path dir) throws IOException {
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    private static void copyResource(String name, Path destination) throws IOException {
        try (InputStream in = KernelspecInstaller.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("resource " + name + " is missing from the kernel jar");
            }
            Files.copy(in, destination, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException | UncheckedIOException e) {
            Log.warn("could not remove %s: %s", root, e);
        }
    }
}
