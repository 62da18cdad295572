package jconcur.kernel.uservm;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.Socket;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The user VM's end of the side channel: JSON messages in length-prefixed frames. User threads send displays
 * and input requests and wait for the kernel's reply (so output order is kept and input arrives); the reader
 * thread answers the kernel's requests (thread reports) and ends this VM when the kernel goes away.
 */
final class SideChannel {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private final DataOutputStream out;
    private final DataInputStream in;
    private final AtomicLong nextId = new AtomicLong();
    private final Map<Long, CompletableFuture<Map<String, Object>>> pending = new ConcurrentHashMap<>();

    SideChannel(Socket socket) throws IOException {
        this.out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream(), 1 << 16));
        this.in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), 1 << 16));
    }

    void startReader() {
        Thread reader = new Thread(this::readLoop, "jconcur-side-channel");
        reader.setDaemon(true);
        reader.start();
    }

    /** Sends a request and waits for the kernel's reply. */
    Map<String, Object> call(Map<String, Object> message) throws IOException {
        long id = nextId.incrementAndGet();
        CompletableFuture<Map<String, Object>> reply = new CompletableFuture<>();
        pending.put(id, reply);
        Map<String, Object> withId = new LinkedHashMap<>(message);
        withId.put("id", id);
        try {
            send(withId);
            return reply.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the kernel");
        } catch (ExecutionException e) {
            throw new IOException("the kernel connection failed", e.getCause());
        } finally {
            pending.remove(id);
        }
    }

    void send(Map<String, Object> message) throws IOException {
        byte[] payload = JSON.writeValueAsBytes(message);
        synchronized (out) {
            Wire.writeFrame(out, payload);
        }
    }

    private void readLoop() {
        try {
            while (true) {
                Map<String, Object> message = JSON.readValue(Wire.readFrame(in), MAP);
                String type = String.valueOf(message.get("type"));
                switch (type) {
                    case "reply" -> {
                        CompletableFuture<Map<String, Object>> reply =
                                pending.get(((Number) message.get("id")).longValue());
                        if (reply != null) {
                            reply.complete(message);
                        }
                    }
                    case "threads" -> {
                        Map<String, Object> answer = new LinkedHashMap<>(ThreadReport.snapshot());
                        answer.put("type", "reply");
                        answer.put("id", message.get("id"));
                        send(answer);
                    }
                    default -> System.err.println("[jconcur] unknown side-channel message " + type);
                }
            }
        } catch (IOException | RuntimeException e) {
            // The kernel went away (or broke the protocol): no one can see this VM any more.
            Runtime.getRuntime().halt(0);
        }
    }
}
