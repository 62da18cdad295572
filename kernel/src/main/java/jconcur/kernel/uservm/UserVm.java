package jconcur.kernel.uservm;

/** The user VM's connections to the kernel, for the notebook API (display, input). Set once at start. */
final class UserVm {

    private static volatile SideChannel side;
    private static volatile OutputBatcher output;

    private UserVm() {}

    static void install(SideChannel sideChannel, OutputBatcher batcher) {
        side = sideChannel;
        output = batcher;
    }

    static SideChannel side() {
        SideChannel s = side;
        if (s == null) {
            throw new IllegalStateException("this works only inside a jconcur notebook (the user VM of the kernel)");
        }
        return s;
    }

    /** Sends pending output and returns the number of output frames sent so far (0 outside a notebook). */
    static long flushOutput() {
        OutputBatcher b = output;
        return b == null ? 0 : b.flush();
    }
}
