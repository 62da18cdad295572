package jconcur.kernel.engine;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import jconcur.display.MimeBundle;
import jconcur.kernel.log.Log;
import jconcur.kernel.uservm.Wire;

/**
 * The kernel's end of the side channel: one ordered stream of output frames and JSON messages from any user VM
 * thread. Output and displays go to the notebook in arrival order, which is the order they happened in the
 * user VM; input requests are answered from the front end on their own thread; thread reports are requested
 * when a cell does not stop. Counts delivered frames, so that a cell's result can wait for its output.
 */
final class SideChannelHost {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final EngineOutput output;
    private final OutputDelivery delivery;
    private final AtomicLong nextId = new AtomicLong();
    private final Map<Long, CompletableFuture<Map<String, Object>>> pending = new ConcurrentHashMap<>();
    private long framesDelivered;
    private boolean ended;
    private volatile boolean exitAnnounced;

    SideChannelHost(Socket socket, EngineOutput output, LineTail stderrTail, FrameLines frameLines) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), 1 << 16));
        this.out = new BufferedOutputStream(socket.getOutputStream(), 1 << 16);
        this.output = output;
        this.delivery = new OutputDelivery(output, stderrTail, frameLines);
        Thread reader = new Thread(this::readLoop, "jconcur-side-channel");
        reader.setDaemon(true);
        reader.start();
    }

    /** Whether the user VM said it is exiting through System.exit (its shutdown hooks ran). */
    boolean exitAnnounced() {
        return exitAnnounced;
    }

    /**
     * Waits until at least count frames were delivered to the notebook, the channel ended, or the timeout
     * passed. A negative count returns at once.
     */
    synchronized void awaitFrames(long count, long timeoutMs) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        try {
            while (framesDelivered < count && !ended) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    Log.warn("user VM output did not arrive in time (%d of %d)", framesDelivered, count);
                    return;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
                Wire.Frame frame = Wire.readFrame(in);
                try {
                    if (frame.kind() == Wire.FRAME_MESSAGE) {
                        handle(frame.payload());
                    } else {
                        delivery.deliver(frame.kind(), frame.payload());
                    }
                } finally {
                    synchronized (this) {
                        framesDelivered++;
                        notifyAll();
                    }
                }
            }
        } catch (IOException e) {
            // the user VM is gone; the session notices through the process
        } finally {
            synchronized (this) {
                ended = true;
                notifyAll();
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void handle(byte[] payload) throws IOException {
        Map<String, Object> message = null;
        try {
            message = JSON.readValue(payload, MAP);
            Map<String, Object> m = message;
            String type = String.valueOf(m.get("type"));
            switch (type) {
                case "display" -> {
                    Map<String, Object> bundle = (Map<String, Object>) m.get("bundle");
                    deliver(() -> output.display(new MimeBundle((Map<String, Object>) bundle.get("data"),
                                    (Map<String, Object>) bundle.get("metadata")),
                            (String) m.get("displayId"), Boolean.TRUE.equals(m.get("update"))));
                }
                case "clear" -> deliver(() -> output.clearOutput(Boolean.TRUE.equals(m.get("wait"))));
                // The answer may take minutes; output and displays from other threads must not wait for it.
                case "input" -> Thread.ofVirtual().name("jconcur-input").start(() -> answerInput(m));
                case "reply" -> {
                    CompletableFuture<Map<String, Object>> reply = pending.get(((Number) m.get("id")).longValue());
                    if (reply != null) {
                        reply.complete(m);
                    }
                }
                case "exiting" -> exitAnnounced = true;
                default -> Log.warn("unknown side-channel message type %s", type);
            }
        } catch (RuntimeException | com.fasterxml.jackson.core.JacksonException e) {
            Log.warn("broken side-channel message from the user VM: %s", e);
            if (message != null && message.get("id") != null) {
                reply(message, Map.of("error", "the kernel could not handle this message: " + e));
            }
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

    private static void deliver(Runnable toFrontEnd) {
        try {
            toFrontEnd.run();
        } catch (RuntimeException e) {
            Log.warn("could not pass a display on: %s", e);
        }
    }

    private void reply(Map<String, Object> request, Map<String, Object> content) throws IOException {
        Map<String, Object> message = new LinkedHashMap<>(content);
        message.put("type", "reply");
        message.put("id", request.get("id"));
        send(message);
    }

    private void send(Map<String, Object> message) throws IOException {
        byte[] json = JSON.writeValueAsBytes(message);
        byte[] frame = Wire.frame(Wire.FRAME_MESSAGE, json, 0, json.length);
        synchronized (out) {
            out.write(frame);
            out.flush();
        }
    }
}
