package jconcur.kernel.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import jconcur.kernel.wire.ConnectionInfo;
import jconcur.kernel.wire.MalformedMessageException;
import jconcur.kernel.wire.Message;
import jconcur.kernel.wire.MessageCodec;
import jconcur.kernel.wire.Signer;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

/** A minimal Jupyter client over JeroMQ for in-process kernel tests (what jupyter_client does, in Java). */
final class TestClient implements AutoCloseable {

    static final int TIMEOUT_MS = 10_000;

    final ConnectionInfo connection;
    final MessageCodec codec;
    private final ZMQ.Context context = ZMQ.context(1);
    final ZMQ.Socket shell;
    final ZMQ.Socket control;
    final ZMQ.Socket stdin;
    final ZMQ.Socket iopub;
    final ZMQ.Socket heartbeat;

    TestClient(ConnectionInfo connection) {
        this.connection = connection;
        this.codec = new MessageCodec(new Signer(connection.signatureScheme(), connection.key()));
        // Like jupyter_client: shell and stdin share one identity, so input_request reaches the requesting client.
        byte[] identity = codec.sessionId().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        shell = connect(SocketType.DEALER, connection.shellPort(), identity);
        control = connect(SocketType.DEALER, connection.controlPort(), null);
        stdin = connect(SocketType.DEALER, connection.stdinPort(), identity);
        heartbeat = connect(SocketType.REQ, connection.hbPort(), null);
        iopub = connect(SocketType.SUB, connection.iopubPort(), null);
        iopub.subscribe(new byte[0]);
    }

    private ZMQ.Socket connect(SocketType type, int port, byte[] identity) {
        ZMQ.Socket socket = context.socket(type);
        if (identity != null) {
            socket.setIdentity(identity);
        }
        socket.setLinger(0);
        socket.setReceiveTimeOut(TIMEOUT_MS);
        socket.connect(connection.endpoint(port));
        return socket;
    }

    /** Sends kernel_info until its status messages arrive on iopub: the subscription is then live. */
    void awaitReady() {
        for (int attempt = 0; attempt < 50; attempt++) {
            Message request = send(shell, "kernel_info_request", codec.json().createObjectNode());
            receive(shell);
            iopub.setReceiveTimeOut(200);
            try {
                Message status;
                while ((status = receiveOrNull(iopub)) != null) {
                    if (status.parentHeader().path("msg_id").asText().equals(request.id())) {
                        drainIopub();
                        return;
                    }
                }
            } finally {
                iopub.setReceiveTimeOut(TIMEOUT_MS);
            }
        }
        throw new AssertionError("iopub never delivered a status message");
    }

    Message send(ZMQ.Socket socket, String msgType, ObjectNode content) {
        Message message = codec.newMessage(List.of(), msgType, null, null, content);
        sendFrames(socket, codec.encode(message));
        return message;
    }

    Message execute(String code) {
        return send(shell, "execute_request", executeContent(code));
    }

    ObjectNode executeContent(String code) {
        ObjectNode content = codec.json().createObjectNode();
        content.put("code", code);
        content.put("silent", false);
        content.put("store_history", true);
        content.putObject("user_expressions");
        content.put("allow_stdin", true);
        content.put("stop_on_error", true);
        return content;
    }

    static void sendFrames(ZMQ.Socket socket, List<byte[]> frames) {
        for (int i = 0; i < frames.size() - 1; i++) {
            socket.sendMore(frames.get(i));
        }
        socket.send(frames.get(frames.size() - 1));
    }

    Message receive(ZMQ.Socket socket) {
        Message message = receiveOrNull(socket);
        assertNotNull(message, "no message within the timeout");
        return message;
    }

    Message receiveOrNull(ZMQ.Socket socket) {
        byte[] first = socket.recv(0);
        if (first == null) {
            return null;
        }
        List<byte[]> frames = new ArrayList<>();
        frames.add(first);
        while (socket.hasReceiveMore()) {
            frames.add(socket.recv(0));
        }
        try {
            return codec.decode(frames);
        } catch (MalformedMessageException e) {
            throw new AssertionError("kernel sent a malformed message: " + e.getMessage());
        }
    }

    /** iopub messages for one request, from its busy status to its idle status (both included). */
    List<Message> iopubFor(Message request) {
        List<Message> messages = new ArrayList<>();
        while (true) {
            Message message = receive(iopub);
            if (!message.parentHeader().path("msg_id").asText().equals(request.id())) {
                continue;
            }
            messages.add(message);
            if (message.type().equals("status") && message.content().path("execution_state").asText().equals("idle")) {
                assertEquals("busy", messages.get(0).content().path("execution_state").asText(),
                        "first iopub message of a request must be status busy");
                return messages;
            }
        }
    }

    void drainIopub() {
        iopub.setReceiveTimeOut(50);
        try {
            while (receiveOrNull(iopub) != null) {
                // discard
            }
        } finally {
            iopub.setReceiveTimeOut(TIMEOUT_MS);
        }
    }

    @Override
    public void close() {
        for (ZMQ.Socket socket : List.of(shell, control, stdin, iopub, heartbeat)) {
            socket.close();
        }
        context.term();
    }
}
