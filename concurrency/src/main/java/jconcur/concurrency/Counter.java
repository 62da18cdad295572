package jconcur.concurrency;

/**
 * A shared counter for race demos ({@link Concurrency#lostUpdates}); see {@link Counters} for ready-made
 * safe and unsafe ones, or implement your own.
 */
public interface Counter {

    /** Adds one (safely or not: that is the point of the demo). */
    void increment();

    /**
     * The current count (read after all threads finished).
     *
     * @return the count
     */
    long get();
}
