package jconcur.concurrency;

import java.time.Duration;
import java.util.concurrent.Callable;

/** Runs a task once under the clock; the single place where the helper package times user tasks. */
final class Stopwatch {

    private Stopwatch() {
    }

    /** Times one call; the result goes to the {@link Sink}; failures are wrapped with {@code where}. */
    static <T> Timed<T> once(Callable<T> task, String where) {
        long start = System.nanoTime();
        T value;
        try {
            value = task.call();
        } catch (Exception e) {
            throw new TaskFailedException(where, e);
        }
        long elapsed = System.nanoTime() - start;
        Sink.consume(value);
        return new Timed<>(value, Duration.ofNanos(elapsed));
    }

    static Callable<Void> callable(ThrowingRunnable task) {
        return () -> {
            task.run();
            return null;
        };
    }
}
