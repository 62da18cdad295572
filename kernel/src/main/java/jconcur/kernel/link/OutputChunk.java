package jconcur.kernel.link;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The payload of a {@link Frame#STDOUT} or {@link Frame#STDERR} frame: [cell:4][thread name length:2][thread name
 * UTF-8][printed bytes]. The user VM batches output of one origin into one chunk.
 */
public record OutputChunk(OutputOrigin origin, byte[] bytes) {

    private static final int MAX_NAME = 0xffff;

    /** Appends a whole frame of kind holding bytes[offset, offset + length) printed by origin. */
    public static void append(ByteArrayOutputStream frames, byte kind, OutputOrigin origin, byte[] bytes, int offset,
            int length) {
        byte[] name = origin.thread().getBytes(StandardCharsets.UTF_8);
        int nameLength = Math.min(name.length, MAX_NAME);
        ByteArrayOutputStream payload = new ByteArrayOutputStream(6 + nameLength + length);
        int cell = origin.cell();
        payload.write(cell >>> 24);
        payload.write(cell >>> 16);
        payload.write(cell >>> 8);
        payload.write(cell);
        payload.write(nameLength >>> 8);
        payload.write(nameLength);
        payload.write(name, 0, nameLength);
        payload.write(bytes, offset, length);
        Frame.append(frames, kind, payload.toByteArray(), 0, payload.size());
    }

    /** Reads a frame's payload. */
    public static OutputChunk decode(byte[] payload) throws IOException {
        if (payload.length < 6) {
            throw new IOException("output frame of " + payload.length + " bytes is shorter than its header");
        }
        int cell = (payload[0] & 0xff) << 24 | (payload[1] & 0xff) << 16 | (payload[2] & 0xff) << 8 | payload[3] & 0xff;
        int nameLength = (payload[4] & 0xff) << 8 | payload[5] & 0xff;
        if (6 + nameLength > payload.length) {
            throw new IOException("output frame names a thread of " + nameLength + " bytes but holds "
                    + (payload.length - 6));
        }
        String thread = new String(payload, 6, nameLength, StandardCharsets.UTF_8);
        byte[] bytes = java.util.Arrays.copyOfRange(payload, 6 + nameLength, payload.length);
        return new OutputChunk(new OutputOrigin(cell, thread), bytes);
    }
}
