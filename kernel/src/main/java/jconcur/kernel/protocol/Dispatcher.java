package jconcur.kernel.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import jconcur.kernel.log.Log;
import jconcur.kernel.wire.MessageSocket.ChannelClosedException;

/**
 * Routes the requests of one channel to their handlers, with status busy before and idle after each one
 * (parent: that request). Every request gets a reply: unknown types get an UnknownMessageType error and a
 * handler that fails gets an error reply; the failure is logged and never stops the channel.
 */
public final class Dispatcher {

    /** Handles one request and sends its reply (and any iopub output). */
    @FunctionalInterface
    public interface Handler {
        void handle(Request request);
    }

    /** Messages that are notifications, not requests: they expect no reply. */
    private static final Set<String> NO_REPLY = Set.of("comm_msg", "comm_close", "input_reply");

    private final Iopub iopub;
    private final Map<String, Handler> handlers;
    /** Unknown types already logged: some front-end extensions poll with them every few seconds. */
    private final Set<String> reportedUnknown = ConcurrentHashMap.newKeySet();

    public Dispatcher(Iopub iopub, Map<String, Handler> handlers) {
        this.iopub = iopub;
        this.handlers = Map.copyOf(handlers);
    }

    /** Work a channel loop does after a request is handled but before its idle status goes out. */
    @FunctionalInterface
    public interface BeforeIdle {
        void run() throws ChannelClosedException;
    }

    /**
     * Handles the request between busy and idle. beforeIdle runs last, still before idle, so that a client
     * which waits for idle before sending its next request never races with it.
     */
    public void dispatch(Request request, BeforeIdle beforeIdle) throws ChannelClosedException {
        iopub.status(request.header(), "busy");
        try {
            handle(request);
            beforeIdle.run();
        } finally {
            iopub.status(request.header(), "idle");
        }
    }

    private void handle(Request request) {
        try {
            Handler handler = handlers.get(request.type());
            if (handler != null) {
                handler.handle(request);
            } else if (NO_REPLY.contains(request.type())) {
                Log.debug("%s: ignoring %s", request.channel(), request.message());
            } else {
                if (reportedUnknown.add(request.type())) {
                    Log.warn("%s: unknown message type '%s' (answered with an error reply)", request.channel(), request.type());
                }
                request.replyError("UnknownMessageType",
                        "jconcur does not handle '" + request.type() + "' on the " + request.channel() + " channel");
            }
        } catch (Throwable e) {
            Log.error(request.channel() + ": handling " + request.message() + " failed", e);
            if (!request.replied()) {
                request.replyError(e.getClass().getSimpleName(), String.valueOf(e.getMessage()));
            }
        }
    }

    /** Answers a queued execute_request that follows a failed cell, without running it (as ipykernel does). */
    public void abort(Request request) {
        iopub.status(request.header(), "busy");
        try {
            ObjectNode content = request.newContent();
            content.put("status", "aborted");
            request.reply(content);
        } finally {
            iopub.status(request.header(), "idle");
        }
    }
}
