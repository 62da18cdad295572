package jconcur.concurrency;

import java.time.Duration;
import java.util.List;

/**
 * How a run of actors ended (see {@link Actors}): all finished, a deadlock was found, or the time ran out.
 * {@code toString()} prints the cycle ("T1 waits for lock L2 held by T2"), each thread's state, locks and
 * top frames, and what the clean-up achieved.
 *
 * @param outcome    FINISHED, DEADLOCK or TIMED_OUT
 * @param elapsed    from start until everything finished or the deadlock/time-out was declared
 * @param cycle      the wait-for cycle, one line per edge (empty unless DEADLOCK)
 * @param detectedBy which source found the cycle ("the named locks' wait-for graph" or
 *                   "ThreadMXBean.findDeadlockedThreads"), or null
 * @param actors     every actor's state
 * @param abandoned  actors still alive after the clean-up (they were interrupted but stay blocked; they are
 *                   daemon or virtual threads, so the VM keeps working)
 * @param jdkNote    what the abandoned actors cost on this JDK, or null when nothing: before JDK 24, virtual
 *                   actors blocked in synchronized keep their carrier threads (see {@link VirtualThreadPinning})
 * @param graph      the actors' holds and waits when the run ended, with the cycle, for the picture drawn
 *                   next to this report in a notebook
 */
public record DeadlockReport(Outcome outcome, Duration elapsed, List<String> cycle, String detectedBy,
                             List<ActorState> actors, List<String> abandoned, String jdkNote, LockGraph graph) {

    /** How the run ended. */
    public enum Outcome {
        /** Every actor finished before the time-out. */
        FINISHED,
        /** A wait-for cycle was found. */
        DEADLOCK,
        /** The time-out passed with actors still running, and no cycle was found. */
        TIMED_OUT
    }

    /** Copies the lists so the record is immutable. */
    public DeadlockReport {
        cycle = List.copyOf(cycle);
        actors = List.copyOf(actors);
        abandoned = List.copyOf(abandoned);
    }

    /**
     * Whether a deadlock was found.
     *
     * @return true for DEADLOCK
     */
    public boolean deadlocked() {
        return outcome == Outcome.DEADLOCK;
    }

    /** A readable multi-line report. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        switch (outcome) {
            case FINISHED -> out.append("all ").append(actors.size()).append(" actors finished in ")
                    .append(TimeFormat.duration(elapsed));
            case DEADLOCK -> {
                out.append("DEADLOCK detected after ").append(TimeFormat.duration(elapsed)).append(" (from ")
                        .append(detectedBy).append("):");
                for (String edge : cycle) {
                    out.append("\n  ").append(edge);
                }
            }
            case TIMED_OUT -> out.append("TIMED OUT after ").append(TimeFormat.duration(elapsed))
                    .append(": no wait-for cycle found (virtual threads are tracked through namedLock(...) only)");
        }
        if (outcome != Outcome.FINISHED) {
            out.append("\nthreads:");
            for (ActorState actor : actors) {
                out.append("\n  ").append(actor.name()).append(" (").append(actor.virtual() ? "virtual" : "platform")
                        .append(", ").append(actor.state()).append(')');
                if (!actor.holding().isEmpty()) {
                    out.append(" holds ").append(actor.holding());
                }
                if (actor.waitingFor() != null) {
                    out.append(", waits for ").append(actor.waitingFor());
                }
                for (String frame : actor.topFrames()) {
                    out.append("\n      at ").append(frame);
                }
            }
            out.append(abandoned.isEmpty() ? "\nclean-up: interrupted the actors; all of them ended"
                    : "\nclean-up: interrupted the actors; still blocked and abandoned: " + abandoned
                            + " (use namedLock or lockInterruptibly so that interrupts free them)");
        }
        if (jdkNote != null) {
            out.append("\n").append(jdkNote);
        }
        for (ActorState actor : actors) {
            if (actor.failure() != null) {
                out.append("\n").append(actor.name()).append(" failed: ").append(actor.failure());
            }
        }
        return out.toString();
    }
}
