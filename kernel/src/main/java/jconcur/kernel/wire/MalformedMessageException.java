package jconcur.kernel.wire;

/** A received multipart message that is not a valid, correctly signed Jupyter message. */
public final class MalformedMessageException extends Exception {
    public MalformedMessageException(String message) {
        super(message);
    }
}
