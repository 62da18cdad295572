package jconcur.kernel.uservm;

import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * Runs user code on the agent's own thread (the user VM's "main" thread) in a way the kernel can stop
 * through JDI. The kernel suspends the thread, checks that it is in user code ({@link #current}), sets
 * {@link #stopPending} and throws {@link #SIGNAL} into it. The signal is delivered at the thread's next
 * safepoint, which may be just after the user code returned: {@link #run} then waits for it, so that it never
 * reaches the agent's command loop.
 */
public final class UserCode {

    /** Name of this class and of the fields the kernel reads and writes through JDI. */
    public static final String CLASS_NAME = UserCode.class.getName();
    public static final String CURRENT_FIELD = "current";
    public static final String SIGNAL_FIELD = "SIGNAL";
    public static final String STOP_PENDING_FIELD = "stopPending";

    /** The thread running user code right now, or null. Read by the kernel through JDI. */
    static volatile Thread current;
    /**
     * The thread that ran the last cell, also once it ended: java.util.concurrent locks a stopped cell took stay
     * held by it, and threads waiting for them are stuck (see ThreadReport).
     */
    static volatile Thread lastCellThread;
    /** Set by the kernel when it throws the signal; cleared here when the signal arrives. */
    static volatile boolean stopPending;
    /** The throwable the kernel throws into {@link #current}; preallocated because JDI cannot create objects. */
    static final CellInterrupted SIGNAL = new CellInterrupted();

    /** A delivered signal arrives within microseconds; this bound only guards against one user code swallowed. */
    private static final long SIGNAL_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    private UserCode() {}

    /** How a piece of user code ended. */
    sealed interface Outcome<T> {
        record Returned<T>(T value) implements Outcome<T> {}
        /** The user code threw; cause is what it threw (InvocationTargetException unwrapped). */
        record Threw<T>(Throwable cause) implements Outcome<T> {}
        record Stopped<T>() implements Outcome<T> {}
    }

    /** Runs body on this thread; however it ends, this thread is left as it was (no pending signal). */
    static <T> Outcome<T> run(Callable<T> body) {
        Thread me = Thread.currentThread();
        ClassLoader loader = me.getContextClassLoader();
        Outcome<T> outcome;
        try {
            outcome = attempt(body, me);
            awaitPendingSignal();
        } catch (Throwable late) {
            // The signal, arriving just after the user code ended.
            current = null;
            stopPending = false;
            outcome = new Outcome.Stopped<>();
        }
        // User code may have changed these; the next cell starts as the first did.
        me.setContextClassLoader(loader);
        me.setPriority(Thread.NORM_PRIORITY);
        Thread.interrupted();
        return outcome;
    }

    private static <T> Outcome<T> attempt(Callable<T> body, Thread me) {
        lastCellThread = me;
        current = me;
        try {
            T value = body.call();
            current = null;
            return new Outcome.Returned<>(value);
        } catch (Throwable t) {
            current = null;
            if (isStop(t)) {
                stopPending = false;
                return new Outcome.Stopped<>();
            }
            Throwable cause = t instanceof InvocationTargetException ite && ite.getCause() != null ? ite.getCause() : t;
            return new Outcome.Threw<>(cause);
        }
    }

    /** Spins (with safepoint polls) until a signal thrown into the user code's last instants has arrived. */
    private static void awaitPendingSignal() {
        long deadline = System.nanoTime() + SIGNAL_WAIT_NANOS;
        while (stopPending && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        stopPending = false;
    }

    static boolean isStop(Throwable t) {
        int depth = 0;
        for (Throwable c = t; c != null && depth < 50; c = c.getCause(), depth++) {
            if (c == SIGNAL) {
                return true;
            }
        }
        return false;
    }
}
