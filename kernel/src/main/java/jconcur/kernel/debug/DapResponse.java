package jconcur.kernel.debug;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A Debug Adapter Protocol response: the content of a debug_reply. */
record DapResponse(int requestSeq, String command, boolean success, String message, JsonNode body) {

    static DapResponse ok(DapRequest request, JsonNode body) {
        return new DapResponse(request.seq(), request.command(), true, null, body);
    }

    static DapResponse error(int requestSeq, String command, String message) {
        return new DapResponse(requestSeq, command, false, message, null);
    }

    ObjectNode toJson(ObjectNode into, int seq) {
        into.put("type", "response");
        into.put("seq", seq);
        into.put("request_seq", requestSeq);
        into.put("success", success);
        into.put("command", command);
        if (message != null) {
            into.put("message", message);
        }
        if (body != null) {
            into.set("body", body);
        } else {
            into.putObject("body");
        }
        return into;
    }
}
