package jconcur.kernel.engine;

/**
 * Runs notebook code. The kernel's protocol layer talks only to this interface; the implementation
 * drives JShell with user code running in a separate user JVM. Calls to execute/complete/inspect/isComplete
 * come from one thread (the shell thread); interrupt may come from the control thread.
 */
public interface Engine extends AutoCloseable {

    /** Runs one cell and blocks until it finishes, fails or is interrupted. Output goes to the EngineOutput. */
    ExecuteOutcome execute(String code);

    /** Who the cell executed next is; until the first call, a cell with no count and no output cell. */
    default void nextCell(NextCell cell) {}

    /**
     * @param executionCount the count the notebook shows for the cell ([n]), or 0 when it shows none (silent
     *                       cells); tracebacks name the earlier cell a frame is in by it
     * @param outputCell     the number output of the cell's code carries, also output of the threads it starts,
     *                       whenever it prints (see {@link EngineOutput#print})
     * @param source         the cell's text as the front end sent it, magics and all: the debugger names the
     *                       cell by it (JupyterLab hashes this text), while the code executed may be what the
     *                       magics made of it, on the same lines
     */
    record NextCell(int executionCount, int outputCell, String source) {}

    /** The debugger of the user VM, for engines that have one. */
    default java.util.Optional<UserVmDebugger> debugger() {
        return java.util.Optional.empty();
    }

    /** Stops the running cell (busy loops included); returns at once. */
    void interrupt();

    Completion complete(String code, int cursorPos);

    Inspection inspect(String code, int cursorPos, int detailLevel);

    IsComplete isComplete(String code);

    @Override
    void close();
}
