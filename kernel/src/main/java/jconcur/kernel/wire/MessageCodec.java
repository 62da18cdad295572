package jconcur.kernel.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Jupyter messages of one kernel session (its session id) to and from signed multipart frames: checks
 * signatures and replays on the way in, signs on the way out, and makes the headers of the messages the kernel
 * sends. Thread-safe.
 */
public final class MessageCodec {

    public static final String PROTOCOL_VERSION = "5.4";
    static final byte[] DELIMITER = "<IDS|MSG>".getBytes(StandardCharsets.US_ASCII);
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private final ObjectMapper json = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS) // Python's json writes NaN and Infinity
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private final ObjectReader treeReader = json.reader();
    private final Signer signer;
    private final ReplayGuard replayGuard = new ReplayGuard(1 << 16);
    private final String sessionId = UUID.randomUUID().toString();
    private final String username = System.getProperty("user.name", "kernel");
    private final AtomicLong messageCounter = new AtomicLong();

    public MessageCodec(Signer signer) {
        this.signer = signer;
    }

    public ObjectMapper json() {
        return json;
    }

    public String sessionId() {
        return sessionId;
    }

    /** A new header for a message the kernel sends. */
    public ObjectNode newHeader(String msgType) {
        ObjectNode header = json.createObjectNode();
        header.put("msg_id", sessionId + "_" + messageCounter.incrementAndGet());
        header.put("username", username);
        header.put("session", sessionId);
        header.put("date", DATE.format(Instant.now()));
        header.put("msg_type", msgType);
        header.put("version", PROTOCOL_VERSION);
        return header;
    }

    /** A new message; parentHeader may be null (no parent). */
    public Message newMessage(List<byte[]> identities, String msgType, ObjectNode parentHeader,
                              ObjectNode metadata, ObjectNode content) {
        return new Message(identities, newHeader(msgType),
                parentHeader == null ? json.createObjectNode() : parentHeader,
                metadata == null ? json.createObjectNode() : metadata, content, List.of());
    }

    /** Frames to send: identities, delimiter, signature, the four JSON parts, buffers. */
    public List<byte[]> encode(Message message) {
        byte[] header = bytes(message.header());
        byte[] parent = bytes(message.parentHeader());
        byte[] metadata = bytes(message.metadata());
        byte[] content = bytes(message.content());
        List<byte[]> frames = new ArrayList<>(message.identities().size() + 6 + message.buffers().size());
        frames.addAll(message.identities());
        frames.add(DELIMITER);
        frames.add(signer.sign(header, parent, metadata, content).getBytes(StandardCharsets.US_ASCII));
        frames.add(header);
        frames.add(parent);
        frames.add(metadata);
        frames.add(content);
        frames.addAll(message.buffers());
        return frames;
    }

    /** Parses and verifies received frames; any defect (framing, signature, replay, JSON) is an exception. */
    public Message decode(List<byte[]> frames) throws MalformedMessageException {
        int delimiter = indexOfDelimiter(frames);
        if (delimiter < 0) {
            throw new MalformedMessageException("no <IDS|MSG> delimiter among " + frames.size() + " frames");
        }
        if (frames.size() < delimiter + 6) {
            throw new MalformedMessageException("expected signature, header, parent_header, metadata and content after"
                    + " the delimiter, got " + (frames.size() - delimiter - 1) + " frames");
        }
        String signature = new String(frames.get(delimiter + 1), StandardCharsets.US_ASCII);
        byte[] header = frames.get(delimiter + 2);
        byte[] parent = frames.get(delimiter + 3);
        byte[] metadata = frames.get(delimiter + 4);
        byte[] content = frames.get(delimiter + 5);
        if (!signer.verify(signature, header, parent, metadata, content)) {
            throw new MalformedMessageException(signature.isEmpty() ? "missing signature" : "bad signature");
        }
        if (signer.enabled() && !replayGuard.firstSeen(signature)) {
            throw new MalformedMessageException("replayed message (duplicate signature)");
        }
        ObjectNode headerNode = object("header", header);
        if (!headerNode.path("msg_type").isTextual() || headerNode.path("msg_type").asText().isEmpty()) {
            throw new MalformedMessageException("header has no msg_type");
        }
        return new Message(frames.subList(0, delimiter), headerNode, object("parent_header", parent),
                object("metadata", metadata), object("content", content),
                frames.subList(delimiter + 6, frames.size()));
    }

    private static int indexOfDelimiter(List<byte[]> frames) {
        for (int i = 0; i < frames.size(); i++) {
            if (Arrays.equals(frames.get(i), DELIMITER)) {
                return i;
            }
        }
        return -1;
    }

    private ObjectNode object(String part, byte[] bytes) throws MalformedMessageException {
        JsonNode node;
        try {
            node = treeReader.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new MalformedMessageException(part + " is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new MalformedMessageException(part + " cannot be read: " + e.getMessage());
        }
        if (node == null || !node.isObject()) {
            throw new MalformedMessageException(part + " is not a JSON object");
        }
        return (ObjectNode) node;
    }

    /** UTF-8 JSON; going through a Java String turns lone surrogates from user output into '?' instead of failing. */
    private byte[] bytes(ObjectNode node) {
        try {
            return json.writeValueAsString(node).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize a JSON tree", e);
        }
    }
}
