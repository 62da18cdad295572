package jconcur.kernel.engine;

/** The user VM could not be started; the message says why, with the VM's own output when it printed any. */
final class UserVmStartException extends Exception {
    private static final long serialVersionUID = 1L;

    UserVmStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
