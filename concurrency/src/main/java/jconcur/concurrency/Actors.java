package jconcur.concurrency;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs a few actors (Runnables) on their own threads for a hazard demo and reports how it ended, never
 * blocking the caller longer than the time-out (plus a short clean-up).
 * <pre>{@code
 * var a = namedLock("A"); var b = namedLock("B");
 * DeadlockReport r = Actors.platformThreads()
 *         .add("T1", () -> { a.lock(); try { pause(50); b.lock(); b.unlock(); } finally { a.unlock(); } })
 *         .add("T2", () -> { b.lock(); try { pause(50); a.lock(); a.unlock(); } finally { b.unlock(); } })
 *         .timeout(Duration.ofSeconds(2)).run();
 * }</pre>
 * How it works: all actors start together (a latch); every 20 ms the runner looks for a wait-for cycle,
 * first among the {@link NamedLock}s (platform and virtual threads), then, for platform threads, through
 * {@code ThreadMXBean.findDeadlockedThreads} (monitors and any java.util.concurrent lock). Threads in a timed
 * wait ({@code tryLock(timeout)}) are never part of a cycle. A cycle seen on two consecutive checks is a
 * deadlock. On a deadlock or at the time-out, the runner records each actor's
 * state, locks and top frames, interrupts all actors and waits up to 500 ms for them to end. Actors blocked
 * in {@code synchronized} or plain {@code lock()} ignore interrupts and are abandoned: platform actors are
 * daemon threads and virtual threads never keep the VM alive, so the notebook keeps working.
 *
 * <p>Limits: for virtual threads only {@link NamedLock}s are tracked (the JVM's deadlock detection covers
 * platform threads only), so a virtual-thread deadlock on {@code synchronized} or a plain ReentrantLock is
 * reported as TIMED_OUT with the stacks. Before JDK 24 virtual actors abandoned in {@code synchronized} keep
 * their carrier threads until the VM ends; the report then says how many and what that leaves
 * ({@link VirtualThreadPinning}).
 */
public final class Actors {

    private static final long POLL_MILLIS = 20;
    private static final long CLEANUP_MILLIS = 500;

    private final boolean virtual;
    private final Map<String, Runnable> actors = new LinkedHashMap<>();
    private Duration timeout = Duration.ofSeconds(5);

    private Actors(boolean virtual) {
        this.virtual = virtual;
    }

    /**
     * Actors on platform threads (daemon threads).
     *
     * @return an empty set of actors
     */
    public static Actors platformThreads() {
        return new Actors(false);
    }

    /**
     * Actors on virtual threads.
     *
     * @return an empty set of actors
     */
    public static Actors virtualThreads() {
        return new Actors(true);
    }

    /**
     * Adds an actor.
     *
     * @param name the thread's name (unique), used in the report
     * @param body what the actor does
     * @return this
     */
    public Actors add(String name, Runnable body) {
        Objects.requireNonNull(body, "body");
        if (name == null || name.isBlank() || actors.containsKey(name)) {
            throw new IllegalArgumentException("actor names must be unique and not blank: " + name);
        }
        actors.put(name, body);
        return this;
    }

