package jconcur.concurrency;

import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RunnableFuture;
import java.util.concurrent.TimeUnit;

/**
 * An executor that records every task it is given into a {@link TimelineRecorder}, then hands it to the real
 * executor. Tasks already wrapped by a recorder ({@code task(name, ...)}) keep their name and are not
 * recorded twice.
 */
final class RecordedExecutor extends AbstractExecutorService {

    private final ExecutorService delegate;
    private final TimelineRecorder recorder;

    RecordedExecutor(ExecutorService delegate, TimelineRecorder recorder) {
        this.delegate = delegate;
        this.recorder = recorder;
    }

    /** Wraps the callable itself (not the FutureTask around it), so that a task that throws shows as failed. */
    @Override
    protected <T> RunnableFuture<T> newTaskFor(Callable<T> callable) {
        return new Recorded<>(callable instanceof TimelineRecorder.RecordedCallable<T> ? callable
                : recorder.wrap(recorder.nextTaskName(), callable));
    }

    @Override
    protected <T> RunnableFuture<T> newTaskFor(Runnable runnable, T value) {
        return new Recorded<>(recordedRunnable(runnable), value);
    }

    @Override
    public void execute(Runnable command) {
        delegate.execute(command instanceof Recorded<?> ? command : recordedRunnable(command));
    }

    private Runnable recordedRunnable(Runnable runnable) {
        return runnable instanceof TimelineRecorder.RecordedRunnable ? runnable
                : recorder.wrap(recorder.nextTaskName(), runnable);
    }

    /** A future whose task is already recorded. */
    private static final class Recorded<T> extends FutureTask<T> {
        Recorded(Callable<T> callable) {
            super(callable);
        }

        Recorded(Runnable runnable, T value) {
            super(runnable, value);
        }
    }

    @Override
    public void shutdown() {
        delegate.shutdown();
    }

    @Override
    public List<Runnable> shutdownNow() {
        return delegate.shutdownNow();
    }

    @Override
    public boolean isShutdown() {
        return delegate.isShutdown();
    }

    @Override
    public boolean isTerminated() {
        return delegate.isTerminated();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        return delegate.awaitTermination(timeout, unit);
    }
}
