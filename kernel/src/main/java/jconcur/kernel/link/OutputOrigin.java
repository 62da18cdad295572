package jconcur.kernel.link;

/**
 * Where output of the user VM comes from: the cell whose code ran on the printing thread or started it (its
 * output cell, a number the kernel gives each execute request; {@link #NO_CELL} when no cell started the thread),
 * and the thread's name.
 */
public record OutputOrigin(int cell, String thread) {

    /** The cell number of threads no cell started (JVM threads, the common fork/join pool). */
    public static final int NO_CELL = 0;

    public OutputOrigin {
        if (thread == null) {
            throw new IllegalArgumentException("an output origin needs a thread name");
        }
    }
}
