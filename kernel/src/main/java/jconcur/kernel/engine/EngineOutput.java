package jconcur.kernel.engine;

import jconcur.display.MimeBundle;

/**
 * Where an Engine sends what the user VM produces, whenever it produces it (also from threads that outlive
 * their cell). The kernel implements it and routes every call to the latest execute request.
 */
public interface EngineOutput {

    enum Stream { STDOUT, STDERR }

    void stream(Stream stream, String text);

    /** display_data, or update_display_data when update is true; displayId may be null. */
    void display(MimeBundle bundle, String displayId, boolean update);

    void clearOutput(boolean wait);

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
