package jconcur.kernel.engine;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import jconcur.kernel.engine.EngineOutput.Stream;
import jconcur.kernel.engine.ExecuteOutcome.Failed;
import jconcur.kernel.link.OutputOrigin;
import jconcur.kernel.link.ThreadSnapshot;
import jconcur.kernel.log.Log;
import jdk.jshell.JShell;

/**
 * The engine: JShell in the kernel JVM, user code in a separate user VM (see {@link UserVmSession}).
 * The user VM boots in the background; the first call that needs it waits. When it dies (System.exit, crash,
 * kill, or replaced after a cell that would not stop), the cell says what happened and a fresh one boots.
 * Cursor positions are indexes into the Java string (UTF-16); the protocol layer converts Jupyter's code points.
 */
public final class JShellEngine implements Engine, UserVmSetup {

    /** How long an interrupted cell may take to stop before the kernel reports it and replaces the user VM. */
    static final long STOP_GRACE_MS = 2500;
    /** How often the interrupt is thrown again while the cell has not stopped (it may catch it). */
    private static final long STOP_RETRY_MS = 500;
    /** How often an interrupt looks for the cell thread while the cell has none running (compiling, starting). */
    private static final long NO_CELL_THREAD_RETRY_MS = 20;

    private final EngineOutput output;
    private final CodeAssist assist = new CodeAssist();
    private final Object lock = new Object();
    private final UserVmDebugger debugger = new UserVmDebugger(this::runningSession);
    private UserVmSession.Settings settings;
    private CompletableFuture<UserVmSession> session;
    /** The booting session's JShell, once it has compiled the preloaded imports: source analysis needs no VM. */
    private CompletableFuture<JShell> analysis;
    private volatile CellExecution running;
    private int cellSerial;
    private volatile NextCell nextCell = new NextCell(0, OutputOrigin.NO_CELL, "");
    private volatile boolean closed;

    private JShellEngine(EngineOutput output, UserVmSession.Settings settings) {
        this.output = output;
        this.settings = settings;
    }

    /**
     * Starts an engine; returns at once while the user VM boots in the background.
     * @param userVmOptions JVM options of the user VM; null or empty: JCONCUR_USER_VM_OPTS, else the defaults
     */
    public static JShellEngine start(EngineOutput output, List<String> userVmOptions) {
        Map<String, String> env = System.getenv();
        List<String> options = userVmOptions == null || userVmOptions.isEmpty()
                ? UserVmOptions.fromEnvironment(env) : List.copyOf(userVmOptions);
        JShellEngine engine = new JShellEngine(output, new UserVmSession.Settings(options, userVmClassPath(), List.of(),
                UserVmOptions.outputLimit(env)));
        synchronized (engine.lock) {
            engine.session = engine.boot();
        }
        return engine;
    }

    @Override
    public ExecuteOutcome execute(String code) {
        CellExecution execution;
        NextCell cell = nextCell;
        synchronized (lock) {
            execution = new CellExecution(++cellSerial, cell.executionCount(), cell.outputCell());
        }
        running = execution;
        try {
            UserVmSession s;
            switch (awaitSession(execution)) {
                case SessionWait.Unavailable unavailable -> {
                    return unavailable.failure();
                }
                case SessionWait.Ready ready -> s = ready.session();
            }
            execution.session = s;
            debugger.cellStarts(execution.serial, cell.source(), s);
            if (execution.interrupted()) {
                return Tracebacks.interrupted();
            }
            s.cellStarts();
            CellExecution.Result result = execution.run(code, output);
            if (result instanceof CellExecution.Result.Ran(Failed f) && f.ename().equals(Tracebacks.INTERRUPTED)
                    && s.isAlive()) {
                result = new CellExecution.Result.Ran(withDeadlocksLeftBehind(f, s, execution.serial));
            }
            if (result instanceof CellExecution.Result.Ran(ExecuteOutcome outcome) && s.isAlive()) {
                return outcome;
            }
            // The user VM ended: its report, unless the cell failed on its own first.
            Failed ended = s.endReport();
            s.claimEnd();
            replace(s);
            return result instanceof CellExecution.Result.Ran(Failed failed) ? failed : ended;
        } finally {
            running = null;
            execution.finished.countDown();
        }
    }

    @Override
    public Optional<UserVmDebugger> debugger() {
        return Optional.of(debugger);
    }

    @Override
    public void nextCell(NextCell cell) {
        nextCell = cell;
    }

    @Override
    public void interrupt() {
        CellExecution execution = running;
        if (execution != null && execution.interruptRequested.complete(null)) {
            Thread.ofVirtual().name("jconcur-interrupt").start(() -> stopCell(execution));
        }
    }

