package jconcur.kernel.engine;

import java.io.Closeable;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The loopback port the user VM's debug agent connects to (JDI drives interrupts through it). JDI's own
 * listening connector would wait for ever on a client that connects and stays silent, and fail the start on
 * one that sends garbage; here such clients are turned away on their own and the first connection that
 * completes the JDWP handshake in time is the agent's. Then the port closes.
 */
final class JdwpListener implements Closeable {

    /** Sent by each side; the agent waits for the debugger's first. */
    static final byte[] HANDSHAKE = "JDWP-Handshake".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final int HANDSHAKE_TIMEOUT_MS = 5000;

    private final LoopbackAcceptor acceptor;
    private final CompletableFuture<Socket> agent = new CompletableFuture<>();

    JdwpListener() throws IOException {
        acceptor = new LoopbackAcceptor("the user VM debug port", this::admit);
    }

    int port() {
        return acceptor.port();
    }

    /** The agent's connection, handshake done, ready for JDWP packets. */
    Socket await(long timeoutMs) throws Exception {
        return agent.get(timeoutMs, TimeUnit.MILLISECONDS);
    }

    private void admit(Socket socket) throws IOException {
        if (agent.isDone()) {
            throw new IOException("the debug agent is already connected");
        }
        socket.setSoTimeout(HANDSHAKE_TIMEOUT_MS);
        socket.getOutputStream().write(HANDSHAKE);
        byte[] answer = new byte[HANDSHAKE.length];
        try {
            new DataInputStream(socket.getInputStream()).readFully(answer);
        } catch (SocketTimeoutException e) {
            throw new IOException("no JDWP handshake within " + HANDSHAKE_TIMEOUT_MS + " ms");
        }
        if (!Arrays.equals(answer, HANDSHAKE)) {
            throw new IOException("not a JDWP handshake");
        }
        socket.setSoTimeout(0);
        socket.setTcpNoDelay(true);
        if (!agent.complete(socket)) {
            throw new IOException("the debug agent is already connected");
        }
        acceptor.close();
    }

    @Override
    public void close() {
        acceptor.close();
        agent.completeExceptionally(new IOException("the debug port was closed"));
    }
}
