package jconcur.kernel.uservm;

/**
 * Thrown into the thread running a cell when the kernel interrupts it (through JDI ThreadReference.stop).
 * An Error, so that user code catching Exception or InterruptedException does not swallow it.
 */
public final class CellInterrupted extends Error {
    private static final long serialVersionUID = 1L;

    CellInterrupted() {
        // No stack trace: the single instance is thrown into whatever the cell is doing.
        super("the kernel interrupted this cell", null, false, false);
    }
}
