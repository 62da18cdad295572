package jconcur.kernel.protocol;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import jconcur.kernel.engine.Completion;
import jconcur.kernel.engine.Engine;
import jconcur.kernel.engine.Inspection;
import jconcur.kernel.engine.IsComplete;

/** complete, inspect and is_complete: the engine answers; this translates to and from the protocol. */
public final class EngineQueries {

    private final Engine engine;
    private final ObjectMapper json;

    public EngineQueries(Engine engine, ObjectMapper json) {
        this.engine = engine;
        this.json = json;
    }

    public void complete(Request request) {
        String code = request.content().path("code").asText("");
        int cursor = cursor(request, code);
        Completion completion = engine.complete(code, cursor);
        ObjectNode reply = json.createObjectNode();
        reply.put("status", "ok");
        reply.set("matches", json.valueToTree(completion.matches()));
        reply.put("cursor_start", codePoints(code, completion.cursorStart()));
        reply.put("cursor_end", codePoints(code, completion.cursorEnd()));
        reply.putObject("metadata");
        request.reply(reply);
    }

    public void inspect(Request request) {
        String code = request.content().path("code").asText("");
        int detail = request.content().path("detail_level").asInt(0) > 0 ? 1 : 0;
        Inspection inspection = engine.inspect(code, cursor(request, code), detail);
        ObjectNode reply = json.createObjectNode();
        reply.put("status", "ok");
        reply.put("found", inspection.documentation().isPresent());
        if (inspection.documentation().isPresent()) {
            reply.setAll(KernelOutput.bundleContent(json, inspection.documentation().get()));
        } else {
            reply.putObject("data");
            reply.putObject("metadata");
        }
        request.reply(reply);
    }

    public void isComplete(Request request) {
        String code = request.content().path("code").asText("");
        // Help syntax (name?, ?name) is not Java, but a complete request for the pager: run it, as IPython does.
        IsComplete answer = PagerRequest.parse(code).isPresent()
                ? new IsComplete(IsComplete.Status.COMPLETE, "") : engine.isComplete(code);
        ObjectNode reply = json.createObjectNode();
        reply.put("status", answer.status().name().toLowerCase(Locale.ROOT));
        if (answer.status() == IsComplete.Status.INCOMPLETE) {
            reply.put("indent", answer.indent() == null ? "" : answer.indent());
        }
        request.reply(reply);
    }

    /** A UTF-16 index of the engine as the protocol's code point offset. */
    private static int codePoints(String code, int index) {
        return code.codePointCount(0, Math.max(0, Math.min(index, code.length())));
    }

    /**
     * cursor_pos counts Unicode code points (protocol 5.2+); Java strings index UTF-16 units.
     * Missing or out of range means the end of the code.
     */
    private static int cursor(Request request, String code) {
        int codePoints = code.codePointCount(0, code.length());
        int pos = request.content().path("cursor_pos").asInt(codePoints);
        if (pos < 0 || pos > codePoints) {
            pos = codePoints;
        }
        return code.offsetByCodePoints(0, pos);
    }
}
