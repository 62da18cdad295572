package jconcur.kernel.engine;

import com.sun.jdi.VMDisconnectedException;
import com.sun.jdi.VirtualMachine;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import jconcur.kernel.engine.EngineOutput.Stream;
import jconcur.kernel.engine.ExecuteOutcome.Failed;
import jconcur.kernel.log.Log;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * One user VM and the JShell that drives it: launched, connected, preloaded. Ends by {@link #kill} (with the
 * reason the cell should report), by {@link #close}, or by dying on its own (System.exit, crash, SIGKILL).
 */
final class UserVmSession implements AutoCloseable {

    private static final String PRELOAD = "preload.jsh";
    /**
     * What results from the user VM may contain when deserialized in the kernel: strings, numbers, JShell's
     * exceptions with their stack traces. User code could write anything to that socket; nothing else is
     * instantiated here.
     */
    private static final java.io.ObjectInputFilter RESULT_FILTER = java.io.ObjectInputFilter.Config.createFilter(
            "maxdepth=64;maxarray=4000000;java.lang.String;java.lang.Long;java.lang.Number;java.lang.Integer;"
                    + "java.lang.Boolean;java.lang.StackTraceElement;java.lang.Throwable;java.lang.Exception;"
                    + "jdk.jshell.spi.ExecutionControl$*;java.util.Collections$*;java.util.ArrayList;!*");

    /** What a session is started with. */
    record Settings(List<String> vmOptions, List<Path> classPath, List<String> extraClassPath, long outputLimit) {
        Settings withVmOptions(List<String> options) {
            return new Settings(List.copyOf(options), classPath, extraClassPath, outputLimit);
        }

        Settings withExtraClassPath(List<String> paths) {
            return new Settings(vmOptions, classPath, List.copyOf(paths), outputLimit);
        }
    }

    private final UserVmLauncher.LaunchedVm launched;
    private final UserVmExecutionControl control;
    private final SideChannelHost side;
    private final CellStopper stopper;
    private final JShell jshell;
    private final AtomicBoolean ending = new AtomicBoolean();
    private final SnippetOrigins origins;
    private final JdiEventPump jdiEvents;
    /** Why the kernel ended this VM; formatted when asked, so that it can name the lines of the last snippet. */
    private volatile Supplier<Failed> killReason;

    private UserVmSession(UserVmLauncher.LaunchedVm launched, UserVmExecutionControl control, SideChannelHost side,
            JShell jshell, SnippetOrigins origins, JdiEventPump jdiEvents) {
        this.launched = launched;
        this.jdiEvents = jdiEvents;
        this.origins = origins;
        this.control = control;
        this.side = side;
        this.stopper = new CellStopper(launched.vm());
        this.jshell = jshell;
    }

    /** A user VM with its connections, before JShell uses it. */
    private record Connected(UserVmLauncher.LaunchedVm launched, SideChannelHost side, UserVmExecutionControl control,
            JdiEventPump jdiEvents) {}

    /**
     * Launches the user VM and, meanwhile, starts JShell and compiles the preloaded imports (the two take
     * about as long); returns when both are done. Completes analysis with the JShell once it knows the preloaded
     * imports, before the user VM is there: its source analysis (complete, inspect, is_complete) needs no user VM.
     * Whoever uses it before this returns holds its monitor, as the warm-up here does.
     */
    static UserVmSession start(EngineOutput output, Settings settings, CompletableFuture<JShell> analysis)
            throws UserVmStartException {
        SnippetOrigins origins = new SnippetOrigins();
        CompletableFuture<Connected> connecting = CompletableFuture.supplyAsync(() -> connect(output, settings, origins),
                new DedicatedThread("jconcur-user-vm-launch"));
        JShell jshell = null;
        try {
            jshell = JShell.builder()
                    .executionEngine(new Provider(new PendingExecutionControl(
                            connecting.thenApply(Connected::control))), Map.of())
                    .out(kernelLog()).err(kernelLog()).in(InputStream.nullInputStream())
                    .compilerOptions(compilerOptions(settings).toArray(String[]::new))
                    .build();
            preload(jshell, settings);
            analysis.complete(jshell);
            Connected connected = connecting.join();
            synchronized (jshell) { // complete/inspect may already use it
                warmUp(jshell);
            }
            UserVmSession session = new UserVmSession(connected.launched(), connected.control(), connected.side(), jshell, origins,
                    connected.jdiEvents());
            // The first interrupt then costs what later ones do: JDI, thread report and JSON are ready. Beside the
            // first cell, not before it: interrupts and thread reports run beside cells anyway.
            new DedicatedThread("jconcur-interrupt-warm-up").execute(() -> {
                session.stopper.warmUp();
                session.side.threadReport(2000);
            });
            return session;
        } catch (CompletionException e) {
            closeQuietly(jshell);
            throw e.getCause() instanceof UserVmStartException start ? start
                    : new UserVmStartException("The user VM could not be started: " + e.getCause(), e.getCause());
        } catch (RuntimeException e) {
            closeQuietly(jshell);
            connecting.thenAccept(c -> c.launched().process().destroyForcibly());
            throw new UserVmStartException("The kernel could not set up JShell for the user VM: " + e, e);
        }
    }

    private static Connected connect(EngineOutput output, Settings settings, SnippetOrigins origins) {
        UserVmLauncher.LaunchedVm launched;
        try {
            launched = UserVmLauncher.launch(settings.vmOptions(), settings.classPath(), settings.outputLimit());
        } catch (UserVmStartException e) {
            throw new CompletionException(e);
        }
        try {
            launched.output().sink(text -> output.stream(Stream.STDERR, text));
            JdiEventPump jdiEvents = JdiEventPump.start(launched.vm());
            SideChannelHost side = new SideChannelHost(launched.side(), output, launched.output().tail(), new FrameLines(origins));
            // Output before input, as on the user VM's side: each constructor exchanges a stream header.
            ObjectOutputStream commands = new ObjectOutputStream(
                    new BufferedOutputStream(launched.command().getOutputStream(), 1 << 16));
            commands.flush();
            ObjectInputStream results = new ObjectInputStream(
                    new BufferedInputStream(launched.command().getInputStream(), 1 << 16));
            java.io.ObjectInputFilter before = results.getObjectInputFilter();
            UserVmExecutionControl control = new UserVmExecutionControl(commands, results, launched.vm(), side);
            // JShell of JDK 21 updates sets its own, stricter filter in that constructor (stack frames and strings
            // only), and a stream takes one filter: JShell's then stays.
            if (results.getObjectInputFilter() == before) {
                results.setObjectInputFilter(RESULT_FILTER);
            }
            return new Connected(launched, side, control, jdiEvents);
        } catch (IOException | RuntimeException e) {
            launched.process().destroyForcibly();
            throw new CompletionException(new UserVmStartException(
                    "The user VM started but the kernel could not connect to it: " + e, e));
        }
    }

    private static void closeQuietly(JShell jshell) {
        if (jshell != null) {
            try {
                synchronized (jshell) { // complete/inspect may be using it (see start)
                    jshell.close();
                }
            } catch (RuntimeException e) {
                Log.debug("closing JShell: %s", e);
            }
        }
    }

    JShell jshell() {
        return jshell;
    }

    UserVmExecutionControl control() {
        return control;
    }

    /**
     * A cell starts: a report on how the VM ended then shows only stderr written since, not, say, an exception a
     * background thread of an earlier cell printed.
     */
    void cellStarts() {
        launched.output().tail().clear();
    }

    SnippetOrigins origins() {
        return origins;
    }

    CellStopper stopper() {
        return stopper;
    }

    SideChannelHost side() {
        return side;
    }

    VirtualMachine vm() {
        return launched.vm();
    }

    JdiEventPump jdiEvents() {
        return jdiEvents;
    }

    long pid() {
        return launched.process().pid();
    }

    boolean isAlive() {
        return launched.process().isAlive() && !control.isTerminated();
    }

    /** Runs action once when the user VM process ends, however it ends. */
    void onExit(Consumer<UserVmSession> action) {
        launched.process().onExit().thenRun(() -> action.accept(this));
    }

    /** Whether this session's end was already claimed (reported or intended); true only for the first caller. */
    boolean claimEnd() {
        return ending.compareAndSet(false, true);
    }

    /** Ends the user VM now; a cell running in it reports reason. */
    void kill(Supplier<Failed> reason) {
        killReason = reason;
        launched.process().destroyForcibly();
    }

    /** What the cell that was running when this VM ended should report. */
    Failed endReport() {
        Supplier<Failed> reason = killReason;
        if (reason != null) {
            return reason.get();
        }
        Process process = launched.process();
        Integer code = null;
        try {
            if (process.waitFor(3, TimeUnit.SECONDS)) {
                code = process.exitValue();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (code == null) {
            process.destroyForcibly();
        }
        launched.output().awaitEnd(1000);
        return UserVmEnd.describe(code, side.exitAnnounced(), launched.output().tail().lines());
    }

    void addToClasspath(String path) {
        jshell.addToClasspath(path);
    }

    @Override
    public void close() {
        claimEnd();
        try {
            jshell.close();
        } catch (RuntimeException e) {
            Log.debug("closing JShell: %s", e);
        }
        side.close();
        launched.process().destroyForcibly();
        try {
            launched.vm().dispose();
        } catch (VMDisconnectedException e) {
            // already gone
        }
    }

    private static void preload(JShell jshell, Settings settings) {
        // The compiler's class path goes through addToClasspath, not a --class-path compiler option: that
        // option would override every later addToClasspath (%maven, %classpath) in each compile task.
        for (Path path : settings.classPath()) {
            jshell.addToClasspath(path.toString());
        }
        for (String path : settings.extraClassPath()) {
            jshell.addToClasspath(path);
        }
        String script = readResource(PRELOAD).lines()
                .filter(line -> !line.isBlank() && !line.strip().startsWith("//"))
                .collect(Collectors.joining("\n"));
        for (CellSplitter.Piece piece : CellSplitter.split(jshell.sourceCodeAnalysis(), script)) {
            List<SnippetEvent> events = jshell.eval(piece.source());
            if (events.isEmpty() || events.get(0).status() != Snippet.Status.VALID) {
                Log.debug(() -> "preload skipped: " + piece.source());
            }
        }
    }

    /**
     * Runs a declaration through the whole path once and drops it again, so the first cell of the notebook
     * does not pay for the first compile and the first class loaded in the user VM.
     */
    private static void warmUp(JShell jshell) {
        for (SnippetEvent event : jshell.eval("int jconcur$warmUp = 1 + 1;")) {
            if (event.causeSnippet() == null) {
                jshell.drop(event.snippet());
            }
        }
    }

    private static List<String> compilerOptions(Settings settings) {
        // With -g the debugger shows local variables; without it JDI knows only lines.
        List<String> options = new ArrayList<>(List.of("-g"));
        if (settings.vmOptions().contains("--enable-preview")) {
            options.addAll(List.of("--enable-preview", "--release", Integer.toString(Runtime.version().feature())));
        }
        return options;
    }

    private static PrintStream kernelLog() {
        return new PrintStream(OutputStream.nullOutputStream()) {
            @Override
            public void write(byte[] b, int off, int len) {
                Log.debug(() -> new String(b, off, len, StandardCharsets.UTF_8));
            }
        };
    }

    private static String readResource(String name) {
        try (InputStream in = UserVmSession.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Hands JShell the execution control that is already connected to the user VM. */
    private record Provider(ExecutionControl control) implements ExecutionControlProvider {
        @Override
        public String name() {
            return "jconcur";
        }

        @Override
        public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
            return control;
        }
    }
}
