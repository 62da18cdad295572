package jconcur.kernel.install;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import jconcur.kernel.engine.JShellEngine;
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

    /** What the check saw; ok only if the kernel answered and the cell printed 2. */
    public record Report(boolean ok, long kernelInfoMillis, long firstCellMillis, String detail) {}

    public Report run() {
        ConnectionInfo connection = new ConnectionInfo("127.0.0.1", freePort(), freePort(), freePort(), freePort(),
                freePort(), UUID.randomUUID().toString(), "hmac-sha256");
        long start = System.nanoTime();
        try (Kernel kernel = Kernel.start(connection, output -> JShellEngine.start(output, null), HistoryStore.inMemory());
             Client client = new Client(connection)) {
            Message info = client.request("kernel_info_request", client.session.json().createObjectNode());
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
            Message reply = client.request("execute_request", execute);
            long cell = millisSince(cellStart);
            if (!reply.content().path("status").asText().equals("ok")) {
                return new Report(false, kernelInfo, cell, "the cell 1 + 1 failed: " + reply.content().path("ename").asText()
                        + ": " + reply.content().path("evalue").asText());
            }
            return new Report(true, kernelInfo, cell, "kernel_info answered, 1 + 1 ran");
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

    /** Just enough of a Jupyter client: requests on shell, replies read back. */
    private static final class Client implements AutoCloseable {

        final Session session;
        private final ZMQ.Context context = ZMQ.context(1);
        private final ZMQ.Socket shell;

        Client(ConnectionInfo connection) {
            session = new Session(connection.signer());
            shell = context.socket(SocketType.DEALER);
            shell.setLinger(0);
            shell.setReceiveTimeOut(TIMEOUT_MS);
            shell.connect(connection.endpoint(connection.shellPort()));
        }

        Message request(String msgType, ObjectNode content) {
            Message request = session.newMessage(List.of(), msgType, null, null, content);
            List<byte[]> frames = session.encode(request);
            for (int i = 0; i < frames.size() - 1; i++) {
                shell.sendMore(frames.get(i));
            }
            shell.send(frames.get(frames.size() - 1));
            while (true) {
                Message reply = receive();
                if (reply.parentHeader().path("msg_id").asText().equals(request.id())) {
                    return reply;
                }
            }
        }

        private Message receive() {
            byte[] first = shell.recv(0);
            if (first == null) {
                throw new IllegalStateException("no reply from the kernel within " + TIMEOUT_MS / 1000 + " s");
            }
            List<byte[]> frames = new ArrayList<>(List.of(first));
            while (shell.hasReceiveMore()) {
                frames.add(shell.recv(0));
            }
            try {
                return session.decode(frames);
            } catch (MalformedMessageException e) {
                throw new IllegalStateException("the kernel sent an invalid message: " + e.getMessage());
            }
        }

        @Override
        public void close() {
            shell.close();
            context.term();
        }
    }
}
