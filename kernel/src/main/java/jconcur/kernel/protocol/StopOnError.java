package jconcur.kernel.protocol;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Set when a cell with stop_on_error fails: the shell loop then aborts the execute requests already queued,
 * so that "run all" stops at the first failing cell.
 */
public final class StopOnError {

    private final AtomicBoolean pending = new AtomicBoolean();

    public void abortQueuedExecutes() {
        pending.set(true);
    }

    /** True once per failure: the caller does the aborting. */
    public boolean takeAbortRequest() {
        return pending.getAndSet(false);
    }
}
