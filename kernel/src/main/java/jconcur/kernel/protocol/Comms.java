package jconcur.kernel.protocol;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jconcur.kernel.log.Log;

/**
 * Comms: jconcur registers no comm targets, so comm_info lists none and a comm_open is answered with
 * comm_close, which tells the front end at once that the comm does not exist (as ipykernel does).
 */
public final class Comms {

    private final Iopub iopub;
    private final ObjectMapper json;

    public Comms(Iopub iopub, ObjectMapper json) {
        this.iopub = iopub;
        this.json = json;
    }

    public void info(Request request) {
        ObjectNode reply = json.createObjectNode();
        reply.put("status", "ok");
        reply.putObject("comms");
        request.reply(reply);
    }

    public void open(Request request) {
        String target = request.content().path("target_name").asText("");
        Log.warn("comm_open for unknown target '%s': closing it", target);
        ObjectNode close = json.createObjectNode();
        close.put("comm_id", request.content().path("comm_id").asText(""));
        close.putObject("data");
        iopub.publish("comm_close", request.header(), close);
    }
}
