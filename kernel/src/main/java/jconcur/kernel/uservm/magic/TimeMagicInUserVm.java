package jconcur.kernel.uservm.magic;

/**
 * Runs in the user VM for %time and %%time. A single expression is timed exactly as a lambda
 * ({@link #time}); other code is bracketed by {@link #start()} and {@link #stop(long)}, which the kernel
 * runs as snippets before and after the cell's own snippets.
 */
public final class TimeMagicInUserVm {

    private static CpuClock.Sample started;

    private TimeMagicInUserVm() {}

    public static void start() {
        started = CpuClock.now();
    }

    /** wallNanos: the wall time the kernel measured around the cell's own snippets (not this one's compilation). */
    public static void stop(long wallNanos) {
        CpuClock.Sample end = CpuClock.now();
        if (started == null) {
            throw new IllegalStateException("TimeMagicInUserVm.stop() without TimeMagicInUserVm.start()");
        }
        CpuClock.Usage usage = CpuClock.between(started, end);
        print(new CpuClock.Usage(usage.user(), usage.system(), wallNanos / 1e9));
        started = null;
    }

    public static void time(Body body) throws Throwable {
        CpuClock.Sample start = CpuClock.now();
        body.run();
        print(CpuClock.between(start, CpuClock.now()));
    }

    public static <T> T time(ValueBody<T> body) throws Throwable {
        CpuClock.Sample start = CpuClock.now();
        T value = body.get();
        print(CpuClock.between(start, CpuClock.now()));
        return value;
    }

    static String report(CpuClock.Usage usage) {
        return "CPU times: user " + IPythonTimeFormat.format(usage.user(), 3)
                + ", sys: " + IPythonTimeFormat.format(usage.system(), 3)
                + ", total: " + IPythonTimeFormat.format(usage.total(), 3) + "\n"
                + "Wall time: " + IPythonTimeFormat.format(usage.wall(), 3);
    }

    private static void print(CpuClock.Usage usage) {
        System.out.println(report(usage));
        System.out.flush();
    }

    /** Statements to time. */
    @FunctionalInterface
    public interface Body {
        void run() throws Throwable;
    }

    /** An expression to time; its value is the cell's value. */
    @FunctionalInterface
    public interface ValueBody<T> {
        T get() throws Throwable;
    }
}
