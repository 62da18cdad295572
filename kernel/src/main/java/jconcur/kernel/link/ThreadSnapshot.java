package jconcur.kernel.link;

import java.util.List;
import java.util.Optional;

/**
 * What the threads of the user VM are doing, for the kernel's report on a cell that does not stop (taken from
 * the user VM's ThreadMXBean; the kernel maps frames of notebook code to cell lines).
 *
 * @param deadlocked     the threads of every deadlock cycle (monitors and java.util.concurrent locks)
 * @param cell           the thread running the cell, if one runs
 * @param heldByIdleCell threads outside any cycle that wait for a lock the idle cell thread still holds
 */
public record ThreadSnapshot(List<ThreadState> deadlocked, Optional<ThreadState> cell,
        Optional<HeldByIdleCell> heldByIdleCell) {

    public ThreadSnapshot {
        deadlocked = List.copyOf(deadlocked);
    }

    /**
     * One thread.
     *
     * @param state    its Thread.State name
     * @param waitsFor the lock it waits for, named by LockNames ("ReentrantLock$NonfairSync@1a2b"), if any
     * @param owner    the name of the thread that holds that lock, if known
     * @param holds    the monitors and java.util.concurrent locks it holds, named the same way
     * @param frames   its top stack frames
     */
    public record ThreadState(String name, long id, String state, Optional<String> waitsFor, Optional<String> owner,
            List<String> holds, List<StackTraceElement> frames) {
        public ThreadState {
            holds = List.copyOf(holds);
            frames = List.copyOf(frames);
        }
    }

    /**
     * A java.util.concurrent lock an interrupted cell took is never released, so threads waiting for it wait for
     * good.
     *
     * @param cellThread the thread that ran the last cell
     * @param waiting    the threads waiting for a lock it holds
     */
    public record HeldByIdleCell(ThreadState cellThread, List<ThreadState> waiting) {
        public HeldByIdleCell {
            waiting = List.copyOf(waiting);
        }
    }
}
