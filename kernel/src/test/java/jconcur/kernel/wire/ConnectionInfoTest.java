package jconcur.kernel.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectionInfoTest {

    @TempDir
    Path dir;

    private Path file(String json) throws IOException {
        return Files.writeString(dir.resolve("kernel.json"), json);
    }

    private static final String VALID = """
            {"shell_port": 50001, "iopub_port": 50002, "stdin_port": 50003, "control_port": 50004,
             "hb_port": 50005, "ip": "127.0.0.1", "key": "a0436f6c-1916-498b", "transport": "tcp",
             "signature_scheme": "hmac-sha256", "kernel_name": "jconcur"}""";

    @Test
    void readsAJupyterClientConnectionFile() throws IOException {
        ConnectionInfo info = ConnectionInfo.read(file(VALID));
        assertEquals("127.0.0.1", info.ip());
        assertEquals(50001, info.shellPort());
        assertEquals(50002, info.iopubPort());
        assertEquals(50003, info.stdinPort());
        assertEquals(50004, info.controlPort());
        assertEquals(50005, info.hbPort());
        assertEquals("a0436f6c-1916-498b", info.key());
        assertEquals("tcp://127.0.0.1:50001", info.endpoint(info.shellPort()));
        assertTrue(info.signer().enabled());
        assertFalse(info.ipv6());
    }

    @Test
    void emptyKeyMeansNoSigningAndDefaultsApply() throws IOException {
        ConnectionInfo info = ConnectionInfo.read(file("""
                {"shell_port": 1, "iopub_port": 2, "stdin_port": 3, "control_port": 4, "hb_port": 5, "key": ""}"""));
        assertFalse(info.signer().enabled());
        assertEquals("127.0.0.1", info.ip());
        assertEquals("hmac-sha256", info.signatureScheme());
    }

    @Test
    void ipv6AndWildcardAddressesGiveValidEndpoints() {
        ConnectionInfo v6 = new ConnectionInfo("::1", 1, 2, 3, 4, 5, "k", "hmac-sha256");
        assertEquals("tcp://[::1]:1", v6.endpoint(1));
        assertTrue(v6.ipv6());
        assertEquals("tcp://0.0.0.0:2", new ConnectionInfo("0.0.0.0", 1, 2, 3, 4, 5, "k", null).endpoint(2));
    }

    @Test
    void badFilesAreReportedClearly() throws IOException {
        assertMessage(dir.resolve("missing.json"), "does not exist");
        assertMessage(file("not json"), "cannot read");
        assertMessage(file("[1]"), "JSON object");
        assertMessage(file(VALID.replace("\"tcp\"", "\"ipc\"")), "transport 'ipc' is not supported");
        assertMessage(file(VALID.replace("\"shell_port\": 50001,", "")), "shell_port is missing");
        assertMessage(file(VALID.replace("50003", "\"50003\"")), "stdin_port is missing or not an integer");
        assertMessage(file(VALID.replace("50004", "70000")), "control_port must be a port");
        assertMessage(file(VALID.replace("hmac-sha256", "hmac-md5")), "signature_scheme 'hmac-md5' is not supported");
        assertMessage(file(VALID.replace("\"key\": \"a0436f6c-1916-498b\"", "\"key\": 42")), "key must be a string");
    }

    private static void assertMessage(Path file, String expected) {
        var e = assertThrows(ConnectionInfo.ConnectionFileException.class, () -> ConnectionInfo.read(file));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
