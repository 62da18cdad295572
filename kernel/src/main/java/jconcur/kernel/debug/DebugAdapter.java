package jconcur.kernel.debug;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import jconcur.kernel.engine.UserVmDebugger;

/**
 * The Debug Adapter Protocol commands JupyterLab's debugger sends, answered from the user VM's debugger.
 * Breakpoints are accepted at any time (JupyterLab 4.5+ sends configurationDone only on "restart and debug").
 * Unknown commands get a response with success false that names them.
 */
public final class DebugAdapter {

    private final ObjectMapper json;
    private final Optional<UserVmDebugger> debugger;
    private final Consumer<DapEvent> events;
    /** One sequence for the kernel's DAP responses and events, as DAP wants. */
    private final AtomicInteger seq = new AtomicInteger(1);
    /** Code of the cells the client dumped, by source path (for the source command). */
    private final Map<String, String> dumped = new ConcurrentHashMap<>();

    /**
     * @param debugger the engine's debugger; without one, every command that needs it fails clearly
     * @param eventSink gets each DAP event (the content of a debug_event), from any thread
     */
    public DebugAdapter(ObjectMapper json, Optional<UserVmDebugger> debugger, Consumer<ObjectNode> eventSink) {
        this.json = json;
        this.debugger = debugger;
        this.events = event -> eventSink.accept(event.toJson(json.createObjectNode(), seq.getAndIncrement()));
    }

    /** The content of the debug_reply to a debug_request's content: a DAP response, success false on errors. */
    public ObjectNode answer(JsonNode requestContent) {
        DapResponse response;
        try {
            response = handle(DapRequest.from(requestContent));
        } catch (IllegalArgumentException e) {
            response = DapResponse.error(requestContent.path("seq").asInt(0),
                    requestContent.path("command").asText(""), e.getMessage());
        }
        return response.toJson(json.createObjectNode(), seq.getAndIncrement());
    }

    DapResponse handle(DapRequest request) {
        try {
            return switch (request.command()) {
                case "debugInfo" -> ok(request, debugInfo());
                case "initialize" -> ok(request, capabilities());
                case "attach" -> attach(request);
                case "configurationDone" -> ok(request, null);
                case "dumpCell" -> dumpCell(request);
                case "setBreakpoints" -> setBreakpoints(request);
                case "source" -> source(request);
                case "threads" -> threads(request);
                case "stackTrace" -> stackTrace(request);
                case "scopes" -> scopes(request);
                case "variables" -> variables(request);
                case "continue" -> resume(request);
                case "next" -> step(request, UserVmDebugger.Step.OVER);
                case "stepIn" -> step(request, UserVmDebugger.Step.INTO);
                case "stepOut" -> step(request, UserVmDebugger.Step.OUT);
                case "pause" -> pause(request);
                case "inspectVariables" -> inspectVariables(request);
                case "evaluate" -> evaluate(request);
                case "disconnect" -> disconnect(request);
                default -> DapResponse.error(request.seq(), request.command(),
                        "jconcur's debugger does not support the '" + request.command() + "' command");
            };
        } catch (IllegalArgumentException | IllegalStateException | UnsupportedOperationException e) {
            return DapResponse.error(request.seq(), request.command(), e.getMessage());
        } catch (com.sun.jdi.VMDisconnectedException e) {
            return DapResponse.error(request.seq(), request.command(), "the user VM is gone (it is being restarted)");
        }
    }

    private DapResponse ok(DapRequest request, JsonNode body) {
        return DapResponse.ok(request, body == null ? json.createObjectNode() : body);
    }

    private UserVmDebugger debugger() {
        return debugger.orElseThrow(() -> new IllegalStateException("this kernel's engine has no debugger"));
    }

    private ObjectNode debugInfo() {
        ObjectNode body = json.createObjectNode();
        body.put("isStarted", debugger.map(UserVmDebugger::isAttached).orElse(false));
        body.put("hashMethod", CellPaths.HASH_METHOD);
        body.put("hashSeed", CellPaths.SEED);
        body.put("tmpFilePrefix", CellPaths.PREFIX);
        body.put("tmpFileSuffix", CellPaths.SUFFIX);
        ArrayNode breakpoints = body.putArray("breakpoints");
        debugger.ifPresent(d -> d.breakpoints().forEach((path, lines) -> {
            ObjectNode entry = breakpoints.addObject();
            entry.putObject("source").put("path", path);
            ArrayNode list = entry.putArray("breakpoints");
            lines.forEach(line -> list.addObject().put("line", line));
        }));
        ArrayNode stopped = body.putArray("stoppedThreads");
        debugger.ifPresent(d -> d.stoppedThreads().forEach(stopped::add));
        body.put("richRendering", false);
        body.putArray("exceptionPaths");
        return body;
    }

    private ObjectNode capabilities() {
        ObjectNode body = json.createObjectNode();
        body.put("supportsConfigurationDoneRequest", true);
        body.put("supportsConditionalBreakpoints", false);
        body.put("supportsEvaluateForHovers", false);
        body.put("supportsStepBack", false);
        body.put("supportsSetVariable", false);
        body.put("supportsTerminateRequest", false);
        body.putArray("exceptionBreakpointFilters");
        return body;
    }

    private DapResponse attach(DapRequest request) {
        debugger().attach(new UserVmDebugger.Events() {
            @Override
            public void stopped(long threadId, String reason) {
                ObjectNode body = json.createObjectNode();
                body.put("reason", reason);
                body.put("threadId", threadId);
                body.put("allThreadsStopped", false);
                events.accept(new DapEvent("stopped", body));
            }

            @Override
            public void continued(long threadId, boolean allThreads) {
                ObjectNode body = json.createObjectNode();
                body.put("threadId", threadId);
                body.put("allThreadsContinued", allThreads);
                events.accept(new DapEvent("continued", body));
            }
        }, CellPaths::of);
        events.accept(new DapEvent("initialized", json.createObjectNode()));
        return ok(request, null);
    }

