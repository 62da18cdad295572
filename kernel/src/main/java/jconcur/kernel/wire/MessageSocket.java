package jconcur.kernel.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jconcur.kernel.log.Log;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;
import zmq.ZError;

/**
 * One Jupyter channel's ZeroMQ socket, speaking whole messages. Receiving belongs to one thread;
 * sending is serialised by a lock, so several threads may send (iopub).
 * Invalid messages are logged to stderr and skipped: they never reach a handler.
 */
public final class MessageSocket {

    private final String channel;
    private final ZMQ.Socket socket;
    private final MessageCodec codec;
    private final Object sendLock = new Object();
    private boolean closed;

    public MessageSocket(String channel, ZMQ.Socket socket, MessageCodec codec) {
        this.channel = channel;
        this.socket = socket;
        this.codec = codec;
    }

    public String channel() {
        return channel;
    }

    /** Blocks until a valid message arrives. */
    public Message receive() throws ChannelClosedException {
        return receive(null);
    }

    /** Blocks until a valid message arrives or the token is cancelled (then ChannelClosedException). */
    public Message receive(ZMQ.CancellationToken cancel) throws ChannelClosedException {
        while (true) {
            List<byte[]> frames = receiveFrames(0, cancel);
            Optional<Message> message = decode(frames);
            if (message.isPresent()) {
                return message.get();
            }
        }
    }

    /** The next valid message if one is already queued; never blocks. */
    public Optional<Message> receiveNow() throws ChannelClosedException {
        while (true) {
            List<byte[]> frames = receiveFrames(ZMQ.DONTWAIT, null);
            if (frames == null) {
                return Optional.empty();
            }
            Optional<Message> message = decode(frames);
            if (message.isPresent()) {
                return message;
            }
        }
    }

    public ZMQ.CancellationToken newCancellationToken() {
        return socket.createCancellationToken();
    }

    /** Sends a message; false (logged) if the socket is closed or the send fails, which only happens at shutdown. */
    public boolean send(Message message) {
        List<byte[]> frames = codec.encode(message);
        synchronized (sendLock) {
            if (closed) {
                Log.debug("%s: not sending %s, channel closed", channel, message);
                return false;
            }
            try {
                int last = frames.size() - 1;
                for (int i = 0; i < last; i++) {
                    socket.sendMore(frames.get(i));
                }
                socket.send(frames.get(last));
                return true;
            } catch (ZMQException | ZError.IOException | IllegalStateException e) {
                Log.warn("%s: could not send %s: %s", channel, message, e);
                return false;
            }
        }
    }

    /** Closes the socket; pending outgoing messages are still delivered within the linger period. */
    public void close() {
        synchronized (sendLock) {
            if (!closed) {
                closed = true;
                socket.close();
            }
        }
    }

    private Optional<Message> decode(List<byte[]> frames) {
        try {
            return Optional.of(codec.decode(frames));
        } catch (MalformedMessageException e) {
            Log.warn("%s: dropped a message: %s", channel, e.getMessage());
            return Optional.empty();
        }
    }

    /** All frames of one multipart message, or null when flags has DONTWAIT and nothing is queued. */
    private List<byte[]> receiveFrames(int flags, ZMQ.CancellationToken cancel) throws ChannelClosedException {
        try {
            byte[] first = cancel == null ? socket.recv(flags) : socket.recv(flags, cancel);
            if (first == null) {
                if ((flags & ZMQ.DONTWAIT) != 0 && socket.errno() == ZError.EAGAIN) {
                    return null;
                }
                throw new ChannelClosedException(channel + ": receive failed, errno " + socket.errno());
            }
            List<byte[]> frames = new ArrayList<>(8);
            frames.add(first);
            while (socket.hasReceiveMore()) {
                frames.add(socket.recv(0));
            }
            return frames;
        } catch (ZMQException | ZError.IOException | IllegalStateException e) {
            throw new ChannelClosedException(channel + ": " + e.getMessage());
        }
    }

    /** The socket or its context was closed, or a blocking receive was cancelled. */
    public static final class ChannelClosedException extends Exception {
        public ChannelClosedException(String message) {
            super(message);
        }
    }
}
