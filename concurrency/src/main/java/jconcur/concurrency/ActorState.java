package jconcur.concurrency;

import java.util.List;

/**
 * One actor (thread) of a hazard demo, as seen when the demo ended or was stopped.
 *
 * @param name       the thread's name
 * @param virtual    true for a virtual thread
 * @param state      the thread's state at that moment (TERMINATED when it finished)
 * @param waitingFor the lock it was blocked on, or null
 * @param holding    the locks it held (named locks; for platform threads in a JVM-detected deadlock also
 *                   monitors and other locks)
 * @param topFrames  the top of its stack, readable (see {@link StackFrames}: notebook frames named by what
 *                   they are, lock and thread internals left out), empty when finished
 * @param failure    what it threw, or null (interruptions caused by the clean-up are not failures)
 */
public record ActorState(String name, boolean virtual, Thread.State state, String waitingFor, List<String> holding,
                         List<String> topFrames, String failure) {

    /** Copies the lists so the record is immutable. */
    public ActorState {
        holding = List.copyOf(holding);
        topFrames = List.copyOf(topFrames);
    }

    /**
     * Whether the actor had finished.
     *
     * @return true when its state is TERMINATED
     */
    public boolean finished() {
        return state == Thread.State.TERMINATED;
    }
}
