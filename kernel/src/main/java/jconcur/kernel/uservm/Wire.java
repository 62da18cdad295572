package jconcur.kernel.uservm;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * What the kernel and the user VM agree on: the connection handshake, the names of the multiplexed channels,
 * the frame formats and the extension commands. Both sides use this class, so a change cannot go out of step.
 */
public final class Wire {

    /** Hex characters of the per-session secret each connection to the kernel starts with. */
    public static final int SECRET_LENGTH = 64;
    /** Role byte after the secret: JShell's command stream (with the output channel piggy-backed). */
    public static final byte ROLE_COMMAND = 'C';
    /** Role byte after the secret: the side channel (displays, input requests, thread reports). */
    public static final byte ROLE_SIDE = 'S';

    /** Name of the channel multiplexed with JShell's commands that carries stdout/stderr frames. */
    public static final String IO_CHANNEL = "jconcur-io";
    /** Output frame kinds: [kind:1][length:4][UTF-8 bytes]. */
    public static final byte FRAME_STDOUT = 1;
    public static final byte FRAME_STDERR = 2;

    /** Suffix of the invoke method name asking the agent to keep the value for a later {@link #CMD_RENDER}. */
    public static final String KEEP_VALUE_SUFFIX = "#keep";
    /** Prefix of an invoke result whose value may have a rich rendering (so the kernel asks for it). */
    public static final String RICH_MARKER = "\u0001jconcur-rich\u0001";
    /** Extension command: render the kept value; returns the bundle as JSON text, or null. */
    public static final String CMD_RENDER = "jconcur.render";

    /** Largest side-channel frame accepted, so a corrupt length cannot exhaust memory. */
    public static final int MAX_FRAME = 256 * 1024 * 1024;

    private Wire() {}

    /** Connects to the kernel on loopback and introduces itself with the secret and a role. */
    public static Socket connect(int port, String secret, byte role) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setTcpNoDelay(true);
        byte[] hello = new byte[SECRET_LENGTH + 1];
        byte[] secretBytes = secret.getBytes(StandardCharsets.US_ASCII);
        if (secretBytes.length != SECRET_LENGTH) {
            throw new IOException("secret must be " + SECRET_LENGTH + " characters");
        }
        System.arraycopy(secretBytes, 0, hello, 0, SECRET_LENGTH);
        hello[SECRET_LENGTH] = role;
        socket.getOutputStream().write(hello);
        socket.getOutputStream().flush();
        return socket;
    }

    /** Writes one length-prefixed side-channel frame. */
    public static void writeFrame(DataOutputStream out, byte[] payload) throws IOException {
        out.writeInt(payload.length);
        out.write(payload);
        out.flush();
    }

    /** Reads one length-prefixed side-channel frame; throws EOFException at the end of the stream. */
    public static byte[] readFrame(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > MAX_FRAME) {
            throw new IOException("bad side-channel frame length " + length);
        }
        byte[] payload = new byte[length];
        in.readFully(payload);
        return payload;
    }

    /** Reads the secret line the kernel writes to the user VM's standard input, byte by byte (no read-ahead). */
    static String readSecretLine(java.io.InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("standard input closed before the session secret arrived");
            }
            if (b == '\n') {
                return line.toString().trim();
            }
            line.append((char) b);
            if (line.length() > 4 * SECRET_LENGTH) {
                throw new IOException("session secret line too long");
            }
        }
    }
}
