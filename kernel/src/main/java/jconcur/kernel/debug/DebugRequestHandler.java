package jconcur.kernel.debug;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.concurrent.atomic.AtomicInteger;
import jconcur.kernel.engine.Engine;
import jconcur.kernel.protocol.Dispatcher;
import jconcur.kernel.protocol.Iopub;
import jconcur.kernel.protocol.Request;

/**
 * debug_request on the control channel: the DAP request inside is answered in the debug_reply, DAP events go
 * out as debug_event on IOPub. Control has its own thread, so this works while a cell runs or is paused.
 */
public final class DebugRequestHandler implements Dispatcher.Handler {

    private final ObjectMapper json;
    private final DebugAdapter adapter;
    /** One sequence for the kernel's DAP responses and events, as DAP wants. */
    private final AtomicInteger seq = new AtomicInteger(1);

    public DebugRequestHandler(Engine engine, Iopub iopub, ObjectMapper json) {
        this.json = json;
        this.adapter = new DebugAdapter(json, engine.debugger(), event ->
                iopub.publish("debug_event", json.createObjectNode(),
                        event.toJson(json.createObjectNode(), seq.getAndIncrement())));
    }

    @Override
    public void handle(Request request) {
        DapResponse response;
        try {
            response = adapter.handle(DapRequest.from(request.content()));
        } catch (IllegalArgumentException e) {
            response = DapResponse.error(request.content().path("seq").asInt(0),
                    request.content().path("command").asText(""), e.getMessage());
        }
        request.reply(response.toJson(request.newContent(), seq.getAndIncrement()));
    }
}
