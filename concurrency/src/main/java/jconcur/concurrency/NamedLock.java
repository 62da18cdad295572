package jconcur.concurrency;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A {@link ReentrantLock} with a name, for deadlock demos: {@link Actors} builds the wait-for graph ("T1
 * waits for L2 held by T2") from these locks, which works for virtual threads too (the JVM's
 * {@code ThreadMXBean} sees platform threads only).
 *
 * <p>Two differences from a plain ReentrantLock, both so that demos end cleanly:
 * <ul>
 *   <li>{@link #lock()} responds to interrupts: a thread interrupted while waiting gets a
 *       {@link CancellationException} (and keeps its interrupt flag), so a deadlocked actor unwinds and its
 *       {@code finally} blocks release the locks it holds;</li>
 *   <li>threads waiting in {@link #tryLock(long, TimeUnit)} are not counted as blocked: a timed wait ends
 *       by itself, so it cannot be part of a deadlock (it can be part of a livelock).</li>
 * </ul>
 */
public final class NamedLock extends ReentrantLock {

    /** Serialization version (a ReentrantLock is Serializable). */
    private static final long serialVersionUID = 1L;
    private static final Set<NamedLock> LIVE = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    /** Shown in reports. */
    private final String name;
    /** Threads inside tryLock(timeout), which cannot be deadlocked. */
    private final transient Set<Thread> timedWaiters = ConcurrentHashMap.newKeySet();

    /**
     * Creates an unfair named lock.
     *
     * @param name shown in deadlock reports, e.g. "L1" or "fork 3"
     */
    public NamedLock(String name) {
        this(name, false);
    }

    /**
     * Creates a named lock.
     *
     * @param name shown in deadlock reports
     * @param fair true for first-come-first-served hand-over (see {@link ReentrantLock#ReentrantLock(boolean)})
     */
    public NamedLock(String name, boolean fair) {
        super(fair);
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a named lock needs a name");
        }
        this.name = name;
        LIVE.add(this);
    }

    /**
     * The lock's name.
     *
     * @return the name given at creation
     */
    public String name() {
        return name;
    }

    /**
     * Acquires the lock, waiting as long as needed, but gives up when the thread is interrupted. Inside a
     * {@code timeline} the wait is recorded (and drawn) when it is long enough to see.
     *
     * @throws CancellationException when interrupted while waiting (the interrupt flag stays set)
     */
    @Override
    public void lock() {
        // only a lock held by another thread makes a wait worth drawing (not class loading on a free lock)
        TimelineRecorder recorder = isLocked() && !isHeldByCurrentThread() ? TimelineRecorder.current() : null;
        long start = recorder == null ? 0 : System.nanoTime();
        try {
            lockInterruptibly();
            if (recorder != null) {
                recorder.recordWait("waiting for " + name, start, System.nanoTime());
            }
        } catch (InterruptedException e) {
            if (recorder != null) {
                recorder.recordWait("waiting for " + name, start, System.nanoTime());
            }
            Thread.currentThread().interrupt();
            throw new CancellationException(Thread.currentThread().getName() + " was interrupted while waiting for lock "
                    + name);
        }
    }

    /**
     * Waits at most the given time for the lock; meanwhile the thread does not count as blocked.
     *
     * @param timeout how long to wait
     * @param unit    the unit of timeout
     * @return true if the lock was acquired
     * @throws InterruptedException when interrupted while waiting
     */
    @Override
    public boolean tryLock(long timeout, TimeUnit unit) throws InterruptedException {
        Thread me = Thread.currentThread();
        timedWaiters.add(me);
        try {
            return super.tryLock(timeout, unit);
        } finally {
            timedWaiters.remove(me);
        }
    }

    /**
     * The thread holding the lock.
     *
     * @return the owner, or empty when the lock is free
     */
    public Optional<Thread> owner() {
        return Optional.ofNullable(getOwner());
    }

    /**
     * Threads waiting for this lock without a time limit (those in {@code tryLock(timeout)} excluded).
     *
     * @return the blocked threads
     */
    public List<Thread> blockedThreads() {
        Collection<Thread> queued = getQueuedThreads();
        List<Thread> blocked = new ArrayList<>(queued.size());
        for (Thread t : queued) {
            if (!timedWaiters.contains(t)) {
                blocked.add(t);
            }
        }
        return blocked;
    }

    /** All named locks still reachable, for the deadlock detector. */
    static List<NamedLock> live() {
        synchronized (LIVE) {
            return new ArrayList<>(LIVE);
        }
    }

    /** E.g. "L1 (held by T2)" or "L1 (free)". */
    @Override
    public String toString() {
        Thread owner = getOwner();
        return name + (owner == null ? " (free)" : " (held by " + owner.getName() + ")");
    }
}
