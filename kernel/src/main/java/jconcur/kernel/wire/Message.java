package jconcur.kernel.wire;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * One Jupyter message as it travels on a channel: routing identities, the four JSON parts and binary buffers.
 * The JSON parts are mutable Jackson trees; treat a received or sent message as read-only.
 */
public record Message(List<byte[]> identities, ObjectNode header, ObjectNode parentHeader,
                      ObjectNode metadata, ObjectNode content, List<byte[]> buffers) {

    public Message {
        identities = List.copyOf(identities);
        buffers = List.copyOf(buffers);
    }

    public String type() {
        return header.path("msg_type").asText("");
    }

    public String id() {
        return header.path("msg_id").asText("");
    }

    @Override
    public String toString() {
        return type() + " " + id();
    }
}
