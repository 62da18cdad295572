package jconcur.concurrency;

/** A child JVM failed to compile, exited with a non-zero code, or ran past its time-out. */
public class ChildProcessException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong, including the tail of the child's standard error
     */
    public ChildProcessException(String message) {
        super(message);
    }
}
