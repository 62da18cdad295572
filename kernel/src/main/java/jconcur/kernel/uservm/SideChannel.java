package jconcur.kernel.uservm;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.Socket;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import jconcur.kernel.link.Frame;
import jconcur.kernel.link.SideMessage;
import jconcur.kernel.link.SideMessage.InputReply;
import jconcur.kernel.link.SideMessage.InputRequest;
import jconcur.kernel.link.SideMessage.ThreadsReply;
import jconcur.kernel.link.SideMessage.ThreadsRequest;
import jconcur.kernel.link.SideMessageCodec;

/**
 * The user VM's end of the side channel: frames of output and messages in one ordered stream, so output,
 * displays and input requests reach the notebook in the order they happened. Counts the frames it sends (the
 * kernel delivers that many before a cell's result). The reader thread answers the kernel's requests and ends
 * this VM when the kernel goes away.
 */
final class SideChannel {

    private final OutputStream out;
    private final DataInputStream in;
    private final AtomicLong nextId = new AtomicLong();
    private final Map<Long, CompletableFuture<InputReply>> pending = new ConcurrentHashMap<>();
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

    void send(SideMessage.ToKernel message) throws IOException {
        byte[] json = SideMessageCodec.encode(message);
        Rendering.checkSize(json.length);
        byte[] frame = Frame.encode(Frame.MESSAGE, json);
        writeFrames(frame, 0, frame.length, 1);
    }

    /** Asks the front end for a line through the kernel (sent by sender, with a fresh id) and waits for it. */
    InputReply requestInput(String prompt, boolean password, Sender sender) throws IOException {
        long id = nextId.incrementAndGet();
        CompletableFuture<InputReply> reply = new CompletableFuture<>();
        pending.put(id, reply);
        try {
            sender.send(new InputRequest(id, prompt, password));
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
        void send(SideMessage.ToKernel message) throws IOException;
    }

    private void readLoop() {
        try {
            while (true) {
                Frame frame = Frame.read(in);
                if (frame.kind() == Frame.MESSAGE) {
                    try {
                        handle(SideMessageCodec.decodeToUserVm(frame.payload()));
                    } catch (RuntimeException | Error | IOException e) {
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

    private void handle(SideMessage.ToUserVm message) throws IOException {
        switch (message) {
            case InputReply reply -> {
                CompletableFuture<InputReply> waiting = pending.get(reply.id());
                if (waiting != null) {
                    waiting.complete(reply);
                }
            }
            case ThreadsRequest request -> send(new ThreadsReply(request.id(), ThreadReport.snapshot()));
        }
    }
}
