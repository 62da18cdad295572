package jconcur.kernel.install;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import jconcur.kernel.protocol.HistoryStore;
import jconcur.kernel.protocol.Kernel;
import jconcur.kernel.wire.ConnectionInfo;
import jconcur.kernel.wire.MalformedMessageException;
import jconcur.kernel.wire.Message;
import jconcur.kernel.wire.Session;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

/**
 * {@code check}: starts a kernel on loopback, talks to it as a Jupyter client would (kernel_info, a cell that
 * computes 1 + 1), and reports. Tells a user whether this JDK and jar make a working kernel; the installer also
 * runs it once to record the startup class archive.
 */
public final class SelfCheck {

    private static final int TIMEOUT_MS = 120_000;

    /** What the check saw; ok only if the kernel answered and the cell's result was 2. */
    public record Report(boolean ok, long kernelInfoMillis, long firstCellMillis, String detail) {}

    private final Kernel.EngineFactory engineFactory;

    public SelfCheck(Kernel.EngineFactory engineFactory) {
        this.engineFactory = engineFactory;
    }

    public Report run() {
        ConnectionInfo connection = new ConnectionInfo("127.0.0.1", freePort(), freePort(), freePort(), freePort(),
                freePort(), UUID.randomUUID().toString(), "hmac-sha256");
        long start = System.nanoTime();
        try (Kernel kernel = Kernel.start(connection, engineFactory, HistoryStore.inMemory());
             Client client = new Client(connection)) {
            Message info = client.replyTo(client.send("kernel_info_request", client.session.json().createObjectNode()));
            long kernelInfo = millisSince(start);
            if (!info.content().path("status").asText().equals("ok")) {
                return new Report(false, kernelInfo, -1, "kernel_info failed: " + info.content());
            }
            long cellStart = System.nanoTime();
            ObjectNode execute = client.session.json().createObjectNode();
            execute.put("code", "1 + 1");
            execute.put("silent", false);
            execute.put("store_history", true);
            execute.putObject("user_expressions");
            execute.put("allow_stdin", false);
            client.awaitIopub();
            Message request = client.send("execute_request", execute);
            Message reply = client.replyTo(request);
            long cell = millisSince(cellStart);
            if (!reply.content().path("status").asText().equals("ok")) {
                return new Report(false, kernelInfo, cell, "the cell 1 + 1 failed: " + reply.content().path("ename").asText()
                        + ": " + reply.content().path("evalue").asText());
            }
            String result = client.resultOf(request);
            if (!result.equals("2")) {
                return new Report(false, kernelInfo, cell, "1 + 1 gave " + result);
            }
            return new Report(true, kernelInfo, cell, "kernel_info answered, 1 + 1 = 2");
        } catch (RuntimeException e) {
            return new Report(false, millisSince(start), -1, e.toString());
        }
    }

    private static long millisSince(long nanoTime) {
        return (System.nanoTime() - nanoTime) / 1_000_000;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port on loopback: " + e.getMessage(), e);
        }
    }

    /** Just enough of a Jupyter client: requests on shell, their replies and outputs read back. */
    private static final class Client implements AutoCloseable {

        final Session session;
        private final ZMQ.Context context = ZMQ.context(1);
        private final ZMQ.Socket shell;
        private final ZMQ.Socket iopub;

        Client(ConnectionInfo connection) {
            session = new Session(connection.signer());
            shell = context.socket(SocketType.DEALER);
            iopub = context.socket(SocketType.SUB);
            iopub.subscribe(new byte[0]);
            for (ZMQ.Socket socket : List.of(shell, iopub)) {
                socket.setLinger(0);
                socket.setReceiveTimeOut(TIMEOUT_MS);
            }
            shell.connect(connection.endpoint(connection.shellPort()));
            iopub.connect(connection.endpoint(connection.iopubPort()));
        }

        Message send(String msgType, ObjectNode content) {
            Message request = session.newMessage(List.of(), msgType, null, null, content);
            List<byte[]> frames = session.encode(request);
            for (int i = 0; i < frames.size() - 1; i++) {
                shell.sendMore(frames.get(i));
            }
            shell.send(frames.get(frames.size() - 1));
            return request;
        }

        Message replyTo(Message request) {
            while (true) {
                Message reply = receive(shell);
                if (reply.parentHeader().path("msg_id").asText().equals(request.id())) {
                    return reply;
                }
            }
        }

        /** PUB drops messages until the subscription has reached the kernel: send kernel_info until iopub sees it. */
        void awaitIopub() {
            iopub.setReceiveTimeOut(200);
            try {
                for (int attempt = 0; attempt < 100; attempt++) {
                    Message request = send("kernel_info_request", session.json().createObjectNode());
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
                iopub.setReceiveTimeOut(TIMEOUT_MS);
            }
        }

        /** text/plain of the request's execute_result, read until its idle status; "nothing" if there was none. */
        String resultOf(Message request) {
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
                    new IllegalStateException("no message from the kernel within " + TIMEOUT_MS / 1000 + " s"));
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
                return Optional.of(session.decode(frames));
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
}
