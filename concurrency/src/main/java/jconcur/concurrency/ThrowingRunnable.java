package jconcur.concurrency;

/**
 * A task without a result that may throw checked exceptions ({@code Thread.sleep}, I/O), so that timing
 * calls accept {@code () -> { Thread.sleep(10); }} without a try/catch.
 */
@FunctionalInterface
public interface ThrowingRunnable {

    /**
     * Runs the task.
     *
     * @throws Exception anything the task throws; timing helpers rethrow it
     */
    void run() throws Exception;
}
