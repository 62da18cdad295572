package jconcur.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import jconcur.display.MimeBundle;
import jconcur.kernel.engine.Completion;
import jconcur.kernel.engine.Engine;
import jconcur.kernel.engine.ExecuteOutcome;
import jconcur.kernel.engine.Inspection;
import jconcur.kernel.engine.IsComplete;
import jconcur.kernel.protocol.HistoryStore;
import jconcur.kernel.protocol.Kernel;
import jconcur.kernel.wire.ConnectionInfo;
import jconcur.kernel.wire.MalformedMessageException;
import jconcur.kernel.wire.Message;
import jconcur.kernel.wire.Session;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

/**
 * What the protocol layer alone adds to a cell: the kernel's wire, signing, handlers and iopub traffic, with an
 * engine that answers at once, driven over loopback by a lean JeroMQ client (execute_request sent -> status idle
 * received). The client's own cost is in the figure too, so it is an upper bound for the layer.
 * <pre>
 * java -cp "bench/target/classes:kernel/target/jconcur-kernel.jar" jconcur.bench.KernelLatencyBench [cells]
 * </pre>
 */
public final class KernelLatencyBench {

    private KernelLatencyBench() {}

    public static void main(String[] args) throws IOException {
        int cells = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        ConnectionInfo connection = new ConnectionInfo("127.0.0.1", freePort(), freePort(), freePort(), freePort(),
                freePort(), "bench-key", "hmac-sha256");
        try (Kernel kernel = Kernel.start(connection, output -> new InstantEngine(), HistoryStore.inMemory());
             Client client = new Client(connection)) {
            client.awaitIopub();
            for (int i = 0; i < cells / 2; i++) {
                client.roundTrip();
            }
            List<Double> micros = new ArrayList<>(cells);
            for (int i = 0; i < cells; i++) {
                micros.add(client.roundTrip() / 1e3);
            }
            micros.sort(null);
            System.out.printf(Locale.ROOT, "protocol layer round trip (execute_request -> idle, instant engine): median %.0f us,"
                    + " p90 %.0f us, p99 %.0f us over %d cells%n", micros.get(cells / 2), micros.get(cells * 9 / 10),
                    micros.get(cells * 99 / 100), cells);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** An engine that evaluates every cell to 2 instantly: the layer's cost stands alone. */
    private static final class InstantEngine implements Engine {
        private static final ExecuteOutcome TWO = new ExecuteOutcome.Ok(Optional.of(MimeBundle.text("2")));

        @Override
        public ExecuteOutcome execute(String code) {
            return TWO;
        }

        @Override
        public void interrupt() {}

        @Override
        public Completion complete(String code, int cursorPos) {
            return new Completion(List.of(), cursorPos, cursorPos);
        }

        @Override
        public Inspection inspect(String code, int cursorPos, int detailLevel) {
            return new Inspection(Optional.empty());
        }

        @Override
        public IsComplete isComplete(String code) {
            return new IsComplete(IsComplete.Status.COMPLETE, "");
        }

        @Override
        public void restart(List<String> userVmOptions) {}

        @Override
        public void addToClasspath(List<String> paths) {}

        @Override
        public void close() {}
    }

    /** Shell and iopub of a Jupyter client, as jupyter_client wires them. */
    private static final class Client implements AutoCloseable {
        private final Session session;
        private final ZMQ.Context context = ZMQ.context(1);
        private final ZMQ.Socket shell;
        private final ZMQ.Socket iopub;

        Client(ConnectionInfo connection) {
            session = new Session(connection.signer());
            shell = context.socket(SocketType.DEALER);
            shell.connect(connection.endpoint(connection.shellPort()));
            iopub = context.socket(SocketType.SUB);
            iopub.subscribe(new byte[0]);
            iopub.connect(connection.endpoint(connection.iopubPort()));
            for (ZMQ.Socket socket : List.of(shell, iopub)) {
                socket.setLinger(0);
                socket.setReceiveTimeOut(10_000);
            }
        }

        /** A PUB socket drops messages until the subscription has arrived: wait for it. */
        void awaitIopub() {
            iopub.setReceiveTimeOut(100);
            for (int attempt = 0; attempt < 100; attempt++) {
                Message request = send("kernel_info_request", session.json().createObjectNode());
                receive(shell);
                Message status = receive(iopub);
                if (status != null && status.parentHeader().path("msg_id").asText().equals(request.id())) {
                    while (receive(iopub) != null) {
                        // drain that request's idle
                    }
                    iopub.setReceiveTimeOut(10_000);
                    return;
                }
            }
            throw new IllegalStateException("iopub never delivered a message");
        }

        long roundTrip() {
            ObjectNode content = session.json().createObjectNode();
            content.put("code", "1 + 1");
            content.put("silent", false);
            content.put("store_history", true);
            content.putObject("user_expressions");
            content.put("allow_stdin", false);
            long start = System.nanoTime();
            Message request = send("execute_request", content);
            while (true) {
                Message message = receive(iopub);
                if (message == null) {
                    throw new IllegalStateException("no idle status for " + request.id());
                }
                if (message.type().equals("status") && message.parentHeader().path("msg_id").asText().equals(request.id())
                        && message.content().path("execution_state").asText().equals("idle")) {
                    long elapsed = System.nanoTime() - start;
                    receive(shell);
                    return elapsed;
                }
            }
        }

        private Message send(String msgType, ObjectNode content) {
            Message message = session.newMessage(List.of(), msgType, null, null, content);
            List<byte[]> frames = session.encode(message);
            for (int i = 0; i < frames.size() - 1; i++) {
                shell.sendMore(frames.get(i));
            }
            shell.send(frames.get(frames.size() - 1));
            return message;
        }

        private Message receive(ZMQ.Socket socket) {
            byte[] first = socket.recv(0);
            if (first == null) {
                return null;
            }
            List<byte[]> frames = new ArrayList<>(List.of(first));
            while (socket.hasReceiveMore()) {
                frames.add(socket.recv(0));
            }
            try {
                return session.decode(frames);
            } catch (MalformedMessageException e) {
                throw new IllegalStateException(e);
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
