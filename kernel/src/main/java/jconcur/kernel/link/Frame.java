package jconcur.kernel.link;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;

/**
 * One frame of the side channel, [kind:1][length:4][payload]: stdout or stderr UTF-8 bytes of the user VM, or
 * an encoded {@link SideMessage}. Output and messages share one ordered stream, so they reach the notebook in
 * the order they happened.
 */
public record Frame(byte kind, byte[] payload) {

    public static final byte STDOUT = 1;
    public static final byte STDERR = 2;
    public static final byte MESSAGE = 3;

    /** Largest frame accepted, so that a corrupt length cannot exhaust memory. */
    public static final int MAX_LENGTH = 256 * 1024 * 1024;

    private static final int HEADER = 5;

    /** Appends one frame of payload[offset, offset + length) to out. */
    public static void append(ByteArrayOutputStream out, byte kind, byte[] payload, int offset, int length) {
        out.write(kind);
        out.write(length >>> 24);
        out.write(length >>> 16);
        out.write(length >>> 8);
        out.write(length);
        out.write(payload, offset, length);
    }

    /** One frame as bytes. */
    public static byte[] encode(byte kind, byte[] payload) {
        ByteArrayOutputStream frame = new ByteArrayOutputStream(HEADER + payload.length);
        append(frame, kind, payload, 0, payload.length);
        return frame.toByteArray();
    }

    /** Reads one frame; throws EOFException at the end of the stream. */
    public static Frame read(DataInputStream in) throws IOException {
        byte kind = in.readByte();
        int length = in.readInt();
        if (length < 0 || length > MAX_LENGTH) {
            throw new IOException("bad side-channel frame length " + length);
        }
        byte[] payload = new byte[length];
        in.readFully(payload);
        return new Frame(kind, payload);
    }
}
