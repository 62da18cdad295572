package jconcur.kernel.engine;

import com.sun.jdi.Field;
import com.sun.jdi.IncompatibleThreadStateException;
import com.sun.jdi.ObjectReference;
import com.sun.jdi.ThreadReference;
import com.sun.jdi.Value;
import com.sun.jdi.VirtualMachine;
import java.util.ArrayList;
import jconcur.concurrency.names.WrapperNames;
import java.util.List;
import java.util.Set;
import jconcur.kernel.engine.UserVmDebugger.Variable;

/**
 * Every platform thread of the user VM for the debugger's "Threads" scope: its state, the lock it waits for
 * (a monitor, or the lock a parked thread is blocked on) and the monitors it holds. JDI lists platform threads
 * only: virtual threads do not appear (the scope says so).
 */
final class ThreadsScope {

    static final String VIRTUAL_THREADS_NOTE =
            "not listed: JDI shows platform threads only (one paused at a breakpoint shows its stack and locals)";

    private ThreadsScope() {}

    /** Threads of user code: not the JVM's own (system group) nor the kernel's agent threads in the user VM. */
    static List<ThreadReference> userThreads(VirtualMachine vm) {
        List<ThreadReference> result = new ArrayList<>();
        for (ThreadReference thread : vm.allThreads()) {
            try {
                if (thread.threadGroup() != null && !thread.threadGroup().name().equals("system")
                        && !thread.name().startsWith("jconcur-")) {
                    result.add(thread);
                }
            } catch (com.sun.jdi.ObjectCollectedException e) {
                // ended meanwhile
            }
        }
        return result;
    }

    static List<Variable> of(VirtualMachine vm, Set<Long> pausedIds, DebugVariables variables) {
        List<Variable> result = new ArrayList<>();
        for (ThreadReference thread : userThreads(vm)) {
            Details details = details(thread, pausedIds.contains(thread.uniqueID()), variables);
            result.add(new Variable(thread.name(), details.summary(), "Thread #" + thread.uniqueID(),
                    variables.handle(details::lines)));
        }
        result.add(new Variable("virtual threads", VIRTUAL_THREADS_NOTE, "", 0));
        return result;
    }

    private record Details(String summary, List<Variable> lines) {}

    /** Reads a thread's locks while it is suspended for a moment (JDI answers lock questions only then). */
    private static Details details(ThreadReference thread, boolean paused, DebugVariables variables) {
        String state = paused ? "paused by the debugger" : state(thread.status());
        List<Variable> lines = new ArrayList<>();
        lines.add(new Variable("state", state, "", 0));
        String summary = state;
        thread.suspend();
        try {
            ObjectReference waitingFor = thread.currentContendedMonitor();
            if (waitingFor == null) {
                waitingFor = parkBlocker(thread);
            }
            if (waitingFor != null) {
                Variable lock = variables.of("waiting for", waitingFor);
                lines.add(lock);
                summary += " on " + lock.value();
                ThreadReference owner = owner(waitingFor);
                if (owner != null) {
                    lines.add(new Variable("held by", owner.name(), "Thread #" + owner.uniqueID(), 0));
                    summary += " held by " + owner.name();
                }
            }
            for (ObjectReference held : thread.ownedMonitors()) {
                lines.add(variables.of("holds", held));
            }
            if (thread.frameCount() > 0) {
                var top = thread.frame(0).location();
                lines.add(new Variable("at", WrapperNames.expunge(top.declaringType().name()) + "." + top.method().name()
                        + ":" + top.lineNumber(), "", 0));
            }
        } catch (IncompatibleThreadStateException | UnsupportedOperationException e) {
            // the lock questions need a suspended thread and VM support; the state stays
        } finally {
            thread.resume();
        }
        return new Details(summary, lines);
    }

    private static ObjectReference parkBlocker(ThreadReference thread) {
        Field blocker = thread.referenceType().fieldByName("parkBlocker");
        Value value = blocker == null ? null : thread.getValue(blocker);
        return value instanceof ObjectReference object ? object : null;
    }

    /** The owner of a monitor, or of a java.util.concurrent lock (its synchronizer's exclusive owner). */
    private static ThreadReference owner(ObjectReference lock) {
        try {
            ThreadReference monitorOwner = lock.owningThread();
            if (monitorOwner != null) {
                return monitorOwner;
            }
        } catch (IncompatibleThreadStateException | UnsupportedOperationException e) {
            // fall back to the synchronizer
        }
        ObjectReference sync = lock;
        Field inner = lock.referenceType().fieldByName("sync");
        if (inner != null && lock.getValue(inner) instanceof ObjectReference s) {
            sync = s;
        }
        Field owner = sync.referenceType().fieldByName("exclusiveOwnerThread");
        return owner != null && sync.getValue(owner) instanceof ThreadReference t ? t : null;
    }

    private static String state(int status) {
        return switch (status) {
            case ThreadReference.THREAD_STATUS_RUNNING -> "running";
            case ThreadReference.THREAD_STATUS_SLEEPING -> "sleeping";
            case ThreadReference.THREAD_STATUS_MONITOR -> "blocked";
            case ThreadReference.THREAD_STATUS_WAIT -> "waiting";
            case ThreadReference.THREAD_STATUS_ZOMBIE -> "ended";
            case ThreadReference.THREAD_STATUS_NOT_STARTED -> "not started";
            default -> "unknown";
        };
    }
}
