package jconcur.bench;

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
import jconcur.kernel.wire.KernelClient;
import jconcur.kernel.wire.Message;

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

    public static void main(String[] args) {
        int cells = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        ConnectionInfo connection = ConnectionInfo.onFreeLoopbackPorts("bench-key");
        try (Kernel kernel = Kernel.start(connection, output -> new InstantEngine(), HistoryStore.inMemory());
             KernelClient client = new KernelClient(connection, 10_000)) {
            client.awaitIopub();
            for (int i = 0; i < cells / 2; i++) {
                roundTrip(client);
            }
            List<Double> micros = new ArrayList<>(cells);
            for (int i = 0; i < cells; i++) {
                micros.add(roundTrip(client) / 1e3);
            }
            micros.sort(null);
            System.out.printf(Locale.ROOT, "protocol layer round trip (execute_request -> idle, instant engine): median %.0f us,"
                    + " p90 %.0f us, p99 %.0f us over %d cells%n", micros.get(cells / 2), micros.get(cells * 9 / 10),
                    micros.get(cells * 99 / 100), cells);
        }
    }

    /** execute_request sent -> its idle status received, in nanoseconds; then its reply is read. */
    private static long roundTrip(KernelClient client) {
        long start = System.nanoTime();
        Message request = client.execute("1 + 1");
        client.resultOf(request);
        long elapsed = System.nanoTime() - start;
        client.replyTo(request);
        return elapsed;
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
        public void close() {}
    }
}
