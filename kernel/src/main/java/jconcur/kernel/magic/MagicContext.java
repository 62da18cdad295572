package jconcur.kernel.magic;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Stream;
import jconcur.display.MimeBundle;
import jconcur.kernel.engine.Engine;
import jconcur.kernel.engine.EngineOutput;
import jconcur.kernel.engine.ExecuteOutcome;
import jconcur.kernel.engine.UserVmSetup;

/**
 * What magics work with: the wrapped engine (to run Java in the user VM), the kernel's output, the user
 * VM's options and class path additions, and kernel-side work that an interrupt can stop.
 */
final class MagicContext implements AutoCloseable {

    private final Engine engine;
    private final UserVmSetup userVm;
    private final EngineOutput output;
    private final Function<String, ExecuteOutcome> cellRunner;
    private final ObjectMapper json = new ObjectMapper();
    private final Path resultDir;
    private final ExecutorService kernelSideWork = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "jconcur-magic-work");
        t.setDaemon(true);
        return t;
    });
    private final Set<String> classpathAdditions = new LinkedHashSet<>();
    /** Options set by %jvm; empty: the engine's own (JCONCUR_USER_VM_OPTS or its defaults). */
    private volatile List<String> userVmOptions = List.of();
    private volatile Future<?> runningWork;
    private volatile Process runningProcess;
    private volatile Process killedProcess;

    /** cellRunner runs text as a cell (magics included), for %load. */
    MagicContext(Engine engine, UserVmSetup userVm, EngineOutput output, Function<String, ExecuteOutcome> cellRunner) {
        this.engine = engine;
        this.userVm = userVm;
        this.output = output;
        this.cellRunner = cellRunner;
        try {
            this.resultDir = Files.createTempDirectory("jconcur-magic");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory for magic results", e);
        }
    }

    Engine engine() {
        return engine;
    }

    EngineOutput output() {
        return output;
    }

    void print(String text) {
        output.stream(EngineOutput.Stream.STDOUT, text.endsWith("\n") ? text : text + "\n");
    }

    void display(MimeBundle bundle) {
        output.display(bundle, null, false);
    }

    /** Runs text as a notebook cell, magics included. */
    ExecuteOutcome runCell(String text) {
        return cellRunner.apply(text);
    }

    /** Runs Java in the user VM; a failure ends the magic with the engine's error. */
    ExecuteOutcome runJava(String code) throws MagicFailedException {
        ExecuteOutcome outcome = engine.execute(code);
        if (outcome instanceof ExecuteOutcome.Failed failed) {
            throw new MagicFailedException(failed);
        }
        return outcome;
    }

    /**
     * Calls a static helper in the user VM that writes its answer as JSON to a file: callTemplate holds one
     * %s where the file's path goes as a string literal. Returns the answer read as type.
     */
    <T> T callUserVm(String callTemplate, Class<T> type) throws MagicFailedException {
        Path file = resultDir.resolve("result-" + System.nanoTime() + ".json");
        try {
            runJava(callTemplate.formatted(JavaSource.stringLiteral(file.toString())) + ";");
            if (!Files.exists(file)) {
                throw new MagicFailedException("MagicError", "the user VM did not report a result");
            }
            return json.readValue(file.toFile(), type);
        } catch (IOException e) {
            throw new MagicFailedException("MagicError", "cannot read the user VM's result: " + e.getMessage());
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a leftover temp file is harmless; the directory goes at close
            }
        }
    }

    /**
     * Runs kernel-side work (resolving, reading files) so that an interrupt can stop it; the work must
     * respond to thread interruption.
     */
    <T> T runInterruptibly(Callable<T> work) throws MagicFailedException {
        Future<T> future = kernelSideWork.submit(work);
        runningWork = future;
        try {
            return future.get();
        } catch (CancellationException e) {
            throw interrupted();
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw interrupted();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof MagicFailedException failed) throw failed;
            if (cause instanceof RuntimeException runtime) throw runtime;
            throw new MagicFailedException(cause.getClass().getSimpleName(), String.valueOf(cause.getMessage()));
        } finally {
            runningWork = null;
        }
    }

    /** Registers a child process that an interrupt destroys (%%bash); null when it ended. */
    void setRunningProcess(Process process) {
        runningProcess = process;
    }

    /** True when an interrupt killed this process. */
    boolean wasKilled(Process process) {
        return killedProcess == process;
    }

    /** As the engine reports an interrupted cell. */
    static MagicFailedException interrupted() {
        return new MagicFailedException("Interrupted", "the kernel interrupted this cell");
    }

    /** Stops kernel-side work of the current magic; false when there is none (the user VM is busy instead). */
    boolean interruptKernelSideWork() {
        Future<?> work = runningWork;
        Process process = runningProcess;
        boolean stopped = false;
        if (work != null) {
            stopped = work.cancel(true);
        }
        if (process != null) {
            // Marked before the first kill: a killed child can end the script, and the cell must read "Interrupted".
            killedProcess = process;
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            stopped = true;
        }
        return stopped;
    }

    List<String> userVmOptions() {
        return userVmOptions;
    }

    /** A fresh user VM; null or empty options keep the current ones. The engine keeps class path additions. */
    void restartUserVm(List<String> options) {
        userVm.restart(options);
        if (options != null && !options.isEmpty()) {
            userVmOptions = List.copyOf(options);
        }
    }

    void addToClasspath(List<String> paths) {
        userVm.addToClasspath(paths);
        synchronized (classpathAdditions) {
            classpathAdditions.addAll(paths);
        }
    }

    List<String> classpathAdditions() {
        synchronized (classpathAdditions) {
            return new ArrayList<>(classpathAdditions);
        }
    }

    @Override
    public void close() {
        kernelSideWork.shutdownNow();
        try (Stream<Path> files = Files.walk(resultDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // temp files of a closing kernel
        }
    }
}
