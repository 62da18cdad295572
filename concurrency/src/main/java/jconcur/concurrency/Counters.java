package jconcur.concurrency;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Ready-made counters for {@link Concurrency#lostUpdates}: three that race and four that do not.
 * Each {@code toString()} names it, for reports and charts.
 *
 * <p>Which ones really lose updates in Java (book-chapters.md, finding 1): a plain {@code int} field is
 * often <em>not</em> visibly racy, because the JIT keeps it in a register for the whole loop and writes it
 * back once; {@code volatile} forces a read and a write per increment and loses updates under contention;
 * "read, sleep, write" loses them almost always.
 */
public final class Counters {

    private Counters() {
    }

    /**
     * {@code count++} on a plain field: racy in principle, but the JIT may hoist the loop, so few or no
     * updates get lost in practice.
     *
     * @return a new counter at 0
     */
    public static Counter plain() {
        return new Counter() {
            private long count;

            @Override
            public void increment() {
                count++;
            }

            @Override
            public long get() {
                return count;
            }

            @Override
            public String toString() {
                return "plain field";
            }
        };
    }

    /**
     * {@code count++} on a volatile field: each increment is a separate read and write, so concurrent
     * increments overwrite each other.
     *
     * @return a new counter at 0
     */
    public static Counter volatileField() {
        return new Counter() {
            private volatile long count;

            @Override
            @SuppressWarnings("NonAtomicOperationOnVolatileField")
            public void increment() {
                count++;
            }

            @Override
            public long get() {
                return count;
            }

            @Override
            public String toString() {
                return "volatile field";
            }
        };
    }

    /**
     * Reads the count, sleeps, then writes count + 1 (the book's chapter 14 and 16 pattern): nearly every
     * concurrent increment is lost. Use few increments per thread, each takes at least {@code pause}.
     *
     * @param pause the sleep between read and write, e.g. {@code Duration.ofMillis(1)}
     * @return a new counter at 0
     */
    public static Counter readSleepWrite(Duration pause) {
        long nanos = pause.toNanos();
        return new Counter() {
            private volatile long count;

            @Override
            public void increment() {
                long read = count;
                try {
                    Thread.sleep(Duration.ofNanos(nanos));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
                count = read + 1;
            }

            @Override
            public long get() {
                return count;
            }

            @Override
            public String toString() {
                return "read, sleep " + TimeFormat.duration(pause) + ", write";
            }
        };
    }

    /**
     * {@code synchronized} increment: never loses updates.
     *
     * @return a new counter at 0
     */
    public static Counter synchronizedMethod() {
        return new Counter() {
            private long count;

            @Override
            public synchronized void increment() {
                count++;
            }

            @Override
            public synchronized long get() {
                return count;
            }

            @Override
            public String toString() {
                return "synchronized";
            }
        };
    }

    /**
     * Increment under a {@link ReentrantLock}: never loses updates.
     *
     * @return a new counter at 0
     */
    public static Counter locked() {
        return new Counter() {
            private final ReentrantLock lock = new ReentrantLock();
            private long count;

            @Override
            public void increment() {
                lock.lock();
                try {
                    count++;
                } finally {
                    lock.unlock();
                }
            }

            @Override
            public long get() {
                lock.lock();
                try {
                    return count;
                } finally {
                    lock.unlock();
                }
            }

            @Override
            public String toString() {
                return "ReentrantLock";
            }
        };
    }

    /**
     * {@link AtomicLong#incrementAndGet()}: lock-free, never loses updates.
     *
     * @return a new counter at 0
     */
    public static Counter atomic() {
        return new Counter() {
            private final AtomicLong count = new AtomicLong();

            @Override
            public void increment() {
                count.incrementAndGet();
            }

            @Override
            public long get() {
                return count.get();
            }

            @Override
            public String toString() {
                return "AtomicLong";
            }
        };
    }

    /**
     * {@link LongAdder}: striped per-thread cells, the JDK's "approximate counter"; exact once threads stop.
     *
     * @return a new counter at 0
     */
    public static Counter adder() {
        return new Counter() {
            private final LongAdder count = new LongAdder();

            @Override
            public void increment() {
                count.increment();
            }

            @Override
            public long get() {
                return count.sum();
            }

            @Override
            public String toString() {
                return "LongAdder";
            }
        };
    }
}
