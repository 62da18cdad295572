package jconcur.kernel.debug;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A Debug Adapter Protocol request: the content of a debug_request. */
record DapRequest(int seq, String command, ObjectNode arguments) {

    /** Reads a debug_request's content; a content that is not a DAP request is a clear error. */
    static DapRequest from(JsonNode content) {
        if (!content.path("type").asText().equals("request")) {
            throw new IllegalArgumentException("a debug_request carries a DAP request (type \"request\"), not "
                    + content.path("type"));
        }
        JsonNode command = content.path("command");
        if (!command.isTextual() || command.asText().isEmpty()) {
            throw new IllegalArgumentException("the DAP request has no command");
        }
        JsonNode arguments = content.path("arguments");
        return new DapRequest(content.path("seq").asInt(0), command.asText(),
                arguments.isObject() ? (ObjectNode) arguments : JsonNodeFactory.instance.objectNode());
    }
}
