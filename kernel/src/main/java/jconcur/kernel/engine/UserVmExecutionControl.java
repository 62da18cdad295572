package jconcur.kernel.engine;

import com.sun.jdi.VirtualMachine;
import java.io.ObjectInput;
import java.io.ObjectOutput;
import jconcur.kernel.uservm.CellInterrupted;
import jconcur.kernel.uservm.Wire;
import jdk.jshell.execution.JdiExecutionControl;

/**
 * JShell's side of the user VM: JShell's streaming protocol over a socket with TCP_NODELAY and buffering on
 * both ends, JDI for class redefinition. Adds what the notebook needs: keeping the last value for rich
 * rendering, the place where an interrupted cell stopped, and whether the VM went away.
 */
final class UserVmExecutionControl extends JdiExecutionControl {

    /** Exception class name JShell reports for a cell the kernel interrupted. */
    static final String INTERRUPTED = CellInterrupted.class.getName();

    private final VirtualMachine vm;
    private volatile boolean keepNextValue;
    private volatile boolean richValuePending;
    private volatile StackTraceElement[] stoppedAt;
    private volatile boolean stopped;
    private volatile boolean terminated;

    UserVmExecutionControl(ObjectOutput out, ObjectInput in, VirtualMachine vm) {
        super(out, in);
        this.vm = vm;
    }

    @Override
    protected VirtualMachine vm() throws EngineTerminationException {
        if (terminated) {
            throw new EngineTerminationException("the user VM is gone");
        }
        return vm;
    }

    /** Whether the next invoke keeps its value in the user VM so that {@link #renderKeptValue} can render it. */
    void keepNextValue(boolean keep) {
        keepNextValue = keep;
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

    @Override
    public String invoke(String className, String methodName)
            throws RunException, EngineTerminationException, InternalException {
        boolean keep = keepNextValue;
        keepNextValue = false;
        richValuePending = false;
        stopped = false;
        stoppedAt = null;
        try {
            String value = super.invoke(className, keep ? methodName + Wire.KEEP_VALUE_SUFFIX : methodName);
            if (value.startsWith(Wire.RICH_MARKER)) {
                richValuePending = true;
                return value.substring(Wire.RICH_MARKER.length());
            }
            return value;
        } catch (StoppedException e) {
            stopped = true;
            StackTraceElement[] where = stoppedAt;
            if (where != null) {
                // Reported like an exception, so that JShell maps the frames to snippet lines.
                throw new UserException("the kernel interrupted this cell", INTERRUPTED, where);
            }
            throw e;
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
            return (String) extensionCommand(Wire.CMD_RENDER, null);
        } catch (StoppedException e) {
            stopped = true;
            throw e;
        } catch (EngineTerminationException e) {
            terminated = true;
            throw e;
        }
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
