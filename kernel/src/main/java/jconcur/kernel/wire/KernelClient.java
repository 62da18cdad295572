package jconcur.kernel.wire;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

/**
 * Just enough of a Jupyter client, on the shell and iopub channels: requests, their replies and outputs read
 * back. Used by the {@code check} subcommand and the protocol benchmark; tests use real Jupyter clients.
 */
public final class KernelClient implements AutoCloseable {


    private final MessageCodec codec;
    private final int timeoutMs;
    private final ZMQ.Context context = ZMQ.context(1);
    private final ZMQ.Socket shell;
    private final ZMQ.Socket iopub;

    /** @param timeoutMs how long a read waits for the kernel before it fails */
    public KernelClient(ConnectionInfo connection, int timeoutMs) {
        this.timeoutMs = timeoutMs;
        codec = new MessageCodec(connection.signer());
        shell = context.socket(SocketType.DEALER);
        iopub = context.socket(SocketType.SUB);
        iopub.subscribe(new byte[0]);
        for (ZMQ.Socket socket : List.of(shell, iopub)) {
            socket.setLinger(0);
            socket.setReceiveTimeOut(timeoutMs);
        }
        shell.connect(connection.endpoint(connection.shellPort()));
        iopub.connect(connection.endpoint(connection.iopubPort()));
    }

    public MessageCodec codec() {
        return codec;
    }

    /** Sends an execute_request for code as a notebook does (not silent, stored, no stdin). */
    public Message execute(String code) {
        ObjectNode content = codec.json().createObjectNode();
        content.put("code", code);
        content.put("silent", false);
        content.put("store_history", true);
        content.putObject("user_expressions");
        content.put("allow_stdin", false);
        return send("execute_request", content);
    }

    public Message send(String msgType, ObjectNode content) {
        Message request = codec.newMessage(List.of(), msgType, null, null, content);
        List<byte[]> frames = codec.encode(request);
        for (int i = 0; i < frames.size() - 1; i++) {
            shell.sendMore(frames.get(i));
        }
        shell.send(frames.get(frames.size() - 1));
        return request;
    }

    public Message replyTo(Message request) {
        while (true) {
            Message reply = receive(shell);
            if (reply.parentHeader().path("msg_id").asText().equals(request.id())) {
                return reply;
            }
        }
    }

    /** PUB drops messages until the subscription has reached the kernel: send kernel_info until iopub sees it. */
    public void awaitIopub() {
        iopub.setReceiveTimeOut(200);
        try {
            for (int attempt = 0; attempt < 100; attempt++) {
                Message request = send("kernel_info_request", codec.json().createObjectNode());
                replyTo(request);
                Optional<Message> status;
                while ((status = tryReceive(iopub)).isPresent()) {
                    if (status.get().parentHeader().path("msg_id").asText().equals(request.id())) {
                        return;
                    }
                }
            }
            throw new IllegalStateException("iopub never delivered a message");
        } finally {
            iopub.setReceiveTimeOut(timeoutMs);
        }
    }

    /** text/plain of the request's execute_result, read until its idle status; "nothing" if there was none. */
    public String resultOf(Message request) {
        String result = "nothing";
        while (true) {
            Message message = receive(iopub);
            if (!message.parentHeader().path("msg_id").asText().equals(request.id())) {
                continue;
            }
            if (message.type().equals("execute_result")) {
                result = message.content().path("data").path("text/plain").asText();
            } else if (message.type().equals("status")
                    && message.content().path("execution_state").asText().equals("idle")) {
                return result;
            }
        }
    }

    private Message receive(ZMQ.Socket socket) {
        return tryReceive(socket).orElseThrow(() ->
                new IllegalStateException("no message from the kernel within " + timeoutMs / 1000 + " s"));
    }

    private Optional<Message> tryReceive(ZMQ.Socket socket) {
        byte[] first = socket.recv(0);
        if (first == null) {
            return Optional.empty();
        }
        List<byte[]> frames = new ArrayList<>(List.of(first));
        while (socket.hasReceiveMore()) {
            frames.add(socket.recv(0));
        }
        try {
            return Optional.of(codec.decode(frames));
        } catch (MalformedMessageException e) {
            throw new IllegalStateException("the kernel sent an invalid message: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        shell.close();
        iopub.close();
        context.term();
    }
}
