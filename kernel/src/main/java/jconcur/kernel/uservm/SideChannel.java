package jconcur.kernel.uservm;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.Socket;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The user VM's end of the side channel: frames of output and JSON messages in one ordered stream, so output,
 * displays and input requests reach the notebook in the order they happened. Counts the frames it sends (the
 * kernel delivers that many before a cell's result). The reader thread answers the kernel's requests and ends
 * this VM when the kernel goes away.
 */
final class SideChannel {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private final OutputStream out;
    private final DataInputStream in;
    private final AtomicLong nextId = new AtomicLong();
    private final Map<Long, CompletableFuture<Map<String, Object>>> pending = new ConcurrentHashMap<>();
    private long framesSent;

    SideChannel(Socket socket) throws IOException {
        this.out = new BufferedOutputStream(socket.getOutputStream(), 1 << 16);
        this.in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), 1 << 16));
    }

    void startReader() {
        Thread reader = new Thread(this::readLoop, "jconcur-side-channel");
        reader.setDaemon(true);
        reader.start();
    }

    /** Sends encoded frames (count of them) and flushes. */
    void writeFrames(byte[] frames, int offset, int length, int count) throws IOException {
        synchronized (out) {
            out.write(frames, offset, length);
            out.flush();
            framesSent += count;
        }
    }

    long framesSent() {
        synchronized (out) {
            return framesSent;
        }
    }

    void send(Map<String, Object> message) throws IOException {
        byte[] json = JSON.writeValueAsBytes(message);
        Rendering.checkSize(json.length);
        byte[] frame = Wire.frame(Wire.FRAME_MESSAGE, json, 0, json.length);
        writeFrames(frame, 0, frame.length, 1);
    }

    /** Registers a request, lets send transmit it (with its id), and waits for the kernel's reply. */
    Map<String, Object> call(Map<String, Object> message, Sender sender) throws IOException {
        long id = nextId.incrementAndGet();
        CompletableFuture<Map<String, Object>> reply = new CompletableFuture<>();
        pending.put(id, reply);
        Map<String, Object> withId = new LinkedHashMap<>(message);
        withId.put("id", id);
        try {
            sender.send(withId);
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

    /** How a request goes out (through the output batcher, so that earlier output goes first). */
    interface Sender {
        void send(Map<String, Object> message) throws IOException;
    }

    private void readLoop() {
        try {
            while (true) {
                Wire.Frame frame = Wire.readFrame(in);
                if (frame.kind() == Wire.FRAME_MESSAGE) {
                    try {
                        handle(JSON.readValue(frame.payload(), MAP));
                    } catch (RuntimeException | Error e) {
                        // Out of memory in a user thread, say: this thread must live on to see the kernel go.
                        System.err.println("[jconcur] side channel: " + e);
                    }
                }
            }
        } catch (IOException e) {
            // The kernel went away: no one can see this VM any more.
            Runtime.getRuntime().halt(0);
        }
    }

    private void handle(Map<String, Object> message) throws IOException {
        switch (String.valueOf(message.get("type"))) {
            case "reply" -> {
                CompletableFuture<Map<String, Object>> reply = pending.get(((Number) message.get("id")).longValue());
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
            default -> System.err.println("[jconcur] unknown side-channel message " + message.get("type"));
        }
    }
}
