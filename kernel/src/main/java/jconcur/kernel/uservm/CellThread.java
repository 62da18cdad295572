package jconcur.kernel.uservm;

import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.Callable;

/**
 * Runs user code on a fresh thread named "main", so that the kernel can stop exactly that thread through JDI
 * and a stop arriving late (after the user code returned) lands in a thread that is ending anyway, never in the
 * agent's command loop.
 */
public final class CellThread {

    /** Name of this class and of the fields the kernel reads through JDI. */
    public static final String CLASS_NAME = CellThread.class.getName();
    public static final String CURRENT_FIELD = "current";
    public static final String SIGNAL_FIELD = "SIGNAL";

    /** The thread running user code right now, or null. Read by the kernel through JDI. */
    static volatile Thread current;
    /** The throwable the kernel throws into {@link #current}; preallocated because JDI cannot create objects. */
    static final CellInterrupted SIGNAL = new CellInterrupted();

    private CellThread() {}

    /** How a piece of user code ended. */
    sealed interface Outcome<T> {
        record Returned<T>(T value) implements Outcome<T> {}
        /** The user code threw; cause is what it threw (InvocationTargetException unwrapped). */
        record Threw<T>(Throwable cause) implements Outcome<T> {}
        record Stopped<T>() implements Outcome<T> {}
    }

    /** Runs body on a new cell thread and waits for it to end, however it ends. */
    static <T> Outcome<T> run(Callable<T> body) {
        Run<T> run = new Run<>(body);
        Thread thread = new Thread(null, run, "main", 0);
        thread.setDaemon(true);
        // A stop that arrives after the body finished unwinds the thread's last frames; nothing to report.
        thread.setUncaughtExceptionHandler((t, e) -> { });
        current = thread;
        try {
            thread.start();
            joinUninterruptibly(thread);
        } finally {
            current = null;
        }
        return run.outcome();
    }

    private static void joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    static boolean isStop(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c == SIGNAL) {
                return true;
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return false;
    }

    private static final class Run<T> implements Runnable {
        private final Callable<T> body;
        private T value;
        private boolean returned;
        private Throwable failure;

        Run(Callable<T> body) {
            this.body = body;
        }

        @Override
        public void run() {
            try {
                try {
                    value = body.call();
                    returned = true;
                } catch (Throwable t) {
                    failure = t;
                }
            } catch (Throwable late) {
                // the stop signal landed inside the handler above
                failure = late;
            }
        }

        /** Called after the thread ended (join gives the happens-before edge). */
        Outcome<T> outcome() {
            if (returned) {
                return new Outcome.Returned<>(value);
            }
            if (failure == null || isStop(failure)) {
                return new Outcome.Stopped<>();
            }
            Throwable cause = failure instanceof InvocationTargetException ite && ite.getCause() != null
                    ? ite.getCause() : failure;
            return new Outcome.Threw<>(cause);
        }
    }
}
