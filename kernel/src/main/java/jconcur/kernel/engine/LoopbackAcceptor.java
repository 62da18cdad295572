package jconcur.kernel.engine;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;
import jconcur.kernel.log.Log;

/**
 * A loopback port that the user VM connects back to. Each connection gets its handshake on its own virtual
 * thread, so that a silent or garbage-sending client never holds up the real user VM; a failed handshake is
 * logged and the connection closed. Listens until closed.
 */
final class LoopbackAcceptor implements Closeable {

    /** Admits one connection or throws, saying why it was turned away. */
    @FunctionalInterface
    interface Handshake {
        void admit(Socket socket) throws IOException;
    }

    private final String what;
    private final Handshake handshake;
    private final ServerSocket server;
    private final AtomicInteger rejected = new AtomicInteger();

    /** @param what names the port in the log, e.g. "the user VM port" */
    LoopbackAcceptor(String what, Handshake handshake) throws IOException {
        this.what = what;
        this.handshake = handshake;
        this.server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "jconcur-acceptor");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** Connections turned away so far. */
    int rejected() {
        return rejected.get();
    }

    private void acceptLoop() {
        try {
            while (!server.isClosed()) {
                Socket socket = server.accept();
                Thread.ofVirtual().name("jconcur-handshake").start(() -> {
                    try {
                        handshake.admit(socket);
                    } catch (IOException | RuntimeException e) {
                        reject(socket, e.getMessage());
                    }
                });
            }
        } catch (IOException e) {
            // closed
        } finally {
            close();
        }
    }

    private void reject(Socket socket, String why) {
        rejected.incrementAndGet();
        Log.warn("rejected a connection to %s from %s: %s", what, socket.getRemoteSocketAddress(), why);
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a rejected socket
        }
    }

    /** Stops listening; connections already admitted stay open. */
    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
