package jconcur.kernel.engine;

import com.sun.jdi.VirtualMachine;
import java.io.ObjectInput;
import java.io.ObjectOutput;
import jconcur.kernel.uservm.CellInterrupted;
import jconcur.kernel.link.AgentCommand;
import jconcur.kernel.link.SnippetInvoke;
import jconcur.kernel.link.TaggedResult;
import jconcur.kernel.link.TaggedResult.Flag;
import jdk.jshell.execution.JdiExecutionControl;

/**
 * JShell's side of the user VM: JShell's streaming protocol straight over a socket (TCP_NODELAY, buffered,
 * no demultiplexing thread in between), JDI for class redefinition. Adds what the notebook needs: the cell's
 * output is delivered before its result (results carry the number of output frames sent), the last value can
 * be rendered richly, an interrupted cell says where it stopped, and a vanished VM is noticed.
 */
final class UserVmExecutionControl extends JdiExecutionControl {

    /** Exception class name JShell reports for a cell the kernel interrupted. */
    static final String INTERRUPTED = CellInterrupted.class.getName();
    /** How long a result waits for the output printed before it (it is normally there already). */
    private static final long OUTPUT_WAIT_MS = 5000;

    private final VirtualMachine vm;
    private final SideChannelHost side;
    private volatile boolean keepNextValue;
    private volatile int outputCell;
    private volatile boolean richValuePending;
    private volatile boolean displayIdReturned;
    private volatile StackTraceElement[] stoppedAt;
    private volatile boolean stopped;
    private volatile boolean terminated;
    private volatile InvokeListener invokeListener;

    /** Hears of each snippet run (JShell loads a statement's class before it invokes it): for the debugger. */
    interface InvokeListener {
        void beforeInvoke(String className);

        void afterInvoke();
    }

    UserVmExecutionControl(ObjectOutput out, ObjectInput in, VirtualMachine vm, SideChannelHost side) {
        super(out, in);
        this.vm = vm;
        this.side = side;
    }

    @Override
    protected VirtualMachine vm() throws EngineTerminationException {
        if (terminated) {
            throw new EngineTerminationException("the user VM is gone");
        }
        return vm;
    }

    /** The output cell of the snippets invoked from now on (see {@link SnippetInvoke}). */
    void outputCell(int cell) {
        outputCell = cell;
    }

    /** Whether the next invoke keeps its value in the user VM so that {@link #renderKeptValue} can render it. */
    void keepNextValue(boolean keep) {
        keepNextValue = keep;
    }

    /** Whether the last invoke's value is the id a display(...) call returned: the output already shows it. */
    boolean displayIdReturned() {
        return displayIdReturned;
    }

    /** Where the cell thread was when the interrupt reached it (JDI frames, top first). */
    void stoppedAt(StackTraceElement[] frames) {
        stoppedAt = frames;
    }

    /** Whether the last invoke since {@link #clearStopped()} was stopped by an interrupt. */
    boolean wasStopped() {
        return stopped;
    }

    void clearStopped() {
        stopped = false;
    }

    boolean isTerminated() {
        return terminated;
    }

    /** The listener of snippet runs from now on; null for none (the default: nothing extra is done). */
    void invokeListener(InvokeListener listener) {
        invokeListener = listener;
    }

    @Override
    public String invoke(String className, String methodName)
            throws RunException, EngineTerminationException, InternalException {
        boolean keep = keepNextValue;
        keepNextValue = false;
        richValuePending = false;
        displayIdReturned = false;
        stopped = false;
        stoppedAt = null;
        InvokeListener listener = invokeListener;
        if (listener != null) {
            listener.beforeInvoke(className);
        }
        try {
            TaggedResult result = TaggedResult.decode(super.invoke(className, new SnippetInvoke(methodName, outputCell, keep).encode()));
            side.awaitFrames(result.framesSent(), OUTPUT_WAIT_MS);
            richValuePending = result.has(Flag.RICH);
            displayIdReturned = result.has(Flag.DISPLAY_ID);
            return result.text();
        } catch (UserException e) {
            throw afterUserCode(e);
        } catch (ResolutionException e) {
            awaitOutput();
            throw e;
        } catch (EngineTerminationException e) {
            terminated = true;
            throw e;
        } finally {
            if (listener != null) {
                listener.afterInvoke();
            }
        }
    }

    @Override
    public String varValue(String className, String varName)
            throws RunException, EngineTerminationException, InternalException {
        try {
            TaggedResult result = TaggedResult.decode(super.varValue(className, varName));
            side.awaitFrames(result.framesSent(), OUTPUT_WAIT_MS);
            return result.text();
        } catch (UserException e) {
            throw afterUserCode(e);
        } catch (EngineTerminationException e) {
            terminated = true;
            throw e;
        }
    }

    /**
     * The rich rendering (MIME bundle as JSON) of the value the last invoke kept, or null when it has none.
     * Runs user code (toMimeBundle, charts) in the user VM, so it can be interrupted like a cell.
     */
    String renderKeptValue() throws RunException, EngineTerminationException, InternalException {
        if (!richValuePending) {
            return null;
        }
        richValuePending = false;
        try {
            TaggedResult result = command(AgentCommand.RENDER);
            side.awaitFrames(result.framesSent(), OUTPUT_WAIT_MS);
            if (result.has(Flag.NULL)) {
                return null;
            }
            // In pieces: JShell cuts long invoke results (see AgentCommand.MAX_RESULT_PIECE).
            StringBuilder json = new StringBuilder(result.text());
            for (TaggedResult piece = result; piece.has(Flag.MORE); ) {
                piece = command(AgentCommand.RENDER_MORE);
                json.append(piece.text());
            }
            return json.toString();
        } catch (UserException e) {
            throw afterUserCode(e);
        } catch (EngineTerminationException e) {
            terminated = true;
            throw e;
        }
    }

    /** Delivers the output of the user code that threw, then gives JShell the exception as it was thrown. */
    private RunException afterUserCode(UserException e) {
        TaggedResult message = TaggedResult.decode(e.getMessage());
        if (message.framesSent() >= 0) {
            side.awaitFrames(message.framesSent(), OUTPUT_WAIT_MS);
        } else {
            awaitOutput();
        }
        if (INTERRUPTED.equals(e.causeExceptionClass())) {
            stopped = true;
            StackTraceElement[] where = stoppedAt;
            // With the frames, JShell maps them to snippet lines like those of any exception.
            return where == null ? new StoppedException() : new UserException(message.text(), INTERRUPTED, where);
        }
        UserException restored = new UserException(message.has(Flag.NULL) ? null : message.text(),
                e.causeExceptionClass(), e.getStackTrace());
        restored.initCause(e.getCause());
        return restored;
    }

    /** Waits for all output the user VM has sent so far (one more round trip; for results without a count). */
    private void awaitOutput() {
        try {
            side.awaitFrames(command(AgentCommand.SYNC).framesSent(), OUTPUT_WAIT_MS);
        } catch (EngineTerminationException e) {
            terminated = true;
        } catch (RunException | InternalException e) {
            // no count: deliver the result without waiting
        }
    }

    private TaggedResult command(AgentCommand command) throws RunException, EngineTerminationException, InternalException {
        return TaggedResult.decode(super.invoke(AgentCommand.CLASS_NAME, command.methodName()));
    }

    @Override
    public void stop() {
        // Interrupts go through JDI (CellStopper); a stop command on the socket would race with the invoke.
    }

    @Override
    public void close() {
        if (!terminated) {
            super.close();
        }
        terminated = true;
    }
}