    private DapResponse dumpCell(DapRequest request) {
        String code = text(request.arguments(), "code");
        String path = CellPaths.of(code);
        dumped.put(path, code);
        ObjectNode body = json.createObjectNode();
        body.put("sourcePath", path);
        return ok(request, body);
    }

    private DapResponse setBreakpoints(DapRequest request) {
        String path = text(request.arguments().path("source"), "path");
        List<Integer> lines = new ArrayList<>();
        for (JsonNode breakpoint : request.arguments().path("breakpoints")) {
            JsonNode line = breakpoint.path("line");
            if (!line.canConvertToInt() || line.asInt() < 1) {
                throw new IllegalArgumentException("a breakpoint needs a line number >= 1, not " + line);
            }
            lines.add(line.asInt());
        }
        ObjectNode body = json.createObjectNode();
        ArrayNode set = body.putArray("breakpoints");
        for (int line : debugger().setBreakpoints(path, lines)) {
            ObjectNode b = set.addObject();
            b.put("verified", true);
            b.put("line", line);
            b.putObject("source").put("path", path);
        }
        return ok(request, body);
    }

    private DapResponse source(DapRequest request) {
        String path = text(request.arguments().path("source"), "path");
        String code = dumped.get(path);
        if (code == null) {
            throw new IllegalArgumentException("no cell with source path " + path + " was dumped");
        }
        ObjectNode body = json.createObjectNode();
        body.put("content", code);
        return ok(request, body);
    }

    private DapResponse threads(DapRequest request) {
        ObjectNode body = json.createObjectNode();
        ArrayNode threads = body.putArray("threads");
        debugger().threads().forEach(t -> threads.addObject().put("id", t.id()).put("name", t.name()));
        return ok(request, body);
    }

    private DapResponse stackTrace(DapRequest request) {
        List<UserVmDebugger.Frame> frames = debugger().stackTrace(threadId(request));
        ObjectNode body = json.createObjectNode();
        ArrayNode list = body.putArray("stackFrames");
        for (UserVmDebugger.Frame frame : frames) {
            ObjectNode f = list.addObject();
            f.put("id", frame.id());
            f.put("name", frame.name());
            f.put("line", frame.line());
            f.put("column", 1);
            frame.path().ifPresent(path -> f.putObject("source").put("path", path));
        }
        body.put("totalFrames", frames.size());
        return ok(request, body);
    }

    private DapResponse scopes(DapRequest request) {
        ObjectNode body = json.createObjectNode();
        ArrayNode list = body.putArray("scopes");
        for (UserVmDebugger.Scope scope : debugger().scopes(intArgument(request, "frameId"))) {
            list.addObject().put("name", scope.name()).put("variablesReference", scope.variablesReference())
                    .put("expensive", false);
        }
        return ok(request, body);
    }

    private DapResponse variables(DapRequest request) {
        ObjectNode body = json.createObjectNode();
        ArrayNode list = body.putArray("variables");
        debugger().variables(intArgument(request, "variablesReference")).forEach(v -> variable(list.addObject(), v));
        return ok(request, body);
    }

    private DapResponse inspectVariables(DapRequest request) {
        ObjectNode body = json.createObjectNode();
        ArrayNode list = body.putArray("variables");
        debugger().notebookVariables().forEach(v -> variable(list.addObject(), v));
        return ok(request, body);
    }

    private DapResponse evaluate(DapRequest request) {
        JsonNode frame = request.arguments().path("frameId");
        UserVmDebugger.Variable v = debugger().evaluate(text(request.arguments(), "expression"),
                frame.canConvertToInt() ? Optional.of(frame.asInt()) : Optional.empty());
        ObjectNode body = json.createObjectNode();
        body.put("result", v.value());
        body.put("type", v.type());
        body.put("variablesReference", v.variablesReference());
        return ok(request, body);
    }

    private static void variable(ObjectNode into, UserVmDebugger.Variable v) {
        into.put("name", v.name()).put("value", v.value()).put("type", v.type()).put("evaluateName", v.name())
                .put("variablesReference", v.variablesReference());
    }

    private DapResponse resume(DapRequest request) {
        debugger().resume(threadId(request));
        ObjectNode body = json.createObjectNode();
        body.put("allThreadsContinued", false);
        return ok(request, body);
    }

    private DapResponse step(DapRequest request, UserVmDebugger.Step step) {
        debugger().step(threadId(request), step);
        return ok(request, null);
    }

    private DapResponse pause(DapRequest request) {
        debugger().pause(threadId(request));
        return ok(request, null);
    }

    private DapResponse disconnect(DapRequest request) {
        debugger.ifPresent(UserVmDebugger::detach);
        dumped.clear();
        return ok(request, null);
    }

    private static long threadId(DapRequest request) {
        JsonNode id = request.arguments().path("threadId");
        if (!id.canConvertToLong()) {
            throw new IllegalArgumentException(request.command() + " needs a threadId");
        }
        return id.asLong();
    }

    private static int intArgument(DapRequest request, String name) {
        JsonNode value = request.arguments().path(name);
        if (!value.canConvertToInt()) {
            throw new IllegalArgumentException(request.command() + " needs an integer " + name);
        }
        return value.asInt();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isTextual()) {
            throw new IllegalArgumentException("missing text argument '" + field + "'");
        }
        return value.asText();
    }
}
