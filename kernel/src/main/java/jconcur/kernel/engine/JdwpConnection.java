package jconcur.kernel.engine;

import com.sun.jdi.connect.spi.ClosedConnectionException;
import com.sun.jdi.connect.spi.Connection;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;

/** JDWP packets over a socket whose handshake is done (see {@link JdwpListener}), for JDI. */
final class JdwpConnection extends Connection {

    /** Length (4 bytes), id (4), flags (1) and command set and command or error code (2). */
    private static final int HEADER = 11;

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final Object reading = new Object();
    private final Object writing = new Object();
    private volatile boolean closed;

    JdwpConnection(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = new BufferedOutputStream(socket.getOutputStream(), 1 << 16);
    }

    @Override
    public byte[] readPacket() throws IOException {
        synchronized (reading) {
            checkOpen();
            try {
                int first = in.read();
                if (first < 0) {
                    return new byte[0]; // end of stream: JDI's reader takes this as the VM going away
                }
                byte[] rest = new byte[3];
                in.readFully(rest);
                int length = (first << 24) | ((rest[0] & 0xff) << 16) | ((rest[1] & 0xff) << 8) | (rest[2] & 0xff);
                if (length < HEADER) {
                    throw new IOException("JDWP protocol error: packet length " + length);
                }
                byte[] packet = new byte[length];
                packet[0] = (byte) first;
                System.arraycopy(rest, 0, packet, 1, 3);
                in.readFully(packet, 4, length - 4);
                return packet;
            } catch (EOFException e) {
                throw new IOException("JDWP protocol error: the user VM closed the connection within a packet", e);
            } catch (IOException e) {
                throw closed ? new ClosedConnectionException("the JDWP connection is closed") : e;
            }
        }
    }

    @Override
    public void writePacket(byte[] packet) throws IOException {
        if (packet.length < HEADER) {
            throw new IllegalArgumentException("a JDWP packet has at least " + HEADER + " bytes");
        }
        int length = ((packet[0] & 0xff) << 24) | ((packet[1] & 0xff) << 16) | ((packet[2] & 0xff) << 8)
                | (packet[3] & 0xff);
        if (length < HEADER || length > packet.length) {
            throw new IllegalArgumentException("JDWP packet length " + length + " does not fit " + packet.length
                    + " bytes");
        }
        synchronized (writing) {
            checkOpen();
            try {
                out.write(packet, 0, length);
                out.flush();
            } catch (IOException e) {
                throw closed ? new ClosedConnectionException("the JDWP connection is closed") : e;
            }
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        socket.close();
    }

    @Override
    public boolean isOpen() {
        return !closed;
    }

    private void checkOpen() throws ClosedConnectionException {
        if (closed) {
            throw new ClosedConnectionException("the JDWP connection is closed");
        }
    }
}
