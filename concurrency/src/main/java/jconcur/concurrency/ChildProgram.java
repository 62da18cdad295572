package jconcur.concurrency;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * A Java program run in child JVMs: real OS processes for multiprocessing demos. Classes defined in a
 * notebook are not on any class path, so the child's code is given as source text; it is compiled once
 * (to a temporary directory) and every run starts {@code java -cp <that dir>:<this VM's class path> Main args}.
 * The child can use the jconcur helpers and XChart, which are on this VM's class path.
 * <pre>{@code
 * var child = childProgram("""
 *     public class CountPrimes {
 *         public static void main(String[] args) {
 *             long from = Long.parseLong(args[0]), to = Long.parseLong(args[1]);
 *             System.out.println(java.util.stream.LongStream.range(from, to).filter(CountPrimes::isPrime).count());
 *         }
 *         static boolean isPrime(long x) { ... }
 *     }
 *     """);
 * ChildRun one = child.run("0", "1000000");               // one process; one.output() is "78498"
 * List<ChildRun> all = child.runAll(List.of(List.of("0", "500000"), List.of("500000", "1000000")));
 * long total = all.stream().mapToLong(r -> Long.parseLong(r.output())).sum();   // two processes at once
 * }</pre>
 * A child that exits with a non-zero code or outlives the time-out (default 2 minutes; it is then killed)
 * throws a {@link ChildProcessException} with the end of its standard error.
 */
public final class ChildProgram {

    private static final Pattern CLASS_NAME = Pattern.compile("(?m)^\\s*(?:public\\s+)?(?:final\\s+)?class\\s+(\\w+)");

    private final String mainClass;
    private final Path directory;
    private final List<String> jvmOptions;
    private final Duration timeout;

    private ChildProgram(String mainClass, Path directory, List<String> jvmOptions, Duration timeout) {
        this.mainClass = mainClass;
        this.directory = directory;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.timeout = timeout;
    }

    /**
     * Compiles a program. Its main class is the first top-level class declared in the source (give it a
     * {@code public static void main(String[] args)}).
     *
     * @param source the Java source of one compilation unit (imports allowed)
     * @return the program, ready to run
     * @throws ChildProcessException when the source does not compile (the message has the errors)
     */
    public static ChildProgram compile(String source) {
        Matcher m = CLASS_NAME.matcher(source);
        if (!m.find()) {
            throw new IllegalArgumentException("the child program's source declares no class");
        }
        String mainClass = m.group(1);
        try {
            Path dir = Files.createTempDirectory("jconcur-child-");
            dir.toFile().deleteOnExit();
            Path file = dir.resolve(mainClass + ".java");
            Files.writeString(file, source);
            file.toFile().deleteOnExit();
            JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
            if (compiler == null) {
                throw new ChildProcessException("no Java compiler in this runtime (a JDK is needed, not a JRE)");
            }
            ByteArrayOutputStream errors = new ByteArrayOutputStream();
            int status = compiler.run(null, errors, errors, "-d", dir.toString(), "-cp", classPath(dir),
                    "-proc:none", file.toString());
            if (status != 0) {
                throw new ChildProcessException("the child program does not compile:\n"
                        + errors.toString(StandardCharsets.UTF_8));
            }
            try (var classes = Files.list(dir)) {
                classes.forEach(p -> p.toFile().deleteOnExit());
            }
            return new ChildProgram(mainClass, dir, List.of(), Duration.ofMinutes(2));
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the child program", e);
        }
    }

    /**
     * A copy that starts its JVMs with these options, e.g. {@code "-Xmx256m"} or {@code "-XX:+UseSerialGC"}.
     *
     * @param options JVM options
     * @return the configured copy
     */
    public ChildProgram jvmOptions(String... options) {
        return new ChildProgram(mainClass, directory, Arrays.asList(options), timeout);
    }

    /**
     * A copy with another time-out per child (after which the child is killed).
     *
     * @param timeout positive duration
     * @return the configured copy
     */
    public ChildProgram timeout(Duration timeout) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the time-out must be positive, got " + timeout);
        }
        return new ChildProgram(mainClass, directory, jvmOptions, timeout);
    }

    /**
     * The main class's name.
     *
     * @return e.g. "CountPrimes"
     */
    public String mainClass() {
        return mainClass;
    }

    /**
     * Runs one child JVM and waits for it.
     *
     * @param args program arguments
     * @return its output, exit code, pid and run time
     * @throws ChildProcessException when it exits with a non-zero code or runs past the time-out
     */
    public ChildRun run(String... args) {
        return run(List.of(args), "");
    }

    /**
     * Runs one child JVM with text on its standard input and waits for it.
     *
     * @param args  program arguments
     * @param stdin text written to its standard input (then closed)
     * @return its output, exit code, pid and run time
     */
    public ChildRun run(List<String> args, String stdin) {
        return await(start(args, stdin));
    }

    /**
     * Runs one child JVM per argument list, all at the same time, and waits for all of them.
     *
     * @param argsPerChild one argument list per child
     * @return the runs, in the order of the argument lists
     * @throws ChildProcessException when any child fails (the others are killed)
     */
    public List<ChildRun> runAll(List<List<String>> argsPerChild) {
        List<Started> started = new ArrayList<>();
        try {
            for (List<String> args : argsPerChild) {
                started.add(start(args, ""));
            }
            List<ChildRun> runs = new ArrayList<>();
            for (Started child : started) {
                runs.add(await(child));
            }
            return runs;
        } finally {
            started.forEach(s -> s.process.destroyForcibly());
        }
    }

    private record Started(List<String> args, Process process, long start, CompletableFuture<String> out,
                           CompletableFuture<String> err) {
    }

    private Started start(List<String> args, String stdin) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classPath(directory));
        command.add(mainClass);
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command);
        // Options meant for this VM (JDK_JAVA_OPTIONS) must not leak into the children.
        builder.environment().remove("JDK_JAVA_OPTIONS");
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        long begin = System.nanoTime();
        try {
            Process process = builder.start();
            CompletableFuture<String> out = drain(process.getInputStream());
            CompletableFuture<String> err = drain(process.getErrorStream());
            try (OutputStream in = process.getOutputStream()) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            } catch (IOException ignored) {
                // the child may exit without reading its input
            }
            return new Started(List.copyOf(args), process, begin, out, err);
        } catch (IOException e) {
            throw new ChildProcessException("could not start " + String.join(" ", command) + ": " + e.getMessage());
        }
    }

    private ChildRun await(Started child) {
        try {
            if (!child.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                child.process.destroyForcibly();
                throw new ChildProcessException("child " + mainClass + " " + child.args + " (pid " + child.process.pid()
                        + ") did not finish within " + TimeFormat.duration(timeout) + " and was killed");
            }
            long end = System.nanoTime();
            String out = child.out.get();
            String err = child.err.get();
            int exit = child.process.exitValue();
            if (exit != 0) {
                throw new ChildProcessException("child " + mainClass + " " + child.args + " exited with code " + exit
                        + (err.isBlank() ? "" : ":\n" + tail(err)));
            }
            return new ChildRun(child.args, child.process.pid(), exit, out, err, Duration.ofNanos(end - child.start));
        } catch (InterruptedException e) {
            child.process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new ChildProcessException("interrupted while waiting for child " + mainClass);
        } catch (ExecutionException e) {
            throw new ChildProcessException("could not read the output of child " + mainClass + ": " + e.getCause());
        }
    }

    private static CompletableFuture<String> drain(InputStream stream) {
        CompletableFuture<String> text = new CompletableFuture<>();
        // A platform thread: before JDK 24, virtual threads left blocked in synchronized by an earlier cell can
        // hold every carrier, and a virtual reader would then never run (the child's output never read).
        Thread.ofPlatform().daemon().name("child-output-reader").start(() -> {
            try (stream) {
                text.complete(new String(stream.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                text.completeExceptionally(e);
            }
        });
        return text;
    }

    private static String tail(String text) {
        List<String> lines = text.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    }

    /** The compiled program first, then this VM's class path and the helpers' own location. */
    private static String classPath(Path programDirectory) {
        Set<String> entries = new LinkedHashSet<>();
        entries.add(programDirectory.toString());
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                entries.add(entry);
            }
        }
        try {
            var location = ChildProgram.class.getProtectionDomain().getCodeSource();
            if (location != null) {
                entries.add(Path.of(location.getLocation().toURI()).toString());
            }
        } catch (Exception ignored) {
            // not loaded from a file: the class path above has to do
        }
        return String.join(File.pathSeparator, entries);
    }
}
