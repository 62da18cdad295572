package jconcur.kernel.engine;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Decodes UTF-8 arriving in chunks that may split a character; keeps the split bytes for the next chunk. */
final class Utf8Decoder {

    private byte[] carry = new byte[0];

    String decode(byte[] chunk) {
        byte[] bytes = carry.length == 0 ? chunk : concat(carry, chunk);
        int complete = completePrefix(bytes);
        carry = java.util.Arrays.copyOfRange(bytes, complete, bytes.length);
        return new String(bytes, 0, complete, StandardCharsets.UTF_8);
    }

    /** Length of the longest prefix that does not end inside a multi-byte character. */
    static int completePrefix(byte[] b) {
        int n = b.length;
        for (int back = 1; back <= Math.min(3, n); back++) {
            int c = b[n - back] & 0xff;
            if ((c & 0xc0) == 0x80) {
                continue; // continuation byte: look further back for the lead byte
            }
            int needed = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
            return needed > back ? n - back : n;
        }
        return n;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(a.length + b.length);
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }
}
