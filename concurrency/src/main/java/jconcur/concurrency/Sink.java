package jconcur.concurrency;

/**
 * Keeps results of timed tasks observable, so the JIT cannot treat the work that produced them as dead
 * code. Every timed run hands its result to {@link #consume(Object)}; use it yourself inside hand-written
 * timing loops.
 */
public final class Sink {

    /** A volatile write is a side effect the JIT must keep, and so must be the computation feeding it. */
    private static volatile Object last;

    private Sink() {
    }

    /**
     * Publishes a value to a volatile field so that computing it cannot be optimised away.
     *
     * @param value any value (may be null)
     */
    public static void consume(Object value) {
        last = value;
    }

    /**
     * Publishes a primitive result (no boxing is needed by the caller).
     *
     * @param value any long
     */
    public static void consume(long value) {
        last = value;
    }

    /**
     * Publishes a primitive result.
     *
     * @param value any double
     */
    public static void consume(double value) {
        last = value;
    }

    /**
     * The last consumed value: read it if you want to print what the timed task produced.
     *
     * @return the value most recently passed to {@code consume}
     */
    public static Object last() {
        return last;
    }
}
