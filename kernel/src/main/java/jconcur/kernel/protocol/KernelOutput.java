package jconcur.kernel.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jconcur.display.MimeBundle;
import jconcur.kernel.engine.EngineOutput;
import jconcur.kernel.link.OutputOrigin;
import jconcur.kernel.log.Log;
import jconcur.kernel.wire.Message;

/**
 * Where the engine's output goes: iopub messages whose parent is the running execute request, and between
 * requests the latest non-silent one (a silent request, e.g. from a variable inspector, has no cell to show it).
 * Output of user code goes, as ipykernel routes a thread's output, to the cell whose code printed it or started
 * the printing thread, also after that cell ended (the front end appends it there), as long as that cell's
 * output is on screen: once the same notebook cell (JupyterLab's metadata.cellId) runs again, its old output is
 * gone, and what its old threads print goes to the current cell with each line marked by the thread's name.
 * Safe to call from any thread.
 */
public final class KernelOutput implements EngineOutput {

    /** Cells whose output stays routable; older ones count as gone. */
    private static final int ROUTED_CELLS = 4096;

    /** The execute request that output belongs to (its output cell number); request is null before the first cell. */
    private record Target(Message request, boolean allowStdin, int cell) {}

    /** A cell whose output is on screen: the header output is parented to, and the notebook cell it ran in. */
    private record ShownCell(ObjectNode header, String cellId) {}

    /** Where a piece of output goes, and the thread name that marks it when it is not its own cell's. */
    private record Destination(ObjectNode parent, String marker) {}

    private final Iopub iopub;
    private final StdinChannel stdin;
    private final ObjectMapper json;
    private volatile Target target = new Target(null, false, OutputOrigin.NO_CELL);
    private volatile Target lastVisible = target;
    private int lastCell;
    private final Map<Integer, ShownCell> shown = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, ShownCell> eldest) {
            return size() > ROUTED_CELLS;
        }
    };
    /** Threads whose marked output ended inside a line: the rest of the line needs no second mark. */
    private final Set<String> midLine = new HashSet<>();

    public KernelOutput(Iopub iopub, StdinChannel stdin, ObjectMapper json) {
        this.iopub = iopub;
        this.stdin = stdin;
        this.json = json;
    }

    /**
     * From now on output belongs to this execute request; returns its output cell number, which output of its
     * code and its threads carries (see {@link #print}).
     */
    public synchronized int beginExecute(Message request, boolean allowStdin, boolean silent) {
        int cell = ++lastCell;
        target = new Target(request, allowStdin, cell);
        if (!silent) {
            lastVisible = target;
            JsonNode cellId = request.metadata() == null ? null : request.metadata().get("cellId");
            String notebookCell = cellId != null && cellId.isTextual() ? cellId.textValue() : null;
            if (notebookCell != null) {
                shown.values().removeIf(c -> notebookCell.equals(c.cellId())); // re-run: its old output is gone
            }
            shown.put(cell, new ShownCell(request.header(), notebookCell));
        }
        return cell;
    }

    /** The request has been answered: later output goes to the latest non-silent request. */
    public void endExecute() {
        target = lastVisible;
    }

    @Override
    public void stream(Stream stream, String text) {
        publishStream(stream, text, parentHeader());
    }

    private void publishStream(Stream stream, String text, ObjectNode parent) {
        if (text.isEmpty()) {
            return;
        }
        ObjectNode content = json.createObjectNode();
        content.put("name", stream == Stream.STDERR ? "stderr" : "stdout");
        content.put("text", text);
        iopub.publish("stream", parent, content);
    }

    @Override
    public void print(List<Printed> printed) {
        ObjectNode parent = null;
        Stream stream = null;
        StringBuilder text = new StringBuilder();
        for (Printed p : printed) {
            Destination to = destination(p.origin());
            if (parent != to.parent() || stream != p.stream()) {
                publishStream(stream, text.toString(), parent);
                text.setLength(0);
                parent = to.parent();
                stream = p.stream();
            }
            text.append(to.marker() == null ? p.text() : marked(to.marker(), p.text()));
        }
        publishStream(stream, text.toString(), parent);
    }

    @Override
    public void display(MimeBundle bundle, String displayId, boolean update, OutputOrigin origin) {
        publishDisplay(bundle, displayId, update, destination(origin).parent());
    }

    @Override
    public void clearOutput(boolean wait, OutputOrigin origin) {
        Destination to = destination(origin);
        // A cell whose output is gone has nothing to clear; the running cell's output is not its to clear.
        if (to.marker() == null) {
            publishClear(wait, to.parent());
        }
    }

    @Override
    public void display(MimeBundle bundle, String displayId, boolean update) {
        publishDisplay(bundle, displayId, update, parentHeader());
    }

    private void publishDisplay(MimeBundle bundle, String displayId, boolean update, ObjectNode parent) {
        if (update && displayId == null) {
            Log.warn("update_display_data without a display id: sent as display_data");
        }
        ObjectNode content = bundleContent(json, bundle);
        if (displayId != null) {
            content.putObject("transient").put("display_id", displayId);
        }
        iopub.publish(update && displayId != null ? "update_display_data" : "display_data", parent, content);
    }

    @Override
    public void clearOutput(boolean wait) {
        publishClear(wait, parentHeader());
    }

    private void publishClear(boolean wait, ObjectNode parent) {
        ObjectNode content = json.createObjectNode();
        content.put("wait", wait);
        iopub.publish("clear_output", parent, content);
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
        return parentHeader(target);
    }

    private ObjectNode parentHeader(Target to) {
        return to.request() == null ? json.createObjectNode() : to.request().header();
    }

    /**
     * Output of the running cell, of threads no cell started, and of a cell on screen goes to that cell;
     * output of a cell whose output is gone goes to the running cell, marked with the thread's name.
     */
    private synchronized Destination destination(OutputOrigin origin) {
        Target current = target;
        if (origin.cell() == OutputOrigin.NO_CELL || origin.cell() == current.cell()) {
            return new Destination(parentHeader(current), null);
        }
        ShownCell cell = shown.get(origin.cell());
        return cell != null ? new Destination(cell.header(), null) : new Destination(parentHeader(current), origin.thread());
    }

    /** Each line that starts in text marked "[thread] ". */
    private synchronized String marked(String thread, String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        boolean lineStart = !midLine.contains(thread);
        for (int i = 0; i < text.length(); i++) {
            if (lineStart) {
                out.append('[').append(thread).append("] ");
            }
            char c = text.charAt(i);
            out.append(c);
            lineStart = c == '\n';
        }
        if (lineStart) {
            midLine.remove(thread);
        } else {
            midLine.add(thread);
        }
        return out.toString();
    }
}
