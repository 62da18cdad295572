package jconcur.kernel.link;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import jconcur.display.MimeBundle;
import jconcur.kernel.link.SideMessage.ClearOutput;
import jconcur.kernel.link.SideMessage.Display;
import jconcur.kernel.link.SideMessage.Exiting;
import jconcur.kernel.link.SideMessage.InputReply;
import jconcur.kernel.link.SideMessage.InputRequest;
import jconcur.kernel.link.SideMessage.ThreadsReply;
import jconcur.kernel.link.SideMessage.ThreadsRequest;
import jconcur.kernel.link.ThreadSnapshot.HeldByIdleCell;
import jconcur.kernel.link.ThreadSnapshot.ThreadState;

/**
 * {@link SideMessage}s as JSON objects with a "type" field, and MIME bundles as JSON (displays and rich cell
 * values). JSON because a bundle's content is JSON for Jupyter anyway; Jackson is on both class paths.
 * Reading checks every field, so a broken message fails with what is wrong rather than later with a
 * ClassCastException.
 */
public final class SideMessageCodec {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SideMessageCodec() {}

    /** The message as UTF-8 JSON. */
    public static byte[] encode(SideMessage message) {
        ObjectNode json = NODES.objectNode();
        switch (message) {
            case Display d -> originFields(json.put("type", "display").<ObjectNode>set("bundle", bundleNode(d.bundle()))
                    .put("displayId", d.displayId()).put("update", d.update()), d.origin());
            case ClearOutput c -> originFields(json.put("type", "clear").put("wait", c.untilNewOutput()), c.origin());
            case InputRequest r -> json.put("type", "input").put("id", r.id()).put("prompt", r.prompt())
                    .put("password", r.password());
            case Exiting e -> json.put("type", "exiting");
            case ThreadsReply r -> json.put("type", "threads-reply").put("id", r.id())
                    .set("snapshot", snapshotNode(r.snapshot()));
            case ThreadsRequest r -> json.put("type", "threads").put("id", r.id());
            case InputReply r -> {
                json.put("type", "input-reply").put("id", r.id());
                r.line().ifPresent(line -> json.put("line", line));
                r.error().ifPresent(error -> json.put("error", error));
            }
        }
        try {
            return JSON.writeValueAsBytes(json);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("cannot encode " + message.getClass().getSimpleName() + ": "
                    + e.getOriginalMessage(), e);
        }
    }

    /** Reads a message the user VM sent. */
    public static SideMessage.ToKernel decodeToKernel(byte[] json) throws MalformedSideMessageException {
        return decode(json, SideMessage.ToKernel.class);
    }

    /** Reads a message the kernel sent. */
    public static SideMessage.ToUserVm decodeToUserVm(byte[] json) throws MalformedSideMessageException {
        return decode(json, SideMessage.ToUserVm.class);
    }

