package jconcur.kernel.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeoutException;
import jconcur.kernel.link.Handshake;
import org.junit.jupiter.api.Test;

/** The user VM port accepts only connections that open with the session secret. */
class UserVmPortTest {

    @Test
    void aWrongSecretIsRejectedAndTheRightOneAccepted() throws Exception {
        try (UserVmPort port = new UserVmPort()) {
            String forged = "0".repeat(Handshake.SECRET_LENGTH);
            try (Socket intruder = Handshake.connect(port.port(), forged, Handshake.ROLE_SIDE)) {
                assertClosedByPeer(intruder.getInputStream());
            }
            assertEquals(1, port.rejected());
            assertThrows(TimeoutException.class, () -> port.awaitSide(200), "nothing was admitted");

            try (Socket garbage = new Socket(InetAddress.getLoopbackAddress(), port.port())) {
                garbage.getOutputStream().write("GET / HTTP/1.0\r\n\r\n".repeat(5).getBytes(StandardCharsets.US_ASCII));
                assertClosedByPeer(garbage.getInputStream());
            }
            assertEquals(2, port.rejected());

            try (Socket real = Handshake.connect(port.port(), port.secret(), Handshake.ROLE_SIDE)) {
                assertTrue(port.awaitSide(5000).isConnected());
            }
        }
    }

    private static void assertClosedByPeer(InputStream in) throws IOException {
        try {
            assertEquals(-1, in.read());
        } catch (java.net.SocketException reset) {
            // closed with unread data: a reset is a rejection too
        }
    }
}
