package jconcur.kernel.engine;

import java.util.List;
import jconcur.display.MimeBundle;
import jconcur.kernel.link.OutputOrigin;

/**
 * Where an Engine sends what the user VM produces, whenever it produces it (also from threads that outlive
 * their cell). The methods without an origin are about the running cell; those with one come from user code
 * of that origin, and the kernel routes them to the cell it names (see KernelOutput).
 */
public interface EngineOutput {

    enum Stream { STDOUT, STDERR }

    void stream(Stream stream, String text);

    /** display_data, or update_display_data when update is true; displayId may be null. */
    void display(MimeBundle bundle, String displayId, boolean update);

    void clearOutput(boolean wait);

    /** Text user code printed on a stream, and where it comes from. */
    record Printed(Stream stream, String text, OutputOrigin origin) {}

    // No defaults for the three below: a default that forwarded to the running cell's method would let a wrapper
    // that forgets one route a thread's output to the wrong cell, silently.

    /** What user code printed, in order. */
    void print(List<Printed> printed);

    /** A display of user code of that origin. */
    void display(MimeBundle bundle, String displayId, boolean update, OutputOrigin origin);

    /** A clear_output of user code of that origin. */
    void clearOutput(boolean wait, OutputOrigin origin);

    /**
     * Asks the front end for a line of input (System.in); blocks until the reply.
     * @throws InputNotAllowedException when the current request has allow_stdin false
     */
    String requestInput(String prompt, boolean password) throws InputNotAllowedException;

    final class InputNotAllowedException extends Exception {
        public InputNotAllowedException() {
            super("This front end does not support input (allow_stdin is false)");
        }
    }
}