    @Override
    public Completion complete(String code, int cursorPos) {
        return withJShell(jshell -> assist.complete(jshell, code, cursorPos))
                .orElse(new Completion(List.of(), cursorPos, cursorPos));
    }

    @Override
    public Inspection inspect(String code, int cursorPos, int detailLevel) {
        return withJShell(jshell -> assist.inspect(jshell, code, cursorPos)).orElse(new Inspection(Optional.empty()));
    }

    @Override
    public IsComplete isComplete(String code) {
        return withJShell(jshell -> assist.isComplete(jshell, code))
                .orElse(new IsComplete(IsComplete.Status.UNKNOWN, ""));
    }

    @Override
    public void restart(List<String> userVmOptions) {
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("the engine is closed");
            }
            if (userVmOptions != null && !userVmOptions.isEmpty()) {
                settings = settings.withVmOptions(userVmOptions);
            }
            CompletableFuture<UserVmSession> old = session;
            session = boot();
            retire(old, "the kernel was restarted");
        }
    }

    @Override
    public void addToClasspath(List<String> paths) {
        List<String> absolute = new ArrayList<>();
        for (String p : paths) {
            Path path = Path.of(p).toAbsolutePath().normalize();
            if (!Files.exists(path)) {
                throw new IllegalArgumentException("cannot add to the class path: " + path + " does not exist");
            }
            absolute.add(path.toString());
        }
        CompletableFuture<UserVmSession> target;
        synchronized (lock) {
            List<String> all = new ArrayList<>(settings.extraClassPath());
            absolute.stream().filter(p -> !all.contains(p)).forEach(all::add);
            settings = settings.withExtraClassPath(all);
            target = session;
        }
        // A session still booting took its settings before these paths: wait for it, then add them. A boot
        // that fails leaves them in the settings for the next one.
        UserVmSession current;
        try {
            current = target.join();
        } catch (CompletionException | java.util.concurrent.CancellationException e) {
            current = null;
        }
        if (current != null && current.isAlive()) {
            absolute.forEach(current::addToClasspath);
        }
    }

    @Override
    public void close() {
        CompletableFuture<UserVmSession> old;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            old = session;
        }
        retire(old, "the kernel shut down");
    }

    /** Pid of the current user VM, once it runs (for tests and diagnostics). */
    public Optional<Long> userVmPid() {
        synchronized (lock) {
            return session.isDone() && !session.isCompletedExceptionally()
                    ? Optional.of(session.join().pid()) : Optional.empty();
        }
    }

    // --- sessions ---

    private Optional<UserVmSession> runningSession() {
        synchronized (lock) {
            return session.isDone() && !session.isCompletedExceptionally() ? Optional.of(session.join())
                    : Optional.empty();
        }
    }

    /** Starts booting a session; called with lock held, sets analysis for it. */
    private CompletableFuture<UserVmSession> boot() {
        UserVmSession.Settings bootSettings = settings;
        CompletableFuture<JShell> bootAnalysis = new CompletableFuture<>();
        analysis = bootAnalysis;
        CompletableFuture<UserVmSession> future = CompletableFuture.supplyAsync(() -> {
            try {
                return UserVmSession.start(output, bootSettings, bootAnalysis);
            } catch (UserVmStartException e) {
                throw new CompletionException(e);
            }
        }, new DedicatedThread("jconcur-user-vm-boot"));
        future.whenComplete((s, e) -> bootAnalysis.completeExceptionally(
                new IllegalStateException("the session ended before its JShell was ready")));
        future.thenAccept(s -> s.onExit(this::ended));
        return future;
    }

    /** An interrupted cell may leave deadlocked threads behind (it was only waiting for them): say so. */
    private static Failed withDeadlocksLeftBehind(Failed interrupted, UserVmSession s, int cell) {
        List<String> note = new StuckCellReport(s.origins(), new UserFrames(s.origins()))
                .leftBehind(s.side().threadReport(1000), cell);
        if (note.isEmpty()) {
            return interrupted;
        }
        List<String> traceback = new ArrayList<>(interrupted.traceback());
        traceback.addAll(note);
        return new Failed(interrupted.ename(), interrupted.evalue(), traceback);
    }

    /** What waiting for the user VM gives a cell: the session, or what the cell reports instead. */
    private sealed interface SessionWait {
        record Ready(UserVmSession session) implements SessionWait {}
        record Unavailable(Failed failure) implements SessionWait {}
    }

    /** Waits for the session; an interrupt or a failed start ends the wait. */
    private SessionWait awaitSession(CellExecution execution) {
        CompletableFuture<UserVmSession> future;
        synchronized (lock) {
            future = session;
        }
        CompletableFuture.anyOf(future, execution.interruptRequested).exceptionally(e -> null).join();
        if (!future.isDone()) {
            return new SessionWait.Unavailable(Tracebacks.interrupted());
        }
        try {
            UserVmSession s = future.join();
            if (s.isAlive()) {
                return new SessionWait.Ready(s);
            }
            replace(s);
            return awaitSession(execution);
        } catch (CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            synchronized (lock) {
                if (session == future) {
                    session = boot(); // try again for the next cell
                }
            }
            return new SessionWait.Unavailable(new Failed("UserVmStartFailed", cause.getMessage(),
                    List.of(Ansi.BOLD_RED + "UserVmStartFailed" + Ansi.RESET + ": " + cause.getMessage())));
        }
    }

    /** A user VM ended: if no cell reports it, say so in the notebook; then boot a fresh one. */
    private void ended(UserVmSession s) {
        if (closed || !isCurrent(s)) {
            return;
        }
        CellExecution execution = running;
        boolean cellReportsIt = execution != null && execution.session == s;
        if (!cellReportsIt && s.claimEnd()) {
            Failed report = s.endReport();
            output.stream(Stream.STDERR, String.join("\n", report.traceback()) + "\n");
        }
        if (!cellReportsIt) {
            replace(s);
        }
    }

    private boolean isCurrent(UserVmSession s) {
        synchronized (lock) {
            return session.getNow(null) == s;
        }
    }

    private void replace(UserVmSession dead) {
        synchronized (lock) {
            if (closed || session.getNow(null) != dead) {
                return;
            }
            session = boot();
        }
        closeQuietly(dead);
    }

    private void retire(CompletableFuture<UserVmSession> old, String why) {
        old.thenAccept(s -> {
            s.kill(() -> new Failed("Restarted", why, List.of(Ansi.BOLD_RED + "Restarted" + Ansi.RESET + ": "
                    + why + ". " + UserVmEnd.RESET_NOTE)));
            s.claimEnd();
            closeQuietly(s);
        });
    }

    private static void closeQuietly(UserVmSession s) {
        try {
            s.close();
        } catch (RuntimeException e) {
            Log.debug("closing a user VM session: %s", e);
        }
    }

    private <T> Optional<T> withJShell(Function<JShell, T> action) {
        CompletableFuture<UserVmSession> future;
        CompletableFuture<JShell> early;
        synchronized (lock) {
            future = session;
            early = analysis;
        }
        if (!future.isDone()) {
            // The user VM is still starting: JShell's analysis already knows the preloaded imports.
            try {
                JShell jshell = early.join();
                synchronized (jshell) {
                    return Optional.of(action.apply(jshell));
                }
            } catch (CompletionException | IllegalStateException e) {
                return Optional.empty();
            }
        }
        try {
            UserVmSession s = future.join();
            return s.isAlive() ? Optional.of(action.apply(s.jshell())) : Optional.empty();
        } catch (CompletionException | IllegalStateException e) {
            return Optional.empty();
        }
    }

    // --- interrupts ---

    private void stopCell(CellExecution execution) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(STOP_GRACE_MS);
        boolean[] framesTaken = {false};
        try {
            while (true) {
                UserVmSession s = execution.session;
                boolean thrown = s != null && s.stopper().stop(frames -> {
                    if (!framesTaken[0]) {
                        framesTaken[0] = true;
                        s.control().stoppedAt(frames);
                    }
                });
                if (thrown) {
                    debugger.resumeAllForInterrupt(); // a thread paused at a breakpoint must run to take the signal
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                // No cell thread yet (the snippet is compiling): look again soon, not after a full retry period.
                long retry = thrown ? STOP_RETRY_MS : NO_CELL_THREAD_RETRY_MS;
                if (execution.finished.await(Math.min(TimeUnit.NANOSECONDS.toMillis(left) + 1, retry),
                        TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        UserVmSession s = execution.session;
        if (s == null || execution.finished.getCount() == 0) {
            return;
        }
        Optional<ThreadSnapshot> report = s.side().threadReport(1000);
        report.flatMap(StuckCellReport::picture).ifPresent(picture -> output.display(picture, null, false));
        StuckCellReport stuck = new StuckCellReport(s.origins(), new UserFrames(s.origins()));
        s.kill(() -> stuck.describe(report, STOP_GRACE_MS, execution.serial));
    }

    // --- class path of the user VM ---

    /**
     * The kernel's own jar when it is the shaded one (everything in one jar), else (development, tests,
     * benchmarks) the kernel JVM's class path.
     */
    static List<Path> userVmClassPath() {
        Optional<Path> own = codeSource(JShellEngine.class);
        if (own.isPresent() && Files.isRegularFile(own.get())
                && own.equals(codeSource(com.fasterxml.jackson.databind.ObjectMapper.class))) {
            return List.of(own.get());
        }
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(p -> !p.isBlank()).map(Path::of).toList();
    }

    private static Optional<Path> codeSource(Class<?> type) {
        try {
            return Optional.of(Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()));
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
