package jconcur.kernel.link;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * How the user VM connects to the kernel: the secret arrives on its standard input, and each connection opens
 * with that secret and a role byte (JShell's command stream or the side channel).
 */
public final class Handshake {

    /** Hex characters of the per-session secret each connection to the kernel starts with. */
    public static final int SECRET_LENGTH = 64;
    /** Role byte after the secret: JShell's command stream (commands and their results only). */
    public static final byte ROLE_COMMAND = 'C';
    /** Role byte after the secret: the side channel (output, displays, input requests, thread reports). */
    public static final byte ROLE_SIDE = 'S';

    /**
     * The user VM's main writes this first, on its process stdout: what the JVM printed before it ("Picked up
     * JAVA_TOOL_OPTIONS", start-up warnings) stays out of the notebook, where nbgrader would fail a cell on it.
     */
    public static final String MAIN_STARTED = "\u0001jconcur user VM main\n";

    private Handshake() {}

    /** Connects to the kernel on loopback and introduces itself with the secret and a role. */
    public static Socket connect(int port, String secret, byte role) throws IOException {
        byte[] secretBytes = secret.getBytes(StandardCharsets.US_ASCII);
        if (secretBytes.length != SECRET_LENGTH) {
            throw new IOException("secret must be " + SECRET_LENGTH + " characters");
        }
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setTcpNoDelay(true);
        byte[] hello = new byte[SECRET_LENGTH + 1];
        System.arraycopy(secretBytes, 0, hello, 0, SECRET_LENGTH);
        hello[SECRET_LENGTH] = role;
        socket.getOutputStream().write(hello);
        socket.getOutputStream().flush();
        return socket;
    }

    /** Reads the secret line the kernel writes to the user VM's standard input, byte by byte (no read-ahead). */
    public static String readSecretLine(InputStream in) throws IOException {
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
