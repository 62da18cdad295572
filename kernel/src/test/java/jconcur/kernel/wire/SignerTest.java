package jconcur.kernel.wire;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SignerTest {

    @Test
    void matchesTheRfc4231TestVectorOverSplitParts() {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?"
        Signer signer = new Signer("hmac-sha256", "Jefe");
        String expected = "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";
        assertEquals(expected, signer.sign("what do ya want for nothing?".getBytes(UTF_8)));
        assertEquals(expected, signer.sign("what do ".getBytes(UTF_8), "ya want".getBytes(UTF_8),
                " for nothing?".getBytes(UTF_8)), "parts are signed as their concatenation");
    }

    @Test
    void agreesWithJupyterClientOnAMessage() {
        // Session(key=b'c0ffee-key').sign([header, b'{}', b'{}', b'{}']) computed with jupyter_client 7.4.9
        byte[] header = ("{\"msg_id\":\"m1\",\"username\":\"u\",\"session\":\"s\",\"date\":\"2024-01-01T00:00:00.000000Z\","
                + "\"msg_type\":\"kernel_info_request\",\"version\":\"5.4\"}").getBytes(UTF_8);
        byte[] empty = "{}".getBytes(UTF_8);
        Signer signer = new Signer("hmac-sha256", "c0ffee-key");
        String signature = "30a18a73f8c556d81a32c371bfb072f52d5a50dc77e941c109e30f4675b66d87";
        assertEquals(signature, signer.sign(header, empty, empty, empty));
        assertTrue(signer.verify(signature, header, empty, empty, empty));
        assertTrue(signer.verify(signature.toUpperCase(), header, empty, empty, empty));
    }

    @Test
    void rejectsTamperedPartsAndWrongSignatures() {
        Signer signer = new Signer("hmac-sha256", "k");
        byte[] a = "{\"a\":1}".getBytes(UTF_8);
        String signature = signer.sign(a);
        assertFalse(signer.verify(signature, "{\"a\":2}".getBytes(UTF_8)));
        assertFalse(signer.verify("", a));
        assertFalse(signer.verify(signature.substring(1), a));
        assertFalse(new Signer("hmac-sha256", "other").verify(signature, a));
    }

    @Test
    void emptyKeyMeansUnsigned() {
        Signer signer = new Signer("hmac-sha256", "");
        assertFalse(signer.enabled());
        assertEquals("", signer.sign("x".getBytes(UTF_8)));
        assertTrue(signer.verify("anything", "x".getBytes(UTF_8)));
    }

    @Test
    void unsupportedSchemesAreRefused() {
        var e = assertThrows(ConnectionInfo.ConnectionFileException.class, () -> new Signer("hmac-md5", "k"));
        assertTrue(e.getMessage().contains("hmac-sha256"));
        assertEquals(128, new Signer("hmac-sha512", "k").sign("x".getBytes(UTF_8)).length());
    }
}
