package jconcur.kernel.engine;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.logging.Level;
import java.util.logging.Logger;
import jconcur.kernel.engine.EngineOutput.Stream;
import jconcur.kernel.uservm.Wire;

/**
 * Receives the user VM's output channel (JShell's demultiplexer writes it in small packets), cuts it back into
 * the frames the user VM sent, and hands each frame to the notebook as one stream message. Counts frames so
 * that a display can wait for the output printed before it.
 */
final class IoFrameReader extends OutputStream {

    private static final Logger LOG = Logger.getLogger(IoFrameReader.class.getName());
    private static final int HEADER = 5;
    private static final int MAX_PAYLOAD = 64 << 20;

    private final EngineOutput output;
    /** Keeps the last lines of stderr for the report when the user VM dies. */
    private final LineTail stderrTail;
    private final Utf8Decoder stdout = new Utf8Decoder();
    private final Utf8Decoder stderr = new Utf8Decoder();
    private final ByteArrayOutputStream header = new ByteArrayOutputStream(HEADER);
    private ByteArrayOutputStream payload;
    private int payloadLength;
    private byte kind;
    private long framesDelivered;

    IoFrameReader(EngineOutput output, LineTail stderrTail) {
        this.output = output;
        this.stderrTail = stderrTail;
    }

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) {
        int end = off + len;
        int i = off;
        while (i < end) {
            if (payload == null) {
                header.write(b[i++]);
                if (header.size() == HEADER) {
                    startFrame(header.toByteArray());
                    header.reset();
                }
            } else {
                int n = Math.min(end - i, payloadLength - payload.size());
                payload.write(b, i, n);
                i += n;
            }
            if (payload != null && payload.size() == payloadLength) {
                deliver(kind, payload.toByteArray());
                payload = null;
            }
        }
    }

    private void startFrame(byte[] h) {
        kind = h[0];
        payloadLength = ((h[1] & 0xff) << 24) | ((h[2] & 0xff) << 16) | ((h[3] & 0xff) << 8) | (h[4] & 0xff);
        if (payloadLength < 0 || payloadLength > MAX_PAYLOAD) {
            throw new IllegalStateException("corrupt output frame from the user VM (length " + payloadLength + ")");
        }
        payload = new ByteArrayOutputStream(payloadLength);
    }

    private void deliver(byte frameKind, byte[] bytes) {
        try {
            if (frameKind == Wire.FRAME_STDERR) {
                String text = stderr.decode(bytes);
                stderrTail.append(text);
                emit(Stream.STDERR, text);
            } else {
                emit(Stream.STDOUT, stdout.decode(bytes));
            }
        } finally {
            synchronized (this) {
                framesDelivered++;
                notifyAll();
            }
        }
    }

    private void emit(Stream stream, String text) {
        if (text.isEmpty()) {
            return;
        }
        try {
            output.stream(stream, text);
        } catch (RuntimeException e) {
            // A failing front end must not break the channel that also carries JShell's commands.
            LOG.log(Level.WARNING, "could not pass user VM output on", e);
        }
    }

    /** Waits until at least count frames were delivered, or the timeout passed; true when they were. */
    synchronized boolean awaitFrames(long count, long timeoutMs) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMs * 1_000_000;
        while (framesDelivered < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }
}
