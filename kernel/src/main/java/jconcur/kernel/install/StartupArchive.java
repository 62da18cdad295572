package jconcur.kernel.install;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import jconcur.kernel.log.Log;

/**
 * The kernel JVM's startup archive, recorded by running {@code check} once against the installed jar: on JDK 25+
 * an AOT cache (JEP 483/514/515: classes loaded and linked ahead of time, one training run), before that a dynamic
 * CDS archive. Javac, Jackson and JeroMQ then come mapped from the archive instead of being loaded and verified
 * from the jar. A stamp next to the archive names the JDK, jar and JVM options it was made with; a kernel that
 * finds it stale records it again in the background for the next start. A stale or broken archive never stops a
 * kernel: the JVM then starts without it (its complaints are switched off in the options).
 */
public final class StartupArchive {

    /** The archive a JDK can record in one training run. */
    public enum Kind {
        AOT_CACHE("jconcur.aot", "-XX:AOTCacheOutput=", "-XX:AOTCache=", List.of("-Xlog:aot*=off", "-Xlog:cds*=off")),
        CDS("jconcur.jsa", "-XX:ArchiveClassesAtExit=", "-XX:SharedArchiveFile=", List.of("-Xlog:cds*=off"));

        final String fileName;
        private final String recordOption;
        private final String useOption;
        private final List<String> quiet;

        Kind(String fileName, String recordOption, String useOption, List<String> quiet) {
            this.fileName = fileName;
            this.recordOption = recordOption;
            this.useOption = useOption;
            this.quiet = quiet;
        }

        /** JDK 25 records an AOT cache in one run (-XX:AOTCacheOutput); JDK 21 to 24 a CDS archive. */
        public static Kind of(Runtime.Version jdk) {
            return jdk.feature() >= 25 ? AOT_CACHE : CDS;
        }

        /** The JVM options that use the archive at path. */
        public List<String> useOptions(Path archive) {
            List<String> options = new ArrayList<>(List.of(useOption + archive));
            options.addAll(quiet);
            return options;
        }

        List<String> recordOptions(Path archive) {
            return List.of(recordOption + archive);
        }

        /** Whether a JVM option is one of this kind's (using or quieting the archive). */
        boolean owns(String option) {
            return option.startsWith(useOption) || option.startsWith(recordOption) || quiet.contains(option);
        }
    }

    /**
     * What an archive was made with; an archive whose stamp differs from the running kernel's is stale. Of the JVM
     * options only the -XX: flags count (the collector, compact headers): sizes such as -Xmx256m, which
     * binder/cap_heaps.py adds after the install, do not change what the archive holds.
     */
    public record Stamp(String jdk, String jar, List<String> jvmFlags) {
        static final String FILE_NAME = "jconcur-archive.stamp";

        /** The stamp of a kernel JVM running this JDK from jar with these options (archive options left out). */
        public static Stamp of(Path jar, List<String> jvmOptions) throws IOException {
            return new Stamp(System.getProperty("java.home") + " " + System.getProperty("java.vm.version"),
                    jar.toAbsolutePath() + " " + Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis(),
                    jvmOptions.stream().filter(option -> option.startsWith("-XX:")).toList());
        }

        String text() {
            return "jdk=" + jdk + "\njar=" + jar + "\njvm-flags=" + String.join(" ", jvmFlags) + "\n";
        }

        /** The stamp in file, or empty if there is none or it cannot be read as one. */
        static Optional<Stamp> read(Path file) {
            try {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                if (lines.size() != 3 || !lines.get(0).startsWith("jdk=") || !lines.get(1).startsWith("jar=")
                        || !lines.get(2).startsWith("jvm-flags=")) {
                    return Optional.empty();
                }
                String flags = lines.get(2).substring("jvm-flags=".length());
                return Optional.of(new Stamp(lines.get(0).substring(4), lines.get(1).substring(4),
                        flags.isEmpty() ? List.of() : List.of(flags.split(" "))));
            } catch (IOException e) {
                return Optional.empty();
            }
        }
    }

    private static final long TIMEOUT_MINUTES = 3;

    private final Kind kind;

    public StartupArchive(Kind kind) {
        this.kind = kind;
    }

    /** The archive this JDK records. */
    public static StartupArchive forThisJdk() {
        return new StartupArchive(Kind.of(Runtime.version()));
    }

    public Kind kind() {
        return kind;
    }

