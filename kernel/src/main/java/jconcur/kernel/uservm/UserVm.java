package jconcur.kernel.uservm;

import java.io.IOException;
import jconcur.kernel.link.SideMessage;

/** The user VM's link to the kernel, for the notebook API (display, input). Set once at start. */
final class UserVm {

    private static volatile SideChannel side;
    private static volatile OutputBatcher output;

    private UserVm() {}

    static void install(SideChannel sideChannel, OutputBatcher batcher) {
        side = sideChannel;
        output = batcher;
    }

    /** Sends a message to the notebook after everything printed before it. */
    static void send(SideMessage.ToKernel message) throws IOException {
        output().flushAndSend(message);
    }

    /** Asks the front end for a line, after everything printed before, and waits for the kernel's reply. */
    static SideMessage.InputReply requestInput(String prompt, boolean password) throws IOException {
        OutputBatcher batcher = output();
        return side.requestInput(prompt, password, batcher::flushAndSend);
    }

    private static OutputBatcher output() {
        OutputBatcher b = output;
        if (b == null) {
            throw new IllegalStateException("this works only inside a jconcur notebook (the user VM of the kernel)");
        }
        return b;
    }
}
