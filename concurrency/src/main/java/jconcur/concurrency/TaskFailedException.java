package jconcur.concurrency;

/** A timed task threw: the message says which run (variant, worker count, repeat); the cause is the original. */
public class TaskFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param where which run failed, e.g. "workers 4, repeat 2/5"
     * @param cause what the task threw
     */
    public TaskFailedException(String where, Throwable cause) {
        super(where + ": the task threw " + cause, cause);
    }
}
