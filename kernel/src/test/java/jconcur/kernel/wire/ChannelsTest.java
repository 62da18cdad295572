package jconcur.kernel.wire;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class ChannelsTest {

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void aPortInUseFailsWithTheEndpointNamedAndReleasesTheOthers() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int shell = freePort();
            ConnectionInfo info = new ConnectionInfo("127.0.0.1", shell, freePort(), taken.getLocalPort(), freePort(),
                    freePort(), "k", "hmac-sha256");
            MessageCodec codec = new MessageCodec(info.signer());
            var e = assertThrows(Channels.BindException.class, () -> Channels.bind(info, codec));
            assertTrue(e.getMessage().contains("tcp://127.0.0.1:" + taken.getLocalPort()), e.getMessage());
            // the shell port bound before the failure was released: binding again works
            ConnectionInfo retry = new ConnectionInfo("127.0.0.1", shell, freePort(), freePort(), freePort(),
                    freePort(), "k", "hmac-sha256");
            Channels channels = Channels.bind(retry, codec);
            channels.shell().close();
            channels.control().close();
            channels.heartbeat().close();
            channels.close();
        }
    }
}