    /**
     * Records the archive next to the installed jar, with its stamp. The running JVM must be the JDK that java
     * belongs to (the stamp names it).
     * @return the JVM options that use it, or empty (with the reason on stderr) if recording failed
     */
    public Optional<List<String>> record(Path kernelDir, Path java, List<String> kernelJvmOptions) {
        Path archive = kernelDir.resolve(kind.fileName).toAbsolutePath();
        Path jar = kernelDir.resolve(KernelspecInstaller.JAR_NAME).toAbsolutePath();
        removeLeftoversOfEndedRecorders(kernelDir);
        // Recorded under another name and moved into place, so that kernels starting meanwhile never map a
        // half-written file.
        String temporary = kind.fileName + "." + ProcessHandle.current().pid();
        Path recording = kernelDir.resolve(temporary + ".new").toAbsolutePath();
        Path log = kernelDir.resolve(temporary + ".log").toAbsolutePath();
        List<String> command = new ArrayList<>(List.of(java.toString()));
        command.addAll(kind.recordOptions(recording));
        command.addAll(kernelJvmOptions);
        command.addAll(List.of("-jar", jar.toString(), "check"));
        // Output to a file, not a pipe: a pipe nobody reads while waiting could fill and stall the run.
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().remove("JDK_JAVA_OPTIONS");
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        try {
            Process process = builder.start();
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return failed(recording, log, "the recording run did not finish in " + TIMEOUT_MINUTES + " minutes");
            }
            if (process.exitValue() != 0 || !Files.isRegularFile(recording) || Files.size(recording) == 0) {
                return failed(recording, log, "the recording run failed (exit " + process.exitValue() + "):\n"
                        + Files.readString(log, StandardCharsets.UTF_8).strip());
            }
            Files.move(recording, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.writeString(kernelDir.resolve(Stamp.FILE_NAME), Stamp.of(jar, kernelJvmOptions).text());
            Files.deleteIfExists(log);
            return Optional.of(kind.useOptions(archive));
        } catch (IOException e) {
            return failed(recording, log, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(recording, log, "interrupted");
        }
    }

    /**
     * Whether the archive in kernelDir was recorded by this JDK, from this jar, for these JVM options. Checked by
     * a starting kernel: the JVM itself only skips a mismatching archive, silently.
     */
    public boolean isCurrent(Path kernelDir, List<String> kernelJvmOptions) throws IOException {
        Path jar = kernelDir.resolve(KernelspecInstaller.JAR_NAME);
        return Files.isRegularFile(kernelDir.resolve(kind.fileName))
                && Stamp.read(kernelDir.resolve(Stamp.FILE_NAME)).equals(Optional.of(Stamp.of(jar, kernelJvmOptions)));
    }

    /** The JVM options of a kernel JVM without those of any startup archive: what a recording run needs. */
    public static List<String> withoutArchiveOptions(List<String> jvmOptions) {
        return jvmOptions.stream()
                .filter(option -> !Kind.AOT_CACHE.owns(option) && !Kind.CDS.owns(option))
                .toList();
    }

    /** The kind of startup archive these JVM options use, if any (the kernelspec was installed with one). */
    public static Optional<Kind> usedBy(List<String> jvmOptions) {
        for (Kind kind : Kind.values()) {
            if (jvmOptions.stream().anyMatch(option -> option.startsWith(kind.useOption))) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /**
     * Deletes the temporary files of recordings whose process has ended (a kernel killed while it refreshed its
     * archive leaves "jconcur.aot.PID.new" and its log behind); those of a live recorder are its own.
     */
    void removeLeftoversOfEndedRecorders(Path kernelDir) {
        Pattern leftover = Pattern.compile(Pattern.quote(kind.fileName) + "\\.(\\d+)\\.(new|new\\.config|log)");
        try (Stream<Path> files = Files.list(kernelDir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Matcher name = leftover.matcher(file.getFileName().toString());
                if (name.matches() && ProcessHandle.of(Long.parseLong(name.group(1))).isEmpty()) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException | NumberFormatException e) {
            Log.warn("cannot remove what earlier archive recordings left in %s: %s", kernelDir, e);
        }
    }

    private static Optional<List<String>> failed(Path recording, Path log, String reason) {
        try {
            Files.deleteIfExists(recording);
            Files.deleteIfExists(Path.of(recording + ".config")); // the AOT training's, if it stopped half-way
            Files.deleteIfExists(log);
        } catch (IOException e) {
            // nothing was recorded worth keeping either way
        }
        Log.warn("no startup archive (the kernel works, it only starts slower): %s", reason);
        return Optional.empty();
    }
}
