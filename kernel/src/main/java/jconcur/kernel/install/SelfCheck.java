package jconcur.kernel.install;

import java.util.UUID;
import jconcur.kernel.protocol.HistoryStore;
import jconcur.kernel.protocol.Kernel;
import jconcur.kernel.wire.ConnectionInfo;
import jconcur.kernel.wire.KernelClient;
import jconcur.kernel.wire.Message;

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
        ConnectionInfo connection = ConnectionInfo.onFreeLoopbackPorts(UUID.randomUUID().toString());
        long start = System.nanoTime();
        try (Kernel kernel = Kernel.start(connection, engineFactory, HistoryStore.inMemory());
             KernelClient client = new KernelClient(connection, TIMEOUT_MS)) {
            Message info = client.replyTo(client.send("kernel_info_request", client.codec().json().createObjectNode()));
            long kernelInfo = millisSince(start);
            if (!info.content().path("status").asText().equals("ok")) {
                return new Report(false, kernelInfo, -1, "kernel_info failed: " + info.content());
            }
            long cellStart = System.nanoTime();
            client.awaitIopub();
            Message request = client.execute("1 + 1");
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
}
