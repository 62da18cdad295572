package jconcur.concurrency;

/**
 * A parallel run returned something other than the reference (sequential) result. The message names the run
 * (variant or worker count and repeat) and the first difference, e.g. index and both values.
 */
public class ResultMismatchException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param where      the run that disagreed, e.g. "workers 4, repeat 2/5"
     * @param reference  what the result was compared with, e.g. "the sequential result"
     * @param difference the first difference
     */
    public ResultMismatchException(String where, String reference, String difference) {
        super(where + ": the result differs from " + reference + ": " + difference);
    }
}
