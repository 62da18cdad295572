package jconcur.kernel.uservm;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * What the kernel and the user VM agree on: the connection handshake, the names of the multiplexed channels,
 * the frame formats and the agent commands. Both sides use this class, so a change cannot go out of step.
 */
public final class Wire {

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

    /** Side-channel frames are [kind:1][length:4][payload]: stdout or stderr UTF-8 bytes, or a JSON message. */
    public static final byte FRAME_STDOUT = 1;
    public static final byte FRAME_STDERR = 2;
    public static final byte FRAME_MESSAGE = 3;

    /** Suffix of the invoke method name asking the agent to keep the value for a later {@link #CMD_RENDER}. */
    public static final String KEEP_VALUE_SUFFIX = "#keep";
    /**
     * Class name of the invokes that are commands to the agent rather than cells. Commands travel as invokes
     * because JShell's own extension commands do not reach the agent on JDK 21 (its StreamingExecutionControl
     * answers them itself with NotImplementedException; JDK 25's forwards them).
     */
    public static final String COMMAND_CLASS = "jconcur.command";
    /**
     * Agent command: render the kept value; a tagged result whose text is the bundle JSON (its first piece, with
     * FLAG_MORE when {@link #CMD_RENDER_MORE} gives more), or FLAG_NULL.
     */
    public static final String CMD_RENDER = "render";
    /** Agent command: the next piece of the rendering, with FLAG_MORE while pieces remain. */
    public static final String CMD_RENDER_MORE = "render-more";
    /**
     * Longest text an invoke result carries: JShell cuts out the middle of invoke results over 21,844 characters
     * (ExecutionControlForwarder's writeUTF limit), which would splice a chart's JSON into garbage.
     */
    public static final int MAX_RESULT_PIECE = 20_000;
    /** Agent command: send pending output; a tagged empty result (its frame count is what matters). */
    public static final String CMD_SYNC = "sync";
    /** Flag of a tagged result: the value may have a rich rendering (ask with CMD_RENDER). */
    public static final char FLAG_RICH = 'R';
    /** Flag of a tagged result: the value is the id display(...) just returned, which the cell does not show. */
    public static final char FLAG_DISPLAY_ID = 'D';
    /** Flag of a tagged exception message or rendering: there was none (null). */
    public static final char FLAG_NULL = 'N';
    /** Flag of a tagged rendering piece: more pieces follow (ask with CMD_RENDER_MORE). */
    public static final char FLAG_MORE = 'M';

    /**
     * Largest display or rich result sent to the notebook: a front end cannot show more, and the kernel (and
     * Jupyter) would hold it in memory several times.
     */
    public static final int MAX_BUNDLE = 32 << 20;

    /** Largest side-channel frame accepted, so a corrupt length cannot exhaust memory. */
    public static final int MAX_FRAME = 256 * 1024 * 1024;

    private static final char TAG = '\u0001';

    /**
     * A result or exception message of user code, tagged with the number of side-channel frames the user VM had
     * sent when the code ended, so that the kernel delivers that output before the result.
     */
    public record Tagged(long framesSent, String flags, String text) {
        public boolean has(char flag) {
            return flags.indexOf(flag) >= 0;
        }
    }

    public static String tag(long framesSent, String flags, String text) {
        return TAG + Long.toString(framesSent) + flags + TAG + text;
    }

    /** Reads a tagged text; an untagged one comes back with framesSent -1. */
    public static Tagged untag(String text) {
        if (text == null || text.isEmpty() || text.charAt(0) != TAG) {
            return new Tagged(-1, "", text);
        }
        int end = text.indexOf(TAG, 1);
        if (end < 0) {
            return new Tagged(-1, "", text);
        }
        int digits = 1;
        while (digits < end && Character.isDigit(text.charAt(digits))) {
            digits++;
        }
        long frames = digits > 1 ? Long.parseLong(text.substring(1, digits)) : -1;
        return new Tagged(frames, text.substring(digits, end), text.substring(end + 1));
    }

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

    /** Encodes one side-channel frame. */
    public static byte[] frame(byte kind, byte[] payload, int offset, int length) {
        byte[] frame = new byte[5 + length];
        frame[0] = kind;
        frame[1] = (byte) (length >>> 24);
        frame[2] = (byte) (length >>> 16);
        frame[3] = (byte) (length >>> 8);
        frame[4] = (byte) length;
        System.arraycopy(payload, offset, frame, 5, length);
        return frame;
    }

    /** One side-channel frame as read. */
    public record Frame(byte kind, byte[] payload) {}

    /** Reads one side-channel frame; throws EOFException at the end of the stream. */
    public static Frame readFrame(DataInputStream in) throws IOException {
        byte kind = in.readByte();
        int length = in.readInt();
        if (length < 0 || length > MAX_FRAME) {
            throw new IOException("bad side-channel frame length " + length);
        }
        byte[] payload = new byte[length];
        in.readFully(payload);
        return new Frame(kind, payload);
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
