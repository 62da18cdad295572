package jconcur.kernel.protocol;

import com.fasterxml.jackson.databind.ObjectMapper;
import jconcur.kernel.debug.DebugAdapter;
import jconcur.kernel.engine.Engine;

/**
 * debug_request on the control channel: the DAP request inside is answered in the debug_reply, DAP events go
 * out as debug_event on IOPub. Control has its own thread, so this works while a cell runs or is paused.
 */
public final class DebugRequestHandler implements Dispatcher.Handler {

    private final DebugAdapter adapter;

    public DebugRequestHandler(Engine engine, Iopub iopub, ObjectMapper json) {
        this.adapter = new DebugAdapter(json, engine.debugger(),
                event -> iopub.publish("debug_event", json.createObjectNode(), event));
    }

    @Override
    public void handle(Request request) {
        request.reply(adapter.answer(request.content()));
    }
}
