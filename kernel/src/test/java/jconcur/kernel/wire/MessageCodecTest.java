package jconcur.kernel.wire;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Message framing and verification: what goes on the wire and what is refused. */
class MessageCodecTest {

    private final MessageCodec kernel = new MessageCodec(new Signer("hmac-sha256", "key"));
    private final MessageCodec client = new MessageCodec(new Signer("hmac-sha256", "key"));

    private List<byte[]> framesFromClient(String msgType, List<byte[]> identities) {
        ObjectNode content = client.json().createObjectNode().put("code", "1 + 1");
        return new ArrayList<>(client.encode(client.newMessage(identities, msgType, null, null, content)));
    }

    @Test
    void encodesIdentitiesDelimiterSignatureFourPartsAndBuffers() throws Exception {
        ObjectNode content = kernel.json().createObjectNode().put("status", "ok");
        Message message = new Message(List.of("peer".getBytes(US_ASCII)), kernel.newHeader("kernel_info_reply"),
                kernel.json().createObjectNode(), kernel.json().createObjectNode(), content,
                List.of(new byte[] {1, 2, 3}));
        List<byte[]> frames = kernel.encode(message);
        assertEquals(8, frames.size());
        assertArrayEquals("peer".getBytes(US_ASCII), frames.get(0));
        assertArrayEquals("<IDS|MSG>".getBytes(US_ASCII), frames.get(1));
        assertEquals(new Signer("hmac-sha256", "key").sign(frames.get(3), frames.get(4), frames.get(5), frames.get(6)),
                new String(frames.get(2), US_ASCII));
        assertEquals("{\"status\":\"ok\"}", new String(frames.get(6), UTF_8));
        assertArrayEquals(new byte[] {1, 2, 3}, frames.get(7));

        Message decoded = client.decode(frames);
        assertEquals("kernel_info_reply", decoded.type());
        assertEquals(1, decoded.identities().size());
        assertEquals(1, decoded.buffers().size());
        assertEquals("5.4", decoded.header().path("version").asText());
        assertEquals(kernel.sessionId(), decoded.header().path("session").asText());
    }

    @Test
    void headersHaveEveryRequiredFieldAndUniqueIds() {
        ObjectNode a = kernel.newHeader("status");
        ObjectNode b = kernel.newHeader("status");
        for (String field : List.of("msg_id", "username", "session", "date", "msg_type", "version")) {
            assertTrue(a.path(field).isTextual(), field);
        }
        assertTrue(a.path("date").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z"));
        assertTrue(!a.path("msg_id").asText().equals(b.path("msg_id").asText()));
    }

    @Test
    void decodesAClientMessageWithSeveralIdentities() throws Exception {
        List<byte[]> frames = framesFromClient("execute_request", List.of("a".getBytes(US_ASCII), "b".getBytes(US_ASCII)));
        Message message = kernel.decode(frames);
        assertEquals("execute_request", message.type());
        assertEquals(2, message.identities().size());
        assertEquals("1 + 1", message.content().path("code").asText());
    }

    @Test
    void tamperedContentIsRejected() {
        List<byte[]> frames = framesFromClient("execute_request", List.of());
        frames.set(5, "{\"code\":\"System.exit(0)\"}".getBytes(UTF_8));
        var e = assertThrows(MalformedMessageException.class, () -> kernel.decode(frames));
        assertEquals("bad signature", e.getMessage());
    }

    @Test
    void missingSignatureIsRejected() {
        List<byte[]> frames = framesFromClient("execute_request", List.of());
        frames.set(1, new byte[0]);
        var e = assertThrows(MalformedMessageException.class, () -> kernel.decode(frames));
        assertEquals("missing signature", e.getMessage());
    }

    @Test
    void aReplayedMessageIsRejected() throws Exception {
        List<byte[]> frames = framesFromClient("execute_request", List.of());
        kernel.decode(frames);
        var e = assertThrows(MalformedMessageException.class, () -> kernel.decode(frames));
        assertTrue(e.getMessage().contains("replayed"));
    }

    @Test
    void malformedFramesAreRejectedWithAReason() {
        assertThrows(MalformedMessageException.class, () -> kernel.decode(List.of()));
        assertThrows(MalformedMessageException.class, () -> kernel.decode(List.of("x".getBytes(UTF_8))));
        List<byte[]> truncated = framesFromClient("execute_request", List.of()).subList(0, 4);
        var e = assertThrows(MalformedMessageException.class, () -> kernel.decode(truncated));
        assertTrue(e.getMessage().contains("got 3 frames"), e.getMessage());
    }

    @Test
    void signedButInvalidJsonIsRejected() {
        Signer signer = new Signer("hmac-sha256", "key");
        byte[] empty = "{}".getBytes(UTF_8);
        for (String header : List.of("{oops", "[1,2]", "{\"msg_type\":\"x\"} trailing", "{\"msg_id\":\"1\"}", "")) {
            byte[] bytes = header.getBytes(UTF_8);
            List<byte[]> frames = List.of("<IDS|MSG>".getBytes(US_ASCII),
                    signer.sign(bytes, empty, empty, empty).getBytes(US_ASCII), bytes, empty, empty, empty);
            assertThrows(MalformedMessageException.class, () -> kernel.decode(frames), header);
        }
    }

    @Test
    void loneSurrogatesInOutputDoNotBreakEncoding() throws Exception {
        ObjectNode content = kernel.json().createObjectNode().put("text", "bad \uD800 char");
        List<byte[]> frames = kernel.encode(kernel.newMessage(List.of(), "stream", null, null, content));
        assertEquals("bad ? char", client.decode(frames).content().path("text").asText());
    }

    @Test
    void anUnsignedSessionAcceptsUnsignedMessages() throws Exception {
        MessageCodec open = new MessageCodec(new Signer("hmac-sha256", ""));
        List<byte[]> frames = open.encode(open.newMessage(List.of(), "kernel_info_request", null, null,
                open.json().createObjectNode()));
        assertEquals(0, frames.get(1).length);
        assertEquals("kernel_info_request", new MessageCodec(new Signer("hmac-sha256", "")).decode(frames).type());
    }
}
