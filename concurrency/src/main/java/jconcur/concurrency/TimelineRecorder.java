package jconcur.concurrency;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Records which thread ran which task when, for a {@link Timeline}. Usually made for you by
 * {@code timeline(() -> { ... })}; use it directly to record around code you cannot put in one block:
 * <pre>{@code
 * var rec = TimelineRecorder.start("my pool");
 * ExecutorService pool = rec.wrap(Executors.newFixedThreadPool(4));
 * ... submit tasks, wait for them ...
 * Timeline t = rec.finish();
 * }</pre>
 * Cost per recorded task: two {@code System.nanoTime()} calls, one small object and one lock-free queue
 * insert (see HelpersBench for the figure). While a recorded task runs, its thread counts as recording:
 * {@code span(...)}, {@link NamedLock} waits and tasks wrapped there go to the same recorder.
 */
public final class TimelineRecorder {

    /**
     * The recorder of the running block or task on this thread; inherited by threads started inside it, so a
     * thread created in a {@code timeline} block records too.
     */
    private static final InheritableThreadLocal<TimelineRecorder> CURRENT = new InheritableThreadLocal<>();

    /** Waits shorter than this are not drawn: an uncontended lock is not worth a bar. */
    private static final long MIN_WAIT_NANOS = 20_000;

    private final String label;
    private final long startNanos = System.nanoTime();
    private final ConcurrentLinkedQueue<Raw> spans = new ConcurrentLinkedQueue<>();
    private final AtomicInteger tasks = new AtomicInteger();
    private volatile long endNanos = -1;

    /** One interval as recorded: raw clock readings, converted once when the timeline is built. */
    private record Raw(String name, Thread thread, TimelineSpan.Kind kind, long start, long end, boolean failed) {
    }

    private TimelineRecorder(String label) {
        this.label = label == null ? "" : label;
    }

    /**
     * Starts a recording.
     *
     * @param label a title for the picture, e.g. "16 primes on 4 threads" (may be empty)
     * @return the recorder; call {@link #finish()} to get the timeline
     */
    public static TimelineRecorder start(String label) {
        return new TimelineRecorder(label);
    }

    /**
     * The recorder active on this thread: inside a {@code timeline} block, or a recorded task.
     *
     * @return the recorder, or null when nothing records here
     */
    public static TimelineRecorder current() {
        return CURRENT.get();
    }

    /**
     * Runs a block with this recorder active on the calling thread (and threads it starts).
     *
     * @param body the block
     * @throws Exception whatever the block throws
     */
    void runActive(ThrowingRunnable body) throws Exception {
        TimelineRecorder outer = enter();
        try {
            body.run();
        } finally {
            CURRENT.set(outer);
        }
    }

    /**
     * Wraps an executor so that every task submitted to it is recorded ("task 1", "task 2", ... in
     * submission order, or the name given with {@code task(name, ...)}). Shutting the wrapper down shuts the
     * executor down.
     *
     * @param executor any executor service (not a ForkJoinPool whose tasks fork: forks bypass the wrapper)
     * @return the recording executor
     */
    public ExecutorService wrap(ExecutorService executor) {
        return new RecordedExecutor(Objects.requireNonNull(executor, "executor"), this);
    }

    /**
     * Wraps a task so that each run is recorded under the given name.
     *
     * @param name e.g. "prime 1000000007"
     * @param task the task
     * @param <T>  its result type
     * @return the recording task
     */
    public <T> Callable<T> wrap(String name, Callable<T> task) {
        Objects.requireNonNull(task, "task");
        return new RecordedCallable<>(name, task, this);
    }

    /**
     * Wraps a task without a result so that each run is recorded under the given name.
     *
     * @param name e.g. "writer"
     * @param task the task
     * @return the recording task
     */
    public Runnable wrap(String name, Runnable task) {
        Objects.requireNonNull(task, "task");
        return new RecordedRunnable(name, task, this);
    }

    /** "task N", numbered in the order tasks were handed to recorded executors. */
    String nextTaskName() {
        return "task " + tasks.incrementAndGet();
    }

    /**
     * Runs a task on the calling thread and records it, with this recorder active meanwhile.
     *
     * @param name what the span is called
     * @param task the work
     * @param <T>  the result type
     * @return what the task returned
     * @throws Exception what the task threw (the span is then marked as failed)
     */
    <T> T call(String name, Callable<T> task) throws Exception {
        TimelineRecorder outer = enter();
        long start = System.nanoTime();
        boolean failed = true;
        try {
            T value = task.call();
            failed = false;
            return value;
        } finally {
            exit(name, start, failed, outer);
        }
    }

    /** Like {@link #call} for a task without a result. */
    void run(String name, Runnable task) {
        TimelineRecorder outer = enter();
        long start = System.nanoTime();
        boolean failed = true;
        try {
            task.run();
            failed = false;
        } finally {
            exit(name, start, failed, outer);
        }
    }

    private TimelineRecorder enter() {
        TimelineRecorder outer = CURRENT.get();
        CURRENT.set(this);
        return outer;
    }

    private void exit(String name, long start, boolean failed, TimelineRecorder outer) {
        spans.add(new Raw(name, Thread.currentThread(), TimelineSpan.Kind.TASK, start, System.nanoTime(), failed));
        CURRENT.set(outer);
    }

    /** Records a wait (for a named lock) of the calling thread, if it lasted long enough to be seen. */
    void recordWait(String name, long start, long end) {
        if (end - start >= MIN_WAIT_NANOS) {
            spans.add(new Raw(name, Thread.currentThread(), TimelineSpan.Kind.WAIT, start, end, false));
        }
    }

    /**
     * Stops the recording (later tasks are ignored) and builds the timeline.
     *
     * @return the recorded spans, one row per thread
     */
    public Timeline finish() {
        if (endNanos < 0) {
            endNanos = System.nanoTime();
        }
        List<TimelineSpan> converted = new ArrayList<>();
        for (Raw raw : spans) {
            if (raw.start() > endNanos) {
                continue;
            }
            Thread t = raw.thread();
            String threadName = t.getName().isEmpty() ? (t.isVirtual() ? "virtual #" : "thread #") + t.threadId()
                    : t.getName();
            converted.add(new TimelineSpan(raw.name(), raw.name(), threadName, t.threadId(), t.isVirtual(), raw.kind(),
                    seconds(raw.start()), seconds(Math.min(raw.end(), endNanos)), raw.failed(), 0));
        }
        return Timeline.of(label, seconds(endNanos), converted);
    }

    private double seconds(long nanos) {
        return Math.max(0, nanos - startNanos) / 1e9;
    }

    /** A recorded Callable; recognised by recorded executors so that it is not recorded twice. */
    static final class RecordedCallable<T> implements Callable<T> {
        private final String name;
        private final Callable<T> task;
        private final TimelineRecorder recorder;

        RecordedCallable(String name, Callable<T> task, TimelineRecorder recorder) {
            this.name = name;
            this.task = task;
            this.recorder = recorder;
        }

        @Override
        public T call() throws Exception {
            return recorder.call(name, task);
        }
    }

    /** A recorded Runnable; recognised by recorded executors so that it is not recorded twice. */
    static final class RecordedRunnable implements Runnable {
        private final String name;
        private final Runnable task;
        private final TimelineRecorder recorder;

        RecordedRunnable(String name, Runnable task, TimelineRecorder recorder) {
            this.name = name;
            this.task = task;
            this.recorder = recorder;
        }

        @Override
        public void run() {
            recorder.run(name, task);
        }
    }
}