    /** A MIME bundle as JSON: {"data": {...}, "metadata": {...}}. */
    public static String bundleJson(MimeBundle bundle) {
        try {
            return JSON.writeValueAsString(bundleNode(bundle));
        } catch (JacksonException e) {
            throw new IllegalArgumentException("this rendering cannot be sent as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Reads what {@link #bundleJson} wrote. */
    public static MimeBundle bundleFromJson(String json) throws MalformedSideMessageException {
        try {
            return bundle(new Fields("bundle", JSON.readTree(json)));
        } catch (JacksonException e) {
            throw new MalformedSideMessageException("a MIME bundle is not JSON: " + e.getOriginalMessage(),
                    OptionalLong.empty(), e);
        }
    }

    private static <T extends SideMessage> T decode(byte[] bytes, Class<T> direction) throws MalformedSideMessageException {
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (IOException e) {
            String problem = e instanceof JacksonException j ? j.getOriginalMessage() : e.getMessage();
            throw new MalformedSideMessageException("a side-channel message is not JSON: " + problem,
                    OptionalLong.empty(), e);
        }
        Fields m = new Fields("side-channel message", root);
        String type = m.text("type");
        Fields message = new Fields("side-channel message '" + type + "'", root);
        SideMessage decoded = switch (type) {
            case "display" -> new Display(bundle(message.object("bundle")), message.text("displayId"),
                    message.bool("update"), origin(message));
            case "clear" -> new ClearOutput(message.bool("wait"), origin(message));
            case "input" -> new InputRequest(message.id(), message.text("prompt"), message.bool("password"));
            case "exiting" -> new Exiting();
            case "threads-reply" -> new ThreadsReply(message.id(), snapshot(message.object("snapshot")));
            case "threads" -> new ThreadsRequest(message.id());
            case "input-reply" -> new InputReply(message.id(), message.optionalText("line"), message.optionalText("error"));
            default -> throw message.malformed("unknown type");
        };
        if (!direction.isInstance(decoded)) {
            throw message.malformed("sent the wrong way (it is not a " + direction.getSimpleName() + ")");
        }
        return direction.cast(decoded);
    }

    private static ObjectNode originFields(ObjectNode json, OutputOrigin origin) {
        return json.put("cell", origin.cell()).put("thread", origin.thread());
    }

    private static OutputOrigin origin(Fields message) throws MalformedSideMessageException {
        return new OutputOrigin((int) message.number("cell"), message.text("thread"));
    }

    // --- bundles ---

    private static ObjectNode bundleNode(MimeBundle bundle) {
        ObjectNode node = NODES.objectNode();
        node.set("data", JSON.valueToTree(bundle.data()));
        node.set("metadata", JSON.valueToTree(bundle.metadata()));
        return node;
    }

    private static MimeBundle bundle(Fields bundle) throws MalformedSideMessageException {
        Map<String, Object> data = bundle.map("data");
        Map<String, Object> metadata = bundle.node().hasNonNull("metadata") ? bundle.map("metadata") : Map.of();
        return new MimeBundle(data, metadata);
    }

    // --- thread snapshots ---

    private static ObjectNode snapshotNode(ThreadSnapshot snapshot) {
        ObjectNode node = NODES.objectNode();
        node.set("deadlocked", threadsNode(snapshot.deadlocked()));
        snapshot.cell().ifPresent(cell -> node.set("cell", threadNode(cell)));
        snapshot.heldByIdleCell().ifPresent(held -> node.putObject("heldByIdleCell")
                .<ObjectNode>set("cellThread", threadNode(held.cellThread()))
                .set("waiting", threadsNode(held.waiting())));
        return node;
    }

    private static ArrayNode threadsNode(List<ThreadState> threads) {
        ArrayNode array = NODES.arrayNode();
        threads.forEach(t -> array.add(threadNode(t)));
        return array;
    }

    private static ObjectNode threadNode(ThreadState thread) {
        ObjectNode node = NODES.objectNode().put("name", thread.name()).put("id", thread.id()).put("state", thread.state());
        thread.waitsFor().ifPresent(lock -> node.put("waitsFor", lock));
        thread.owner().ifPresent(owner -> node.put("owner", owner));
        ArrayNode holds = node.putArray("holds");
        thread.holds().forEach(holds::add);
        ArrayNode frames = node.putArray("frames");
        for (StackTraceElement frame : thread.frames()) {
            ObjectNode f = frames.addObject().put("class", frame.getClassName()).put("method", frame.getMethodName())
                    .put("line", frame.getLineNumber());
            if (frame.getFileName() != null) {
                f.put("file", frame.getFileName());
            }
        }
        return node;
    }

    private static ThreadSnapshot snapshot(Fields snapshot) throws MalformedSideMessageException {
        Optional<ThreadState> cell = snapshot.node().has("cell") ? Optional.of(thread(snapshot.object("cell"))) : Optional.empty();
        Optional<HeldByIdleCell> held = Optional.empty();
        if (snapshot.node().has("heldByIdleCell")) {
            Fields h = snapshot.object("heldByIdleCell");
            held = Optional.of(new HeldByIdleCell(thread(h.object("cellThread")), threads(h, "waiting")));
        }
        return new ThreadSnapshot(threads(snapshot, "deadlocked"), cell, held);
    }

    private static List<ThreadState> threads(Fields parent, String field) throws MalformedSideMessageException {
        List<ThreadState> threads = new ArrayList<>();
        for (Fields t : parent.objects(field)) {
            threads.add(thread(t));
        }
        return threads;
    }

    private static ThreadState thread(Fields t) throws MalformedSideMessageException {
        String name = t.text("name");
        long id = t.number("id");
        String state = t.text("state");
        List<StackTraceElement> frames = new ArrayList<>();
        for (Fields f : t.objects("frames")) {
            frames.add(new StackTraceElement(f.text("class"), f.text("method"), f.optionalText("file").orElse(null),
                    (int) f.number("line")));
        }
        return new ThreadState(name, id, state, t.optionalText("waitsFor"),
                t.optionalText("owner"), t.texts("holds"), frames);
    }

    /** The fields of one JSON object, read with checks; what names the object in errors. */
    private record Fields(String what, JsonNode node) {

        long id() throws MalformedSideMessageException {
            return number("id");
        }

        JsonNode field(String name) throws MalformedSideMessageException {
            if (!node.isObject()) {
                throw malformed("is not a JSON object");
            }
            JsonNode value = node.get(name);
            if (value == null || value.isNull()) {
                throw malformed("has no field '" + name + "'");
            }
            return value;
        }

        String text(String name) throws MalformedSideMessageException {
            JsonNode value = field(name);
            if (!value.isTextual()) {
                throw malformed("field '" + name + "' is not a string");
            }
            return value.textValue();
        }

        Optional<String> optionalText(String name) throws MalformedSideMessageException {
            return node.hasNonNull(name) ? Optional.of(text(name)) : Optional.empty();
        }

        boolean bool(String name) throws MalformedSideMessageException {
            JsonNode value = field(name);
            if (!value.isBoolean()) {
                throw malformed("field '" + name + "' is not true or false");
            }
            return value.booleanValue();
        }

        long number(String name) throws MalformedSideMessageException {
            JsonNode value = field(name);
            if (!value.canConvertToLong() || !value.isIntegralNumber()) {
                throw malformed("field '" + name + "' is not a whole number");
            }
            return value.longValue();
        }

        Fields object(String name) throws MalformedSideMessageException {
            JsonNode value = field(name);
            if (!value.isObject()) {
                throw malformed("field '" + name + "' is not an object");
            }
            return new Fields(what + " field '" + name + "'", value);
        }

        Map<String, Object> map(String name) throws MalformedSideMessageException {
            Fields object = object(name);
            Map<String, Object> map = new LinkedHashMap<>();
            object.node().properties().forEach(e -> map.put(e.getKey(), JSON.convertValue(e.getValue(), Object.class)));
            return map;
        }

        private JsonNode array(String name) throws MalformedSideMessageException {
            JsonNode value = field(name);
            if (!value.isArray()) {
                throw malformed("field '" + name + "' is not an array");
            }
            return value;
        }

        List<Fields> objects(String name) throws MalformedSideMessageException {
            JsonNode value = array(name);
            List<Fields> objects = new ArrayList<>();
            for (int i = 0; i < value.size(); i++) {
                Fields element = new Fields(what + " " + name + "[" + i + "]", value.get(i));
                if (!element.node().isObject()) {
                    throw element.malformed("is not an object");
                }
                objects.add(element);
            }
            return objects;
        }

        List<String> texts(String name) throws MalformedSideMessageException {
            JsonNode value = array(name);
            List<String> texts = new ArrayList<>();
            for (JsonNode element : value) {
                if (!element.isTextual()) {
                    throw malformed("field '" + name + "' holds something other than strings");
                }
                texts.add(element.textValue());
            }
            return texts;
        }

        MalformedSideMessageException malformed(String problem) {
            JsonNode id = node.isObject() ? node.get("id") : null;
            OptionalLong requestId = id != null && id.isIntegralNumber() ? OptionalLong.of(id.longValue()) : OptionalLong.empty();
            return new MalformedSideMessageException(what + " " + problem + ": " + abbreviated(node), requestId, null);
        }

        private static String abbreviated(JsonNode node) {
            String text = node.toString();
            return text.length() <= 200 ? text : text.substring(0, 200) + "...";
        }
    }
}
