package jconcur.kernel.engine;

import java.io.Closeable;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import jconcur.kernel.link.Handshake;

/**
 * The loopback port a user VM connects back to. Every connection must open with the per-session secret and a
 * role byte within a short time; anything else is logged and closed. Accepts one command and one side
 * connection, then stops listening, so nothing else can connect at all.
 */
final class UserVmPort implements Closeable {

    private static final int HELLO_TIMEOUT_MS = 5000;

    private final String secret = HexFormat.of().formatHex(randomBytes(Handshake.SECRET_LENGTH / 2));
    private final LoopbackAcceptor acceptor;
    private final CompletableFuture<Socket> command = new CompletableFuture<>();
    private final CompletableFuture<Socket> side = new CompletableFuture<>();

    UserVmPort() throws IOException {
        acceptor = new LoopbackAcceptor("the user VM port", this::admit);
    }

    String secret() {
        return secret;
    }

    int port() {
        return acceptor.port();
    }

    /** Connections turned away so far (bad secret, bad role, silence, duplicates). */
    int rejected() {
        return acceptor.rejected();
    }

    Socket awaitCommand(long timeoutMs) throws Exception {
        return command.get(timeoutMs, TimeUnit.MILLISECONDS);
    }

    Socket awaitSide(long timeoutMs) throws Exception {
        return side.get(timeoutMs, TimeUnit.MILLISECONDS);
    }

    private void admit(Socket socket) throws IOException {
        socket.setSoTimeout(HELLO_TIMEOUT_MS);
        byte[] hello = new byte[Handshake.SECRET_LENGTH + 1];
        try {
            new DataInputStream(socket.getInputStream()).readFully(hello);
        } catch (SocketTimeoutException e) {
            throw new IOException("no handshake within " + HELLO_TIMEOUT_MS + " ms");
        }
        byte[] offered = java.util.Arrays.copyOf(hello, Handshake.SECRET_LENGTH);
        if (!MessageDigest.isEqual(offered, secret.getBytes(StandardCharsets.US_ASCII))) {
            throw new IOException("wrong session secret");
        }
        socket.setSoTimeout(0);
        socket.setTcpNoDelay(true);
        CompletableFuture<Socket> slot = switch (hello[Handshake.SECRET_LENGTH]) {
            case Handshake.ROLE_COMMAND -> command;
            case Handshake.ROLE_SIDE -> side;
            default -> throw new IOException("unknown role " + hello[Handshake.SECRET_LENGTH]);
        };
        if (!slot.complete(socket)) {
            throw new IOException("role already connected");
        }
        if (command.isDone() && side.isDone()) {
            acceptor.close();
        }
    }

    @Override
    public void close() {
        acceptor.close();
        IOException closed = new IOException("the user VM port was closed");
        command.completeExceptionally(closed);
        side.completeExceptionally(closed);
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
