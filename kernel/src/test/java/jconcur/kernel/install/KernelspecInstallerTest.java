package jconcur.kernel.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import jconcur.kernel.engine.UserVmOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelspecInstallerTest {

    @TempDir
    Path dir;

    private Path fakeJar(String content) throws IOException {
        return Files.writeString(dir.resolve("built.jar"), content);
    }

    @Test
    void writesKernelJsonLogosAndACopyOfTheJar() throws IOException {
        Path kernels = dir.resolve("prefix/share/jupyter/kernels");
        Path java = Path.of("/opt/jdk/bin/java");
        Path installed = new KernelspecInstaller().install(kernels, fakeJar("jar v1"), java, false, false);

        assertEquals(kernels.resolve("jconcur"), installed);
        assertEquals("jar v1", Files.readString(installed.resolve("jconcur-kernel.jar")));
        for (String logo : List.of("logo-64x64.png", "logo-32x32.png", "logo-svg.svg")) {
            assertTrue(Files.size(installed.resolve(logo)) > 100, logo);
        }
        JsonNode spec = new ObjectMapper().readTree(installed.resolve("kernel.json").toFile());
        List<String> argv = new ArrayList<>(List.of("/opt/jdk/bin/java"));
        argv.addAll(KernelspecInstaller.DEFAULT_KERNEL_JVM_OPTS);
        argv.addAll(List.of("-jar", installed.resolve("jconcur-kernel.jar").toString(), "kernel", "{connection_file}"));
        assertEquals(argv, new ObjectMapper().convertValue(spec.get("argv"), List.class));
        assertEquals("Java (jconcur)", spec.path("display_name").asText());
        assertEquals("java", spec.path("language").asText());
        assertEquals("message", spec.path("interrupt_mode").asText());
        assertTrue(spec.path("env").path("JCONCUR_USER_VM_OPTS").asText().contains("-ea"));
        assertFalse(spec.path("env").has("JDK_JAVA_OPTIONS"), "children of the kernel must not inherit its options");
        assertTrue(spec.path("metadata").path("debugger").asBoolean(false), "JupyterLab shows its debugger for it");
        try (Stream<Path> left = Files.list(kernels)) {
            assertEquals(List.of(installed), left.toList(), "no staging directories are left behind");
        }
    }

    @Test
    void jvmOptionsThatJdk21DoesNotKnowAreOnlyUsedFrom25() {
        List<String> jdk21 = KernelspecInstaller.defaultKernelJvmOptions(Runtime.Version.parse("21.0.5"));
        List<String> jdk25 = KernelspecInstaller.defaultKernelJvmOptions(Runtime.Version.parse("25.0.3"));
        List<String> trim = UserVmOptions.nativeHeapTrim(Runtime.Version.parse("21.0.5"), System.getProperty("os.name"));
        List<String> expected21 = new ArrayList<>(List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xms8m",
                "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30"));
        expected21.addAll(trim);
        assertEquals(expected21, jdk21);
        assertEquals(jdk21, jdk25.subList(0, jdk21.size()));
        assertEquals(List.of("-XX:UserThreadWaitAttemptsAtExit=0", "-XX:+UseCompactObjectHeaders"),
                jdk25.subList(jdk21.size(), jdk25.size()));
        assertEquals(List.of("-XX:UserThreadWaitAttemptsAtExit=0"),
                KernelspecInstaller.defaultKernelJvmOptions(Runtime.Version.parse("22")).subList(jdk21.size(), jdk21.size() + 1));
    }

    @Test
    void refusesToOverwriteUnlessAskedToReplace() throws IOException {
        Path kernels = dir.resolve("kernels");
        KernelspecInstaller installer = new KernelspecInstaller();
        installer.install(kernels, fakeJar("jar v1"), Path.of("java"), false, false);
        var e = assertThrows(InstallException.class,
                () -> installer.install(kernels, fakeJar("jar v2"), Path.of("java"), false, false));
        assertTrue(e.getMessage().contains("--replace"));
        assertEquals("jar v1", Files.readString(kernels.resolve("jconcur/jconcur-kernel.jar")));

        Files.writeString(kernels.resolve("jconcur/stale.txt"), "old");
        installer.install(kernels, fakeJar("jar v2"), Path.of("java"), true, false);
        assertEquals("jar v2", Files.readString(kernels.resolve("jconcur/jconcur-kernel.jar")));
        assertFalse(Files.exists(kernels.resolve("jconcur/stale.txt")));
    }

    @Test
    void reinstallingFromTheInstalledJarItselfWorks() throws IOException {
        Path kernels = dir.resolve("kernels");
        KernelspecInstaller installer = new KernelspecInstaller();
        Path installed = installer.install(kernels, fakeJar("jar v1"), Path.of("java"), false, false);
        installer.install(kernels, installed.resolve("jconcur-kernel.jar"), Path.of("java"), true, false);
        assertEquals("jar v1", Files.readString(kernels.resolve("jconcur/jconcur-kernel.jar")));
    }

    @Test
    void aMissingJarIsReported() {
        var e = assertThrows(InstallException.class, () ->
                new KernelspecInstaller().install(dir.resolve("k"), dir.resolve("nope.jar"), Path.of("java"), false, false));
        assertTrue(e.getMessage().contains("does not exist"));
    }

    @Test
    void optionsChooseTheTargetDirectory() {
        JupyterPaths paths = new JupyterPaths(Map.of("JUPYTER_DATA_DIR", "/data/jup", "JCONCUR_SYS_PREFIX", "/env"));
        assertEquals(Path.of("/data/jup/kernels"), InstallOptions.parse(List.of()).kernelsDir(paths));
        assertEquals(Path.of("/data/jup/kernels"), InstallOptions.parse(List.of("--user")).kernelsDir(paths));
        assertEquals(Path.of("/env/share/jupyter/kernels"), InstallOptions.parse(List.of("--sys-prefix")).kernelsDir(paths));
        assertEquals(Path.of("/p/share/jupyter/kernels"), InstallOptions.parse(List.of("--prefix", "/p")).kernelsDir(paths));
        assertEquals(Path.of("/p/share/jupyter/kernels"), InstallOptions.parse(List.of("--prefix=/p")).kernelsDir(paths));
        assertTrue(InstallOptions.parse(List.of("--replace", "--user")).replace());
    }

    @Test
    void badOptionsAreUsageErrors() {
        assertUsage(List.of("--prefix"), "--prefix needs a directory");
        assertUsage(List.of("--prefix", "--replace"), "--prefix needs a directory");
        assertUsage(List.of("--user", "--sys-prefix"), "cannot be combined");
        assertUsage(List.of("--global"), "unknown install option '--global'");
    }

    private static void assertUsage(List<String> args, String expected) {
        var e = assertThrows(InstallException.class, () -> InstallOptions.parse(args));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void dataDirFollowsJupyterCore() {
        assertEquals(Path.of("/d"), new JupyterPaths(Map.of("JUPYTER_DATA_DIR", "/d", "XDG_DATA_HOME", "/x")).dataDir());
        if (System.getProperty("os.name").startsWith("Linux")) {
            assertEquals(Path.of("/x/jupyter"), new JupyterPaths(Map.of("XDG_DATA_HOME", "/x")).dataDir());
            assertEquals(Path.of(System.getProperty("user.home"), ".local/share/jupyter"),
                    new JupyterPaths(Map.of()).dataDir());
        }
    }

    @Test
    void sysPrefixCanBeGivenExplicitly() {
        assertEquals(Path.of("/venv"), new JupyterPaths(Map.of("JCONCUR_SYS_PREFIX", "/venv")).sysPrefix());
    }
}
