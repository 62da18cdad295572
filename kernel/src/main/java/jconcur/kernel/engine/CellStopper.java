package jconcur.kernel.engine;

import com.sun.jdi.AbsentInformationException;
import com.sun.jdi.ClassType;
import com.sun.jdi.Field;
import com.sun.jdi.Location;
import com.sun.jdi.ObjectReference;
import com.sun.jdi.ReferenceType;
import com.sun.jdi.StackFrame;
import com.sun.jdi.ThreadReference;
import com.sun.jdi.VirtualMachine;
import java.util.List;
import java.util.function.Consumer;
import jconcur.kernel.uservm.UserCode;

/**
 * Stops the thread running a cell in the user VM through JDI: ThreadReference.stop throws the agent's
 * preallocated signal into it, which also wakes it from sleep, wait and park (Thread.stop no longer works).
 */
final class CellStopper {

    private final VirtualMachine vm;

    CellStopper(VirtualMachine vm) {
        this.vm = vm;
    }

    /**
     * Throws the interrupt signal into the running cell thread; false when no cell thread is running.
     * @param whereItWas gets the frames the thread is in (top first) just before the signal is thrown
     */
    boolean stop(Consumer<StackTraceElement[]> whereItWas) {
        try {
            List<ReferenceType> types = vm.classesByName(UserCode.CLASS_NAME);
            if (types.isEmpty()) {
                return false;
            }
            ClassType type = (ClassType) types.get(0);
            Field current = field(type, UserCode.CURRENT_FIELD);
            ThreadReference thread = (ThreadReference) type.getValue(current);
            if (thread == null) {
                return false;
            }
            thread.suspend();
            try {
                // Suspended, it cannot leave the user code between this check and the throw.
                if (!thread.equals(type.getValue(current))) {
                    return false;
                }
                whereItWas.accept(frames(thread));
                type.setValue(field(type, UserCode.STOP_PENDING_FIELD), vm.mirrorOf(true));
                thread.stop((ObjectReference) type.getValue(field(type, UserCode.SIGNAL_FIELD)));
                return true;
            } finally {
                thread.resume();
            }
        } catch (RuntimeException | com.sun.jdi.InvalidTypeException | com.sun.jdi.ClassNotLoadedException e) {
            // The VM is gone, or the thread ended meanwhile: nothing left to stop.
            return false;
        }
    }

    /** The thread running a cell now, if one is. */
    java.util.Optional<ThreadReference> cellThread() {
        List<ReferenceType> types = vm.classesByName(UserCode.CLASS_NAME);
        if (types.isEmpty()) {
            return java.util.Optional.empty();
        }
        ClassType type = (ClassType) types.get(0);
        return java.util.Optional.ofNullable((ThreadReference) type.getValue(field(type, UserCode.CURRENT_FIELD)));
    }

    /**
     * Goes once through the JDI calls an interrupt makes (class lookup, field reads, suspending a thread and
     * reading its frames), on an idle thread of the user VM, so that the first interrupt is not slowed down
     * by loading and compiling JDI in the kernel.
     */
    void warmUp() {
        try {
            List<ReferenceType> types = vm.classesByName(UserCode.CLASS_NAME);
            if (!types.isEmpty()) {
                ClassType type = (ClassType) types.get(0);
                type.getValue(field(type, UserCode.CURRENT_FIELD));
                type.getValue(field(type, UserCode.SIGNAL_FIELD));
            }
            for (ThreadReference thread : vm.allThreads()) {
                if (thread.name().equals("jconcur-output-flusher") || thread.name().equals("jconcur-side-channel")) {
                    thread.suspend();
                    try {
                        frames(thread);
                    } finally {
                        thread.resume();
                    }
                    return;
                }
            }
        } catch (RuntimeException e) {
            // only a warm-up
        }
    }

    private static Field field(ClassType type, String name) {
        Field f = type.fieldByName(name);
        if (f == null) {
            throw new IllegalStateException(type.name() + " has no field " + name);
        }
        return f;
    }

    private static StackTraceElement[] frames(ThreadReference thread) {
        try {
            List<StackFrame> frames = thread.frames();
            StackTraceElement[] result = new StackTraceElement[frames.size()];
            for (int i = 0; i < result.length; i++) {
                Location at = frames.get(i).location();
                result[i] = new StackTraceElement(at.declaringType().name(), at.method().name(), sourceName(at),
                        at.lineNumber());
            }
            return result;
        } catch (com.sun.jdi.IncompatibleThreadStateException | RuntimeException e) {
            return new StackTraceElement[0];
        }
    }

    private static String sourceName(Location at) {
        try {
            return at.sourceName();
        } catch (AbsentInformationException e) {
            return null;
        }
    }
}
