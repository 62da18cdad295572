package jconcur.kernel.protocol;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** history_request: tail, range and search over the history store, with or without outputs. */
public final class HistoryHandler implements Dispatcher.Handler {

    /** IPython's default for tail without n. */
    private static final int DEFAULT_TAIL = 10;

    private final HistoryStore history;
    private final ObjectMapper json;

    public HistoryHandler(HistoryStore history, ObjectMapper json) {
        this.history = history;
        this.json = json;
    }

    @Override
    public void handle(Request request) {
        ObjectNode content = request.content();
        String access = content.path("hist_access_type").asText("");
        List<HistoryEntry> entries = switch (access) {
            case "tail" -> history.tail(content.path("n").asInt(DEFAULT_TAIL));
            case "range" -> history.range(content.path("session").asInt(0), content.path("start").asInt(0),
                    content.path("stop").asInt(0));
            case "search" -> history.search(content.path("pattern").asText("*"), content.path("n").asInt(0),
                    content.path("unique").asBoolean(false));
            default -> null;
        };
        if (entries == null) {
            request.replyError("ValueError", "hist_access_type must be tail, range or search, got '" + access + "'");
            return;
        }
        boolean withOutput = content.path("output").asBoolean(false);
        ObjectNode reply = json.createObjectNode();
        reply.put("status", "ok");
        ArrayNode list = reply.putArray("history");
        for (HistoryEntry entry : entries) {
            ArrayNode item = list.addArray().add(entry.session()).add(entry.line());
            if (withOutput) {
                item.addArray().add(entry.input()).add(entry.output());
            } else {
                item.add(entry.input());
            }
        }
        request.reply(reply);
    }
}
