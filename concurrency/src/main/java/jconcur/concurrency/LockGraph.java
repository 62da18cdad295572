package jconcur.concurrency;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A wait-for graph as data, for drawing: which thread holds which lock, which thread waits for which lock
 * (and who holds it), and the deadlock cycle if there is one. {@link DeadlockReport#graph()} and
 * {@link Deadlocks#lockGraph()} give one; as a cell's last value it is drawn (threads and locks as nodes,
 * "waits for" and "held by" as arrows, the cycle in red).
 *
 * @param holds which thread holds which lock
 * @param waits which thread waits for which lock, held by whom
 * @param cycle the threads on the deadlock cycle in wait order (T1 waits for a lock held by T2, ...), or
 *              empty
 */
public record LockGraph(List<Hold> holds, List<Wait> waits, List<String> cycle) {

    /**
     * A thread holds a lock.
     *
     * @param thread the thread's name
     * @param lock   the lock's name
     */
    public record Hold(String thread, String lock) {
    }

    /**
     * A thread waits for a lock that another thread holds.
     *
     * @param thread the waiting thread's name
     * @param lock   the lock's name
     * @param owner  the holder's name
     */
    public record Wait(String thread, String lock, String owner) {
    }

    /** Copies the lists; every waited-for lock is also listed as held by its owner. */
    public LockGraph {
        List<Hold> allHolds = new ArrayList<>(holds);
        for (Wait w : waits) {
            Hold implied = new Hold(w.owner(), w.lock());
            if (w.owner() != null && !allHolds.contains(implied)) {
                allHolds.add(implied);
            }
        }
        holds = List.copyOf(allHolds);
        waits = List.copyOf(waits);
        cycle = List.copyOf(cycle);
    }

    /**
     * Whether there is nothing to draw.
     *
     * @return true when no thread holds or waits for a lock
     */
    public boolean isEmpty() {
        return holds.isEmpty() && waits.isEmpty();
    }

    /**
     * The threads, those on the cycle first (in cycle order).
     *
     * @return thread names
     */
    public List<String> threads() {
        Set<String> threads = new LinkedHashSet<>(cycle);
        waits.forEach(w -> threads.add(w.thread()));
        holds.forEach(h -> threads.add(h.thread()));
        return List.copyOf(threads);
    }

    /**
     * The locks, those on the cycle first.
     *
     * @return lock names
     */
    public List<String> locks() {
        Set<String> locks = new LinkedHashSet<>();
        cycleWaits().forEach(w -> locks.add(w.lock()));
        waits.forEach(w -> locks.add(w.lock()));
        holds.forEach(h -> locks.add(h.lock()));
        return List.copyOf(locks);
    }

    /**
     * The waits that make up the cycle, in cycle order.
     *
     * @return for each thread on the cycle, the lock it waits for and who holds it
     */
    public List<Wait> cycleWaits() {
        List<Wait> onCycle = new ArrayList<>();
        for (int i = 0; i < cycle.size(); i++) {
            String thread = cycle.get(i);
            String next = cycle.get((i + 1) % cycle.size());
            waits.stream().filter(w -> w.thread().equals(thread) && next.equals(w.owner())).findFirst()
                    .ifPresent(onCycle::add);
        }
        return onCycle;
    }

    /** One line per wait and per hold; the cycle first. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(cycle.isEmpty() ? "wait-for graph (no cycle)"
                : "wait-for graph with a deadlock cycle: " + String.join(" -> ", cycle) + " -> " + cycle.get(0));
        waits.forEach(w -> out.append("\n  ").append(w.thread()).append(" waits for ").append(w.lock())
                .append(w.owner() == null ? "" : " held by " + w.owner()));
        holds.forEach(h -> out.append("\n  ").append(h.thread()).append(" holds ").append(h.lock()));
        return out.toString();
    }
}
