package jconcur.kernel.protocol;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jconcur.kernel.engine.Engine;
import jconcur.kernel.wire.ConnectionInfo;

/** interrupt, shutdown (and restart, which the kernel manager does by starting a new process) and connect. */
public final class Lifecycle {

    private final Engine engine;
    private final StdinChannel stdin;
    private final ShutdownSignal shutdown;
    private final ConnectionInfo connection;
    private final ObjectMapper json;

    public Lifecycle(Engine engine, StdinChannel stdin, ShutdownSignal shutdown, ConnectionInfo connection,
                     ObjectMapper json) {
        this.engine = engine;
        this.stdin = stdin;
        this.shutdown = shutdown;
        this.connection = connection;
        this.json = json;
    }

    /** Stops the running cell; a cell waiting for input stops waiting. */
    public void interrupt(Request request) {
        engine.interrupt();
        stdin.cancel();
        request.reply(ok());
    }

    public void shutdown(Request request) {
        ObjectNode reply = ok();
        reply.put("restart", request.content().path("restart").asBoolean(false));
        request.reply(reply);
        shutdown.request();
    }

    /** Deprecated connect_request: the ports, for old clients. */
    public void connect(Request request) {
        ObjectNode reply = ok();
        reply.put("shell_port", connection.shellPort());
        reply.put("iopub_port", connection.iopubPort());
        reply.put("stdin_port", connection.stdinPort());
        reply.put("control_port", connection.controlPort());
        reply.put("hb_port", connection.hbPort());
        request.reply(reply);
    }

    private ObjectNode ok() {
        ObjectNode reply = json.createObjectNode();
        reply.put("status", "ok");
        return reply;
    }
}
