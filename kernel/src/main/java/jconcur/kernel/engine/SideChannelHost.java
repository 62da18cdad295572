package jconcur.kernel.engine;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import jconcur.kernel.link.Frame;
import jconcur.kernel.link.MalformedSideMessageException;
import jconcur.kernel.link.SideMessage;
import jconcur.kernel.link.SideMessage.ClearOutput;
import jconcur.kernel.link.SideMessage.Display;
import jconcur.kernel.link.SideMessage.Exiting;
import jconcur.kernel.link.SideMessage.InputReply;
import jconcur.kernel.link.SideMessage.InputRequest;
import jconcur.kernel.link.SideMessage.ThreadsReply;
import jconcur.kernel.link.SideMessage.ThreadsRequest;
import jconcur.kernel.link.SideMessageCodec;
import jconcur.kernel.link.ThreadSnapshot;
import jconcur.kernel.log.Log;

/**
 * The kernel's end of the side channel: one ordered stream of output frames and messages from any user VM
 * thread. Output and displays go to the notebook in arrival order, which is the order they happened in the
 * user VM; input requests are answered from the front end on their own thread; thread reports are requested
 * when a cell does not stop. Counts delivered frames, so that a cell's result can wait for its output.
 */
final class SideChannelHost {

    /** Output frames held back at most while more arrive (the user VM sends a batch in one write). */
    private static final int MAX_HELD_FRAMES = 256;

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final EngineOutput output;
    private final OutputDelivery delivery;
    private final AtomicLong nextId = new AtomicLong();
    private final Map<Long, CompletableFuture<ThreadsReply>> pending = new ConcurrentHashMap<>();
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

    /** Asks the user VM for its deadlock cycles and cell thread; empty when it does not answer in time. */
    Optional<ThreadSnapshot> threadReport(long timeoutMs) {
        long id = nextId.incrementAndGet();
        CompletableFuture<ThreadsReply> reply = new CompletableFuture<>();
        pending.put(id, reply);
        try {
            send(new ThreadsRequest(id));
            return Optional.of(reply.get(timeoutMs, TimeUnit.MILLISECONDS).snapshot());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (Exception e) {
            return Optional.empty();
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

    /**
     * Output frames that arrived together (one batch of the user VM) go to the notebook together, so that output of
     * threads printing in turn is not one message per frame; a message goes out after the output before it.
     */
    private void readLoop() {
        int held = 0;
        try {
            while (true) {
                Frame frame = Frame.read(in);
                if (frame.kind() == Frame.MESSAGE) {
                    held = passOn(held);
                    try {
                        handle(frame.payload());
                    } finally {
                        delivered(1);
                    }
                } else {
                    delivery.add(frame.kind(), frame.payload());
                    held++;
                    if (in.available() == 0 || held >= MAX_HELD_FRAMES) {
                        held = passOn(held);
                    }
                }
            }
        } catch (IOException e) {
            // the user VM is gone; the session notices through the process
        } finally {
            delivery.flush();
            synchronized (this) {
                ended = true;
                notifyAll();
            }
        }
    }

    /** Passes the held output frames on to the notebook; returns how many are held now (none). */
    private int passOn(int held) {
        delivery.flush();
        delivered(held);
        return 0;
    }

    private synchronized void delivered(int frames) {
        framesDelivered += frames;
        notifyAll();
    }

    private void handle(byte[] payload) throws IOException {
        SideMessage.ToKernel message;
        try {
            message = SideMessageCodec.decodeToKernel(payload);
        } catch (MalformedSideMessageException e) {
            Log.warn("broken side-channel message from the user VM: %s", e.getMessage());
            if (e.requestId().isPresent()) {
                send(InputReply.failed(e.requestId().getAsLong(), "the kernel could not read this request: " + e.getMessage()));
            }
            return;
        }
        switch (message) {
            case Display d -> deliver(() -> output.display(d.bundle(), d.displayId(), d.update(), d.origin()));
            case ClearOutput c -> deliver(() -> output.clearOutput(c.untilNewOutput(), c.origin()));
            // The answer may take minutes; output and displays from other threads must not wait for it.
            case InputRequest r -> Thread.ofVirtual().name("jconcur-input").start(() -> answerInput(r));
            case ThreadsReply r -> {
                CompletableFuture<ThreadsReply> reply = pending.get(r.id());
                if (reply != null) {
                    reply.complete(r);
                }
            }
            case Exiting e -> exitAnnounced = true;
        }
    }

    private void answerInput(InputRequest request) {
        InputReply answer;
        try {
            answer = new InputReply(request.id(), Optional.ofNullable(output.requestInput(request.prompt(), request.password())),
                    Optional.empty());
        } catch (EngineOutput.InputNotAllowedException e) {
            answer = InputReply.failed(request.id(), e.getMessage());
        } catch (RuntimeException e) {
            answer = InputReply.failed(request.id(), "input failed: " + e.getMessage());
        }
        try {
            send(answer);
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

    private void send(SideMessage.ToUserVm message) throws IOException {
        byte[] frame = Frame.encode(Frame.MESSAGE, SideMessageCodec.encode(message));
        synchronized (out) {
            out.write(frame);
            out.flush();
        }
    }
}
