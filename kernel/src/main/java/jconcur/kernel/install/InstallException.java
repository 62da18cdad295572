package jconcur.kernel.install;

/** The kernelspec cannot be installed as asked; the message says why and what to do. */
public final class InstallException extends RuntimeException {
    public InstallException(String message) {
        super(message);
    }

    public InstallException(String message, Throwable cause) {
        super(message, cause);
    }
}
