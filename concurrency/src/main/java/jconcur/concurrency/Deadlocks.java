package jconcur.concurrency;

import java.util.List;

/**
 * The JVM's deadlock detection without its false alarm, for tools that report deadlocks (the kernel's
 * {@code %threads} and its report on a cell that does not stop). {@code ThreadMXBean.findDeadlockedThreads}
 * counts a thread waiting in {@code tryLock(timeout)} as deadlocked, though its wait ends by itself.
 */
public final class Deadlocks {

    private Deadlocks() {
    }

    /**
     * Like {@code ThreadMXBean.findDeadlockedThreads()} (platform threads blocked on monitors or
     * java.util.concurrent locks), but threads in a timed wait are not deadlocked, nor are threads whose
     * wait-for cycle runs through one.
     *
     * @return ids of the deadlocked threads; empty (never null) when there are none
     */
    public static long[] findDeadlockedThreads() {
        return WaitForGraph.ofDeadlockedPlatformThreads().threadsOnCycles().stream().mapToLong(Long::longValue)
                .toArray();
    }

    /**
     * The current wait-for graph of this VM, for a picture: the named locks (platform and virtual threads)
     * and the JVM's deadlocked platform threads, with the first cycle found.
     *
     * @return holds, waits and cycle; empty when no thread waits for a lock
     */
    public static LockGraph lockGraph() {
        WaitForGraph named = WaitForGraph.ofNamedLocks();
        if (!named.anyCycle().isEmpty()) {
            return named.toLockGraph(named.anyCycle(), null);
        }
        WaitForGraph jvm = WaitForGraph.ofDeadlockedPlatformThreads();
        WaitForGraph chosen = jvm.isEmpty() ? named : jvm;
        return chosen.toLockGraph(chosen.anyCycle(), null);
    }
}
