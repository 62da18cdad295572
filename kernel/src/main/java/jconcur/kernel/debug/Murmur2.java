package jconcur.kernel.debug;

import java.nio.charset.StandardCharsets;

/**
 * MurmurHash2 (32 bits) of a string's UTF-8 bytes, as JupyterLab's debugger computes it to name a cell's source
 * file: both sides must agree on every bit, or breakpoints land in no cell.
 */
final class Murmur2 {

    private static final int M = 0x5bd1e995;

    private Murmur2() {}

    /** The hash as JupyterLab prints it: an unsigned 32-bit decimal. */
    static long hash(String text, long seed) {
        byte[] data = text.getBytes(StandardCharsets.UTF_8);
        int length = data.length;
        int h = (int) seed ^ length;
        int i = 0;
        for (; length - i >= 4; i += 4) {
            int k = (data[i] & 0xff) | (data[i + 1] & 0xff) << 8 | (data[i + 2] & 0xff) << 16 | (data[i + 3] & 0xff) << 24;
            k *= M;
            k ^= k >>> 24;
            k *= M;
            h = h * M ^ k;
        }
        int rest = length - i;
        if (rest == 3) {
            h ^= (data[i + 2] & 0xff) << 16;
        }
        if (rest >= 2) {
            h ^= (data[i + 1] & 0xff) << 8;
        }
        if (rest >= 1) {
            h ^= data[i] & 0xff;
            h *= M;
        }
        h ^= h >>> 13;
        h *= M;
        h ^= h >>> 15;
        return Integer.toUnsignedLong(h);
    }
}
