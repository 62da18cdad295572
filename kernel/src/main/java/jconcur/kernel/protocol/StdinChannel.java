package jconcur.kernel.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import jconcur.kernel.log.Log;
import jconcur.kernel.wire.Message;
import jconcur.kernel.wire.MessageSocket;
import jconcur.kernel.wire.MessageSocket.ChannelClosedException;
import jconcur.kernel.wire.MessageCodec;
import org.zeromq.ZMQ;

/**
 * Asks the front end that sent an execute request for a line of input (input_request on stdin) and blocks
 * until its input_reply. The exchange runs on one platform thread that owns the socket, so callers may be
 * virtual threads (a blocking ZeroMQ receive would pin their carrier for as long as the user takes to type).
 * One request at a time; an interrupt or shutdown cancels the wait.
 */
public final class StdinChannel implements AutoCloseable {

    private final MessageSocket socket;
    private final MessageCodec codec;
    private final ExecutorService exchanges = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "jconcur-stdin");
        thread.setDaemon(true);
        return thread;
    });
    private volatile ZMQ.CancellationToken waiting;

    public StdinChannel(MessageSocket socket, MessageCodec codec) {
        this.socket = socket;
        this.codec = codec;
    }

    /**
     * @param parent the execute request whose front end is asked
     * @throws CancellationException when cancelled by {@link #cancel()} or when the channel closes
     */
    public String requestInput(Message parent, String prompt, boolean password) {
        Future<String> answer = exchanges.submit(() -> exchange(parent, prompt, password));
        try {
            return answer.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new CancellationException("input request failed: " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancel();
            throw new CancellationException("input request interrupted");
        }
    }

    /** Cancels the wait for input, if any (interrupt_request, shutdown). */
    public void cancel() {
        ZMQ.CancellationToken token = waiting;
        if (token != null) {
            token.cancel();
        }
    }

    @Override
    public void close() {
        cancel();
        exchanges.shutdownNow();
    }

    private String exchange(Message parent, String prompt, boolean password) {
        ZMQ.CancellationToken token = socket.newCancellationToken();
        waiting = token;
        try {
            discardStaleReplies();
            ObjectNode content = codec.json().createObjectNode();
            content.put("prompt", prompt);
            content.put("password", password);
            Message request = codec.newMessage(parent.identities(), "input_request", parent.header(), null, content);
            if (!socket.send(request)) {
                throw new CancellationException("the stdin channel is closed");
            }
            return awaitReply(request, token);
        } catch (ChannelClosedException e) {
            throw new CancellationException("input request cancelled (" + e.getMessage() + ")");
        } finally {
            waiting = null;
        }
    }

    private String awaitReply(Message request, ZMQ.CancellationToken token) throws ChannelClosedException {
        while (true) {
            Message reply = socket.receive(token);
            // jupyter_client's KernelClient.input sends no parent header; JupyterLab sends the input_request's.
            String parentId = reply.parentHeader().path("msg_id").asText("");
            if (reply.type().equals("input_reply") && (parentId.isEmpty() || parentId.equals(request.id()))) {
                return reply.content().path("value").asText("");
            }
            Log.warn("stdin: ignoring %s while waiting for the reply to %s", reply, request.id());
        }
    }

    /** Replies to an earlier, cancelled request must not answer this one. */
    private void discardStaleReplies() throws ChannelClosedException {
        while (socket.receiveNow().isPresent()) {
            Log.debug("stdin: discarded a late reply");
        }
    }
}
