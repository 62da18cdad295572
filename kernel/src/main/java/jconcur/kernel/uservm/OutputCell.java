package jconcur.kernel.uservm;

import jconcur.kernel.link.OutputOrigin;

/**
 * Which cell a thread prints for, so that the kernel shows output of a thread under the cell that started it
 * (as ipykernel does). The agent's thread takes each snippet's cell; every thread inherits the cell of the
 * thread that created it and keeps it for its whole life. So a pool's worker threads print for the cell whose
 * submission created them: a pool created in one cell and first used in a later one prints for the later one, and
 * workers it keeps print for that cell also when an even later cell submits to them. The common fork/join pool's
 * workers belong to no cell; the kernel shows their output under the running cell.
 */
final class OutputCell {

    private static final InheritableThreadLocal<Integer> CELL = new InheritableThreadLocal<>();

    private OutputCell() {}

    /** From now on this thread, and threads it creates, print for cell. */
    static void enter(int cell) {
        CELL.set(cell);
    }

    /** The cell this thread prints for, or {@link OutputOrigin#NO_CELL}. */
    static int current() {
        Integer cell = CELL.get();
        return cell == null ? OutputOrigin.NO_CELL : cell;
    }

    /** This thread's name as the notebook shows it (virtual threads are often unnamed). */
    static String threadName() {
        Thread thread = Thread.currentThread();
        String name = thread.getName();
        return name.isEmpty() ? "thread #" + thread.threadId() : name;
    }

    static OutputOrigin origin() {
        return new OutputOrigin(current(), threadName());
    }
}
