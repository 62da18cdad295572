package jconcur.kernel.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import jconcur.kernel.install.StartupArchive.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartupArchiveTest {

    private static final List<String> OPTIONS = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    @TempDir
    Path dir;

    @Test
    void jdk25RecordsAnAotCacheOlderJdksACdsArchive() {
        assertEquals(Kind.CDS, Kind.of(Runtime.Version.parse("21.0.5")));
        assertEquals(Kind.CDS, Kind.of(Runtime.Version.parse("24")));
        assertEquals(Kind.AOT_CACHE, Kind.of(Runtime.Version.parse("25.0.3")));
        assertEquals(Kind.AOT_CACHE, Kind.of(Runtime.Version.parse("26")));
        assertEquals(List.of("-XX:AOTCache=/k/jconcur.aot", "-Xlog:aot*=off", "-Xlog:cds*=off"),
                Kind.AOT_CACHE.useOptions(Path.of("/k/jconcur.aot")));
        assertEquals(List.of("-XX:SharedArchiveFile=/k/jconcur.jsa", "-Xlog:cds*=off"),
                Kind.CDS.useOptions(Path.of("/k/jconcur.jsa")));
    }

    @Test
    void archiveOptionsAreToldApartFromTheOthers() {
        List<String> withAot = List.of("-XX:+UseSerialGC", "-XX:AOTCache=/k/jconcur.aot", "-Xlog:aot*=off",
                "-Xlog:cds*=off", "-Xmx256m");
        List<String> withCds = List.of("-XX:SharedArchiveFile=/k/jconcur.jsa", "-Xlog:cds*=off", "-Xss1m");
        assertEquals(List.of("-XX:+UseSerialGC", "-Xmx256m"), StartupArchive.withoutArchiveOptions(withAot));
        assertEquals(List.of("-Xss1m"), StartupArchive.withoutArchiveOptions(withCds));
        assertEquals(Optional.of(Kind.AOT_CACHE), StartupArchive.usedBy(withAot));
        assertEquals(Optional.of(Kind.CDS), StartupArchive.usedBy(withCds));
        assertEquals(Optional.empty(), StartupArchive.usedBy(OPTIONS));
    }

    @Test
    void anArchiveIsCurrentOnlyForTheJdkJarAndOptionsOfItsStamp() throws IOException {
        Path jar = Files.writeString(dir.resolve(KernelspecInstaller.JAR_NAME), "jar v1");
        StartupArchive archive = StartupArchive.forThisJdk();
        assertFalse(archive.isCurrent(dir, OPTIONS), "no archive");

        Files.writeString(dir.resolve(archive.kind().fileName), "archive");
        assertFalse(archive.isCurrent(dir, OPTIONS), "no stamp");
        Files.writeString(dir.resolve(StartupArchive.Stamp.FILE_NAME), "jdk=x\n");
        assertFalse(archive.isCurrent(dir, OPTIONS), "a stamp that is not one");

        StartupArchive.Stamp stamp = StartupArchive.Stamp.of(jar, OPTIONS);
        Files.writeString(dir.resolve(StartupArchive.Stamp.FILE_NAME), stamp.text());
        assertEquals(Optional.of(stamp), StartupArchive.Stamp.read(dir.resolve(StartupArchive.Stamp.FILE_NAME)));
        assertTrue(archive.isCurrent(dir, OPTIONS));
        assertFalse(archive.isCurrent(dir, List.of("-XX:+UseSerialGC")), "other JVM flags");
        List<String> withHeapCap = new ArrayList<>(OPTIONS);
        withHeapCap.add("-Xmx256m");
        assertTrue(archive.isCurrent(dir, withHeapCap), "a heap size does not change what the archive holds");

        Files.writeString(dir.resolve(StartupArchive.Stamp.FILE_NAME), new StartupArchive.Stamp("/other/jdk 25.0.1+9",
                stamp.jar(), stamp.jvmFlags()).text());
        assertFalse(archive.isCurrent(dir, OPTIONS), "made by another JDK");

        Files.writeString(dir.resolve(StartupArchive.Stamp.FILE_NAME), stamp.text());
        Files.writeString(jar, "jar v2, replaced");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 5000));
        assertFalse(archive.isCurrent(dir, OPTIONS), "made from another jar");
    }

    @Test
    void recordsAWorkingArchiveOfThisJdkWithItsStamp() throws IOException {
        helloJar(dir.resolve(KernelspecInstaller.JAR_NAME));
        StartupArchive archive = StartupArchive.forThisJdk();

        Optional<List<String>> options = archive.record(dir, JAVA, OPTIONS);

        Path recorded = dir.resolve(archive.kind().fileName).toAbsolutePath();
        assertEquals(Optional.of(archive.kind().useOptions(recorded)), options);
        assertTrue(Files.size(recorded) > 0);
        assertTrue(archive.isCurrent(dir, OPTIONS));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(StartupArchive.Stamp.FILE_NAME, KernelspecInstaller.JAR_NAME, archive.kind().fileName).stream().sorted().toList(),
                    files.map(p -> p.getFileName().toString()).sorted().toList(), "no temporary files left");
        }
        // The JVM maps it: a run with the archive loads the jar's class from it.
        Process run = new ProcessBuilder(Stream.of(List.of(JAVA.toString()), OPTIONS, options.get(),
                List.of("-Xlog:class+load", "-jar", dir.resolve(KernelspecInstaller.JAR_NAME).toString(), "check"))
                .flatMap(List::stream).toList()).redirectErrorStream(true).start();
        String log = new String(run.getInputStream().readAllBytes());
        assertTrue(log.lines().anyMatch(line -> line.contains("Hello source: shared objects file")), log);
    }

    @Test
    void aFailedRecordingLeavesNothingBehindAndSaysWhy() throws IOException {
        Files.writeString(dir.resolve(KernelspecInstaller.JAR_NAME), "not a jar");
        StartupArchive archive = StartupArchive.forThisJdk();

        assertEquals(Optional.empty(), archive.record(dir, JAVA, OPTIONS));

        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(KernelspecInstaller.JAR_NAME), files.map(p -> p.getFileName().toString()).toList());
        }
        assertFalse(archive.isCurrent(dir, OPTIONS));
    }

    @Test
    void aRecordingRemovesWhatEndedRecordersLeftButNotWhatALiveOneIsWriting() throws IOException, InterruptedException {
        StartupArchive archive = StartupArchive.forThisJdk();
        String name = archive.kind().fileName;
        Process ended = new ProcessBuilder(JAVA.toString(), "-version").start();
        ended.waitFor();
        long live = ProcessHandle.current().pid();
        List<String> left = List.of(name + "." + ended.pid() + ".new", name + "." + ended.pid() + ".new.config",
                name + "." + ended.pid() + ".log");
        List<String> kept = List.of(name + "." + live + ".new", name, "other." + ended.pid() + ".new");
        for (String file : Stream.concat(left.stream(), kept.stream()).toList()) {
            Files.writeString(dir.resolve(file), "x");
        }

        archive.removeLeftoversOfEndedRecorders(dir);

        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(kept.stream().sorted().toList(), files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    /** A jar whose main class Hello does nothing: a real program for a real recording run. */
    private void helloJar(Path jar) throws IOException {
        Path source = Files.writeString(dir.resolve("Hello.java"),
                "public class Hello { public static void main(String[] args) { System.out.println(\"hello\"); } }");
        Path classes = Files.createDirectories(dir.resolve("classes"));
        int status = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(), source.toString());
        assertEquals(0, status);
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "Hello");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out, manifest)) {
            jarOut.putNextEntry(new JarEntry("Hello.class"));
            jarOut.write(Files.readAllBytes(classes.resolve("Hello.class")));
            jarOut.closeEntry();
        }
        Files.delete(source);
        Files.delete(classes.resolve("Hello.class"));
        Files.delete(classes);
    }
}
