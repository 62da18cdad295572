package jconcur.kernel.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import jconcur.kernel.wire.Message;
import jconcur.kernel.wire.MessageSocket;
import jconcur.kernel.wire.MessageCodec;

/** Publishes side effects (status, outputs) to every connected front end. Safe to call from any thread. */
public final class Iopub {

    private final MessageSocket socket;
    private final MessageCodec codec;

    public Iopub(MessageSocket socket, MessageCodec codec) {
        this.socket = socket;
        this.codec = codec;
    }

    /** Publishes one message; parentHeader is the request it belongs to (empty object for none). */
    public void publish(String msgType, ObjectNode parentHeader, ObjectNode content) {
        byte[] topic = ("kernel." + codec.sessionId() + "." + msgType).getBytes(StandardCharsets.UTF_8);
        socket.send(new Message(List.of(topic), codec.newHeader(msgType), parentHeader,
                codec.json().createObjectNode(), content, List.of()));
    }

    public void status(ObjectNode parentHeader, String executionState) {
        ObjectNode content = codec.json().createObjectNode();
        content.put("execution_state", executionState);
        publish("status", parentHeader, content);
    }
}
