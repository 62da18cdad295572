package jconcur.concurrency;

import java.lang.management.LockInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.MonitorInfo;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jconcur.concurrency.names.LockNames;

/**
 * Who waits for which lock held by whom, and the cycle in it if there is one. Two sources:
 * <ul>
 *   <li>{@link NamedLock}s: exact for platform and virtual threads (owner and queued threads come from the
 *       lock itself);</li>
 *   <li>{@link ThreadMXBean}: any monitor ({@code synchronized}) or {@code java.util.concurrent} lock, but
 *       platform threads only.</li>
 * </ul>
 * In both, a thread in a timed wait ({@code tryLock(timeout)}) has no edge: it cannot be deadlocked.
 */
final class WaitForGraph {

    /**
     * One edge: the waiter is blocked on {@code lock}, which the owner holds. Threads are identified by id
     * (names repeat across demos), shown by name.
     */
    record Edge(long waiterId, String waiter, String lock, long ownerId, String owner) {
        @Override
        public String toString() {
            return waiter + " waits for lock " + lock + " held by " + owner;
        }
    }

    /** The edges, keyed by waiting thread id (a thread waits for at most one lock). */
    private final Map<Long, Edge> edges;
    /** Locks held, by thread id. */
    private final Map<Long, List<String>> held;
    final String source;

    private WaitForGraph(Map<Long, Edge> edges, Map<Long, List<String>> held, String source) {
        this.edges = edges;
        this.held = held;
        this.source = source;
    }

    /** The graph of the named locks. */
    static WaitForGraph ofNamedLocks() {
        Map<Long, Edge> edges = new LinkedHashMap<>();
        Map<Long, List<String>> held = new HashMap<>();
        for (NamedLock lock : NamedLock.live()) {
            Optional<Thread> owner = lock.owner();
            if (owner.isPresent()) {
                Thread o = owner.get();
                held.computeIfAbsent(o.threadId(), k -> new ArrayList<>()).add(lock.name());
                for (Thread waiter : lock.blockedThreads()) {
                    edges.put(waiter.threadId(), new Edge(waiter.threadId(), waiter.getName(), lock.name(),
                            o.threadId(), o.getName()));
                }
            }
        }
        return new WaitForGraph(edges, held, "the named locks' wait-for graph");
    }

    /**
     * The graph the JVM reports for the deadlocked platform threads (empty when none), without the threads in
     * a timed wait: the JVM counts a thread in {@code tryLock(timeout)} as deadlocked, but its wait ends by
     * itself.
     */
    static WaitForGraph ofDeadlockedPlatformThreads() {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long[] ids = mx.findDeadlockedThreads();
        Map<Long, Edge> edges = new LinkedHashMap<>();
        Map<Long, List<String>> held = new HashMap<>();
        if (ids != null) {
            for (ThreadInfo info : mx.getThreadInfo(ids, true, true)) {
                if (info == null || info.getLockOwnerName() == null
                        || info.getThreadState() == Thread.State.TIMED_WAITING) {
                    continue;
                }
                edges.put(info.getThreadId(), new Edge(info.getThreadId(), info.getThreadName(),
                        LockNames.of(info.getLockInfo()), info.getLockOwnerId(), info.getLockOwnerName()));
                List<String> mine = held.computeIfAbsent(info.getThreadId(), k -> new ArrayList<>());
                for (MonitorInfo monitor : info.getLockedMonitors()) {
                    mine.add(LockNames.of(monitor));
                }
                for (LockInfo lock : info.getLockedSynchronizers()) {
                    mine.add(LockNames.of(lock));
                }
            }
        }
        return new WaitForGraph(edges, held, "ThreadMXBean.findDeadlockedThreads");
    }

    /** The first cycle through any of the given threads, as edges in wait order. */
    List<Edge> cycleThrough(Collection<Thread> threads) {
        for (Thread start : threads) {
            List<Edge> cycle = cycleFrom(start.threadId());
            if (!cycle.isEmpty()) {
                return cycle;
            }
        }
        return List.of();
    }

    /** Ids of all threads on a cycle. */
    Set<Long> threadsOnCycles() {
        Set<Long> on = new LinkedHashSet<>();
        for (long start : edges.keySet()) {
            cycleFrom(start).forEach(edge -> on.add(edge.waiterId()));
        }
        return on;
    }

    /** The first cycle in the graph, as edges in wait order, or empty. */
    List<Edge> anyCycle() {
        for (long start : edges.keySet()) {
            List<Edge> cycle = cycleFrom(start);
            if (!cycle.isEmpty()) {
                return cycle;
            }
        }
        return List.of();
    }

    boolean isEmpty() {
        return edges.isEmpty();
    }

    /** The cycle reached by following the waits from a thread, as edges in wait order, or empty. */
    private List<Edge> cycleFrom(long start) {
        List<Edge> path = new ArrayList<>();
        List<Long> visited = new ArrayList<>();
        long current = start;
        while (edges.containsKey(current) && !visited.contains(current)) {
            visited.add(current);
            Edge edge = edges.get(current);
            path.add(edge);
            current = edge.ownerId();
        }
        int loopStart = visited.indexOf(current);
        return loopStart < 0 ? List.of() : List.copyOf(path.subList(loopStart, path.size()));
    }

    Optional<Edge> waitOf(Thread thread) {
        return Optional.ofNullable(edges.get(thread.threadId()));
    }

    List<String> heldBy(Thread thread) {
        return held.getOrDefault(thread.threadId(), List.of());
    }

    /**
     * As data for drawing: every wait and hold of this graph (restricted to the given threads' edges when
     * {@code only} is not null), and the given cycle.
     */
    LockGraph toLockGraph(List<Edge> cycle, Set<Long> only) {
        List<LockGraph.Wait> waits = new ArrayList<>();
        Map<Long, String> names = new HashMap<>();
        for (Edge e : edges.values()) {
            names.put(e.waiterId(), e.waiter());
            names.put(e.ownerId(), e.owner());
            if (only == null || only.contains(e.waiterId())) {
                waits.add(new LockGraph.Wait(e.waiter(), e.lock(), e.owner()));
            }
        }
        List<LockGraph.Hold> holds = new ArrayList<>();
        held.forEach((id, locks) -> {
            if (names.containsKey(id) && (only == null || only.contains(id))) {
                locks.forEach(lock -> holds.add(new LockGraph.Hold(names.get(id), lock)));
            }
        });
        return new LockGraph(holds, waits, cycle.stream().map(Edge::waiter).toList());
    }
}
