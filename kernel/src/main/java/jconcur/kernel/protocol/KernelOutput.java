package jconcur.kernel.protocol;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jconcur.display.MimeBundle;
import jconcur.kernel.engine.EngineOutput;
import jconcur.kernel.log.Log;
import jconcur.kernel.wire.Message;

/**
 * Where the engine's output goes: iopub messages whose parent is the running execute request, and between
 * requests the latest non-silent one, so that output of threads that outlive their cell lands in the cell the
 * user ran last (a silent request, e.g. from a variable inspector, has no cell to show it). Safe to call from
 * any thread.
 */
public final class KernelOutput implements EngineOutput {

    /** The execute request that output belongs to; request is null before the first cell. */
    private record Target(Message request, boolean allowStdin) {}

    private final Iopub iopub;
    private final StdinChannel stdin;
    private final ObjectMapper json;
    private volatile Target target = new Target(null, false);
    private volatile Target lastVisible = target;

    public KernelOutput(Iopub iopub, StdinChannel stdin, ObjectMapper json) {
        this.iopub = iopub;
        this.stdin = stdin;
        this.json = json;
    }

    /** From now on output belongs to this execute request. */
    public void beginExecute(Message request, boolean allowStdin, boolean silent) {
        target = new Target(request, allowStdin);
        if (!silent) {
            lastVisible = target;
        }
    }

    /** The request has been answered: later output goes to the latest non-silent request. */
    public void endExecute() {
        target = lastVisible;
    }

    @Override
    public void stream(Stream stream, String text) {
        if (text.isEmpty()) {
            return;
        }
        ObjectNode content = json.createObjectNode();
        content.put("name", stream == Stream.STDERR ? "stderr" : "stdout");
        content.put("text", text);
        iopub.publish("stream", parentHeader(), content);
    }

    @Override
    public void display(MimeBundle bundle, String displayId, boolean update) {
        if (update && displayId == null) {
            Log.warn("update_display_data without a display id: sent as display_data");
        }
        ObjectNode content = bundleContent(json, bundle);
        if (displayId != null) {
            content.putObject("transient").put("display_id", displayId);
        }
        iopub.publish(update && displayId != null ? "update_display_data" : "display_data", parentHeader(), content);
    }

    @Override
    public void clearOutput(boolean wait) {
        ObjectNode content = json.createObjectNode();
        content.put("wait", wait);
        iopub.publish("clear_output", parentHeader(), content);
    }

    @Override
    public String requestInput(String prompt, boolean password) throws InputNotAllowedException {
        Target current = target;
        if (current.request() == null || !current.allowStdin()) {
            throw new InputNotAllowedException();
        }
        return stdin.requestInput(current.request(), prompt, password);
    }

    /** {"data": ..., "metadata": ...} of a MIME bundle, the common part of display and result messages. */
    static ObjectNode bundleContent(ObjectMapper json, MimeBundle bundle) {
        ObjectNode content = json.createObjectNode();
        content.set("data", json.valueToTree(bundle.data()));
        content.set("metadata", json.valueToTree(bundle.metadata()));
        return content;
    }

    private ObjectNode parentHeader() {
        Message request = target.request();
        return request == null ? json.createObjectNode() : request.header();
    }
}