    /**
     * Sets how long the actors may run before the demo is stopped (default 5 s).
     *
     * @param timeout positive duration
     * @return this
     */
    public Actors timeout(Duration timeout) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the time-out must be positive, got " + timeout);
        }
        this.timeout = timeout;
        return this;
    }

    /**
     * Runs the actors until they all finish, a deadlock is found, or the time-out passes.
     *
     * @return the report
     */
    public DeadlockReport run() {
        if (actors.isEmpty()) {
            throw new IllegalStateException("add at least one actor");
        }
        CountDownLatch start = new CountDownLatch(1);
        Map<String, String> failures = new ConcurrentHashMap<>();
        AtomicBoolean cleaningUp = new AtomicBoolean();
        List<Thread> threads = new ArrayList<>();
        TimelineRecorder recorder = TimelineRecorder.current();
        for (Map.Entry<String, Runnable> actor : actors.entrySet()) {
            // inside a timeline block, each actor is one task on its own row
            Runnable work = recorder == null ? actor.getValue() : recorder.wrap(actor.getKey(), actor.getValue());
            Runnable body = () -> {
                try {
                    start.await();
                    work.run();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (RuntimeException | Error e) {
                    if (!(cleaningUp.get() && Thread.currentThread().isInterrupted())) {
                        failures.put(actor.getKey(), e.toString());
                    }
                }
            };
            Thread thread = virtual ? Thread.ofVirtual().name(actor.getKey()).unstarted(body)
                    : Thread.ofPlatform().name(actor.getKey()).daemon(true).unstarted(body);
            threads.add(thread);
        }
        threads.forEach(Thread::start);
        long begin = System.nanoTime();
        start.countDown();
        long deadline = begin + timeout.toNanos();

        List<WaitForGraph.Edge> previous = List.of();
        WaitForGraph graph = null;
        DeadlockReport.Outcome outcome = DeadlockReport.Outcome.TIMED_OUT;
        List<WaitForGraph.Edge> cycle = List.of();
        try {
            while (true) {
                if (threads.stream().noneMatch(Thread::isAlive)) {
                    outcome = DeadlockReport.Outcome.FINISHED;
                    break;
                }
                graph = WaitForGraph.ofNamedLocks();
                List<WaitForGraph.Edge> found = graph.cycleThrough(threads);
                if (found.isEmpty() && !virtual) {
                    graph = WaitForGraph.ofDeadlockedPlatformThreads();
                    found = graph.cycleThrough(threads);
                }
                if (!found.isEmpty() && sameEdges(found, previous)) {
                    outcome = DeadlockReport.Outcome.DEADLOCK;
                    cycle = found;
                    break;
                }
                previous = found;
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                Thread.sleep(Math.min(POLL_MILLIS, Math.max(1, left / 1_000_000)));
            }
        } catch (InterruptedException e) {
            // the cell was interrupted: stop the actors and report what we have
            Thread.currentThread().interrupt();
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - begin);
        List<WaitForGraph.Edge> waits = new ArrayList<>();
        List<ActorState> states = snapshot(threads, graph, failures, waits);
        List<String> abandoned = outcome == DeadlockReport.Outcome.FINISHED ? List.of() : stop(threads, cleaningUp);
        String jdkNote = virtual ? VirtualThreadPinning.abandonedNote(blockedOnMonitors(threads, abandoned)) : null;
        return new DeadlockReport(outcome, elapsed, cycle.stream().map(WaitForGraph.Edge::toString).toList(),
                outcome == DeadlockReport.Outcome.DEADLOCK ? graph.source : null, states, abandoned, jdkNote,
                lockGraph(states, waits, cycle));
    }

    /** The abandoned actors that wait to enter a monitor: before JDK 24 each of them pins a carrier. */
    private static List<String> blockedOnMonitors(List<Thread> threads, List<String> abandoned) {
        return threads.stream().filter(t -> abandoned.contains(t.getName()) && t.getState() == Thread.State.BLOCKED)
                .map(Thread::getName).toList();
    }

    private static boolean sameEdges(List<WaitForGraph.Edge> a, List<WaitForGraph.Edge> b) {
        return a.size() == b.size() && new HashSet<>(a).equals(new HashSet<>(b));
    }

    /** Each actor's state; the wait edges seen go to {@code waits} (for the picture). */
    private List<ActorState> snapshot(List<Thread> threads, WaitForGraph graph, Map<String, String> failures,
                                      List<WaitForGraph.Edge> waits) {
        WaitForGraph named = WaitForGraph.ofNamedLocks();
        List<ActorState> states = new ArrayList<>();
        for (Thread thread : threads) {
            String name = thread.getName();
            Thread.State state = thread.getState();
            Optional<WaitForGraph.Edge> edge = named.waitOf(thread)
                    .or(() -> graph == null ? Optional.empty() : graph.waitOf(thread));
            edge.ifPresent(waits::add);
            String waiting = edge.map(e -> e.lock() + " (held by " + e.owner() + ")").orElse(null);
            List<String> holding = new ArrayList<>(named.heldBy(thread));
            if (graph != null && graph != named) {
                graph.heldBy(thread).stream().filter(l -> !holding.contains(l)).forEach(holding::add);
            }
            List<String> frames = state == Thread.State.TERMINATED ? List.of() : StackFrames.top(thread.getStackTrace());
            states.add(new ActorState(name, virtual, state, waiting, holding, frames, failures.get(name)));
        }
        return states;
    }

    /** The actors' holds and waits as the snapshot saw them, with the cycle, for the picture. */
    private static LockGraph lockGraph(List<ActorState> states, List<WaitForGraph.Edge> waitEdges,
                                       List<WaitForGraph.Edge> cycle) {
        List<LockGraph.Hold> holds = new ArrayList<>();
        List<LockGraph.Wait> waits = new ArrayList<>();
        for (ActorState actor : states) {
            actor.holding().forEach(lock -> holds.add(new LockGraph.Hold(actor.name(), lock)));
        }
        for (WaitForGraph.Edge edge : waitEdges) {
            waits.add(new LockGraph.Wait(edge.waiter(), edge.lock(), edge.owner()));
        }
        return new LockGraph(holds, waits, cycle.stream().map(WaitForGraph.Edge::waiter).toList());
    }

    /** Interrupts the actors, waits a little, and names those that are still alive. */
    private static List<String> stop(List<Thread> threads, AtomicBoolean cleaningUp) {
        cleaningUp.set(true);
        threads.forEach(Thread::interrupt);
        long deadline = System.nanoTime() + CLEANUP_MILLIS * 1_000_000;
        for (Thread thread : threads) {
            long left = deadline - System.nanoTime();
            if (left > 0) {
                try {
                    thread.join(Duration.ofNanos(left));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        return threads.stream().filter(Thread::isAlive).map(Thread::getName).toList();
    }
}
