package jconcur.kernel.wire;

import java.util.ArrayList;
import java.util.List;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

/**
 * The five sockets of a kernel, bound to the connection file's ip and ports.
 * The heartbeat socket stays raw: it echoes bytes and never carries Jupyter messages.
 */
public final class Channels implements AutoCloseable {

    /** Outgoing messages still queued at close are delivered for at most this long. */
    private static final int LINGER_MILLIS = 1000;
    /**
     * Largest frame accepted: a peer cannot make the I/O thread allocate gigabytes (an OutOfMemoryError there
     * would end every channel). Jupyter messages of a Java kernel stay far below it.
     */
    static final long MAX_FRAME_BYTES = 256L << 20;

    private final ZMQ.Context context;
    private final MessageSocket shell;
    private final MessageSocket control;
    private final MessageSocket stdin;
    private final MessageSocket iopub;
    private final ZMQ.Socket heartbeat;

    private Channels(ZMQ.Context context, MessageSocket shell, MessageSocket control, MessageSocket stdin,
                     MessageSocket iopub, ZMQ.Socket heartbeat) {
        this.context = context;
        this.shell = shell;
        this.control = control;
        this.stdin = stdin;
        this.iopub = iopub;
        this.heartbeat = heartbeat;
    }

    /** Binds all sockets; fails with a message naming the port that could not be bound. */
    public static Channels bind(ConnectionInfo info, MessageCodec codec) {
        ZMQ.Context context = ZMQ.context(1);
        List<ZMQ.Socket> created = new ArrayList<>();
        try {
            ZMQ.Socket shell = bound(context, created, SocketType.ROUTER, info, info.shellPort());
            ZMQ.Socket control = bound(context, created, SocketType.ROUTER, info, info.controlPort());
            ZMQ.Socket stdin = bound(context, created, SocketType.ROUTER, info, info.stdinPort());
            ZMQ.Socket iopub = bound(context, created, SocketType.PUB, info, info.iopubPort());
            ZMQ.Socket heartbeat = bound(context, created, SocketType.ROUTER, info, info.hbPort());
            return new Channels(context, new MessageSocket("shell", shell, codec),
                    new MessageSocket("control", control, codec), new MessageSocket("stdin", stdin, codec),
                    new MessageSocket("iopub", iopub, codec), heartbeat);
        } catch (RuntimeException e) {
            created.forEach(ZMQ.Socket::close);
            context.term();
            throw e;
        }
    }

    private static ZMQ.Socket bound(ZMQ.Context context, List<ZMQ.Socket> created, SocketType type,
                                    ConnectionInfo info, int port) {
        ZMQ.Socket socket = context.socket(type);
        created.add(socket);
        socket.setLinger(LINGER_MILLIS);
        socket.setMsgAllocator(new FrameAllocator(MAX_FRAME_BYTES));
        socket.setMaxMsgSize(MAX_FRAME_BYTES);
        socket.setIPv6(info.ipv6());
        String endpoint = info.endpoint(port);
        try {
            if (!socket.bind(endpoint)) {
                throw new BindException(endpoint, "bind returned false");
            }
        } catch (ZMQException e) {
            throw new BindException(endpoint, e.getMessage());
        }
        return socket;
    }

    public MessageSocket shell() {
        return shell;
    }

    public MessageSocket control() {
        return control;
    }

    public MessageSocket stdin() {
        return stdin;
    }

    public MessageSocket iopub() {
        return iopub;
    }

    public ZMQ.Socket heartbeat() {
        return heartbeat;
    }

    /**
     * Terminates the context: blocked receives on shell, control and heartbeat fail, their owner threads
     * close their sockets, and this returns once every socket is closed (queued replies flushed).
     */
    @Override
    public void close() {
        iopub.close();
        stdin.close();
        context.term();
    }

    /** A port that could not be bound (in use, or an ip that is not local). */
    public static final class BindException extends RuntimeException {
        BindException(String endpoint, String reason) {
            super("cannot bind " + endpoint + ": " + reason);
        }
    }
}
