package jconcur.kernel.uservm.magic;

/**
 * The outcome of one test (or of a test class that could not run) of a %%test cell, as the user VM reports
 * it to the kernel. status is one of passed, failed, aborted, skipped; message is null when passed.
 */
public record TestCase(String name, String status, long millis, String message) {

    public static final String PASSED = "passed";
    public static final String FAILED = "failed";
    public static final String ABORTED = "aborted";
    public static final String SKIPPED = "skipped";

    public boolean failed() {
        return FAILED.equals(status);
    }
}
