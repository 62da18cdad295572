package jconcur.kernel.engine;

import java.util.List;

/**
 * Runs notebook code. The kernel's protocol layer talks only to this interface; the implementation
 * drives JShell with user code running in a separate user JVM. Calls to execute/complete/inspect/isComplete
 * come from one thread (the shell thread); interrupt and restart may come from the control thread.
 */
public interface Engine extends AutoCloseable {

    /** Runs one cell and blocks until it finishes, fails or is interrupted. Output goes to the EngineOutput. */
    ExecuteOutcome execute(String code);

    /**
     * The execution count the notebook shows for the cell executed next ([n]), or 0 when it shows none
     * (silent cells); tracebacks name the earlier cell a frame is in by it.
     */
    default void nextExecutionCount(int executionCount) {}

    /** The debugger of the user VM, for engines that have one. */
    default java.util.Optional<UserVmDebugger> debugger() {
        return java.util.Optional.empty();
    }

    /** Stops the running cell (busy loops included); returns at once. */
    void interrupt();

    Completion complete(String code, int cursorPos);

    Inspection inspect(String code, int cursorPos, int detailLevel);

    IsComplete isComplete(String code);

    /** Replaces the user VM by a fresh one with the preloaded helpers and imports, optionally with other JVM options. */
    void restart(List<String> userVmOptions);

    /** Adds jars or directories to the user VM and compiler class path. */
    void addToClasspath(List<String> paths);

    @Override
    void close();
}
