package jconcur.kernel.link;

import java.io.IOException;
import java.util.OptionalLong;

/** A side-channel message that cannot be read: not JSON, an unknown type, a field missing or of the wrong kind. */
public final class MalformedSideMessageException extends IOException {

    private final OptionalLong requestId;

    MalformedSideMessageException(String message, OptionalLong requestId, Throwable cause) {
        super(message, cause);
        this.requestId = requestId;
    }

    /** The id of the request the message was, when it could be read: the sender waits for a reply. */
    public OptionalLong requestId() {
        return requestId;
    }
}
