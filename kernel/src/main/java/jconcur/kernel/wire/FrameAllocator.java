package jconcur.kernel.wire;

import zmq.Msg;
import zmq.msg.MsgAllocator;
import zmq.msg.MsgAllocatorThreshold;

/**
 * Allocates incoming ZeroMQ frames, refusing sizes no Jupyter peer sends. JeroMQ 0.6.0's ZMTP decoders trust the
 * length field that anyone who can reach a port controls: a length with its top bit set arrives as a negative
 * size, and on some handshake paths the socket's maximum message size is not applied, so garbage asks for
 * gigabytes. Either would throw (NegativeArraySizeException, OutOfMemoryError) inside the context's I/O thread,
 * which stalls or ends every channel of the kernel. Such a frame becomes an empty one instead: the bytes that
 * follow are garbage too, and the handshake or the message parser rejects them, affecting only that connection.
 */
final class FrameAllocator implements MsgAllocator {

    private final MsgAllocator standard = new MsgAllocatorThreshold();
    private final long maxBytes;

    FrameAllocator(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public Msg allocate(int size) {
        return size < 0 || size > maxBytes ? new Msg(0) : standard.allocate(size);
    }
}
