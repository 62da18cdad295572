package jconcur.kernel.engine;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import jconcur.display.MimeBundle;
import jconcur.kernel.uservm.Wire;

/**
 * The kernel's end of the side channel. Displays and clear_output from any user VM thread go to the notebook
 * after the output printed before them (the user VM says how many output frames it had sent), then are
 * acknowledged; input requests are answered from the front end on their own thread; thread reports are asked
 * for when a cell does not stop.
 */
final class SideChannelHost {

    private static final Logger LOG = Logger.getLogger(SideChannelHost.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};
    /** How long a display waits for earlier output that is still on its way. */
    private static final long ORDER_WAIT_MS = 2000;

    private final Socket socket;
    private final DataInputStream in;
    private final DataOutputStream out;
    private final EngineOutput output;
    private final IoFrameReader io;
    private final AtomicLong nextId = new AtomicLong();
    private final Map<Long, CompletableFuture<Map<String, Object>>> pending = new ConcurrentHashMap<>();
    private volatile boolean exitAnnounced;

    SideChannelHost(Socket socket, EngineOutput output, IoFrameReader io) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), 1 << 16));
        this.out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream(), 1 << 16));
        this.output = output;
        this.io = io;
        Thread reader = new Thread(this::readLoop, "jconcur-side-channel");
        reader.setDaemon(true);
        reader.start();
    }

    /** Whether the user VM said it is exiting through System.exit (its shutdown hooks ran). */
    boolean exitAnnounced() {
        return exitAnnounced;
    }

    /** Asks the user VM for its deadlock cycles and cell thread; null when it does not answer in time. */
    Map<String, Object> threadReport(long timeoutMs) {
        long id = nextId.incrementAndGet();
        CompletableFuture<Map<String, Object>> reply = new CompletableFuture<>();
        pending.put(id, reply);
        try {
            send(Map.of("type", "threads", "id", id));
            return reply.get(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (Exception e) {
            return null;
        } finally {
            pending.remove(id);
        }
    }

    void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    private void readLoop() {
        try {
            while (true) {
                byte[] frame = Wire.readFrame(in);
                Map<String, Object> message = null;
                try {
                    message = JSON.readValue(frame, MAP);
                    handle(message);
                } catch (RuntimeException | com.fasterxml.jackson.core.JacksonException e) {
                    LOG.log(Level.WARNING, "broken side-channel message from the user VM", e);
                    if (message != null && message.get("id") != null) {
                        reply(message, Map.of("error", "the kernel could not handle this message: " + e));
                    }
                }
            }
        } catch (IOException e) {
            // the user VM is gone; the session notices through the process
        }
    }

    @SuppressWarnings("unchecked")
    private void handle(Map<String, Object> message) throws IOException {
        String type = String.valueOf(message.get("type"));
        switch (type) {
            case "display" -> {
                awaitEarlierOutput(message);
                Map<String, Object> bundle = (Map<String, Object>) message.get("bundle");
                deliver(() -> output.display(new MimeBundle((Map<String, Object>) bundle.get("data"),
                                (Map<String, Object>) bundle.get("metadata")),
                        (String) message.get("displayId"), Boolean.TRUE.equals(message.get("update"))));
                reply(message, Map.of());
            }
            case "clear" -> {
                awaitEarlierOutput(message);
                deliver(() -> output.clearOutput(Boolean.TRUE.equals(message.get("wait"))));
                reply(message, Map.of());
            }
            case "input" -> {
                awaitEarlierOutput(message);
                // The answer may take minutes; displays from other threads must not wait for it.
                Thread.ofVirtual().name("jconcur-input").start(() -> answerInput(message));
            }
            case "reply" -> {
                CompletableFuture<Map<String, Object>> reply = pending.get(((Number) message.get("id")).longValue());
                if (reply != null) {
                    reply.complete(message);
                }
            }
            case "exiting" -> exitAnnounced = true;
            default -> LOG.warning("unknown side-channel message type " + type);
        }
    }

    private void answerInput(Map<String, Object> request) {
        Map<String, Object> answer = new LinkedHashMap<>();
        try {
            answer.put("value", output.requestInput(String.valueOf(request.getOrDefault("prompt", "")),
                    Boolean.TRUE.equals(request.get("password"))));
        } catch (EngineOutput.InputNotAllowedException e) {
            answer.put("error", e.getMessage());
        } catch (RuntimeException e) {
            answer.put("error", "input failed: " + e.getMessage());
        }
        try {
            reply(request, answer);
        } catch (IOException e) {
            // the user VM is gone
        }
    }

    private void deliver(Runnable toFrontEnd) {
        try {
            toFrontEnd.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not pass a display on", e);
        }
    }

    private void awaitEarlierOutput(Map<String, Object> message) {
        Object seq = message.get("seq");
        if (seq instanceof Number n) {
            try {
                io.awaitFrames(n.longValue(), ORDER_WAIT_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void reply(Map<String, Object> request, Map<String, Object> content) throws IOException {
        Map<String, Object> message = new LinkedHashMap<>(content);
        message.put("type", "reply");
        message.put("id", request.get("id"));
        send(message);
    }

    private void send(Map<String, Object> message) throws IOException {
        byte[] payload = JSON.writeValueAsBytes(message);
        synchronized (out) {
            Wire.writeFrame(out, payload);
        }
    }
}
