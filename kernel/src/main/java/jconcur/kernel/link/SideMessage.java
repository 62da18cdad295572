package jconcur.kernel.link;

import java.util.Optional;
import jconcur.display.MimeBundle;

/**
 * The messages of the side channel between the kernel and the user VM (see {@link SideMessageCodec} for how
 * they travel, in {@link Frame#MESSAGE} frames). A request carries an id that its reply repeats.
 */
public sealed interface SideMessage {

    /** Sent by the user VM. */
    sealed interface ToKernel extends SideMessage {}

    /** Sent by the kernel. */
    sealed interface ToUserVm extends SideMessage {}

    /** display(...) (update false) or updateDisplay(...) (update true) of user code. */
    record Display(MimeBundle bundle, String displayId, boolean update, OutputOrigin origin) implements ToKernel {}

    /** clearOutput(wait) of user code; with untilNewOutput, the front end clears when new output arrives. */
    record ClearOutput(boolean untilNewOutput, OutputOrigin origin) implements ToKernel {}

    /** User code reads System.in: asks the front end for a line; answered by an {@link InputReply}. */
    record InputRequest(long id, String prompt, boolean password) implements ToKernel {}

    /** System.exit runs: what the user VM printed was sent, and the exit was deliberate. */
    record Exiting() implements ToKernel {}

    /** The answer to a {@link ThreadsRequest}. */
    record ThreadsReply(long id, ThreadSnapshot snapshot) implements ToKernel {}

    /** Asks for a {@link ThreadSnapshot}. */
    record ThreadsRequest(long id) implements ToUserVm {}

    /**
     * The answer to an {@link InputRequest}: the line the user typed, or none at the end of input, or why there
     * is no input (the front end does not allow it, the kernel failed).
     */
    record InputReply(long id, Optional<String> line, Optional<String> error) implements ToUserVm {
        public static InputReply line(long id, String line) {
            return new InputReply(id, Optional.of(line), Optional.empty());
        }

        public static InputReply failed(long id, String error) {
            return new InputReply(id, Optional.empty(), Optional.of(error));
        }
    }
}
