package jconcur.kernel.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jconcur.display.MimeBundle;
import jconcur.kernel.engine.Engine;
import jconcur.kernel.engine.EngineOutput;
import jconcur.kernel.engine.ExecuteOutcome;
import jconcur.kernel.engine.Inspection;
import jconcur.kernel.log.Log;

/**
 * execute_request: runs a cell through the engine and reports it as ipykernel does. store_history (never with
 * silent) counts the cell and records it in the history; silent cells broadcast neither their input nor their
 * result; a failure publishes one error output and, with stop_on_error, aborts the queued cells.
 * Runs on the shell thread only.
 */
public final class ExecuteHandler implements Dispatcher.Handler {

    private final Engine engine;
    private final Iopub iopub;
    private final KernelOutput output;
    private final HistoryStore history;
    private final StopOnError stopOnError;
    private final ObjectMapper json;
    private int executionCount;
    /** The output cell of the request being handled; its user expressions print for it too. */
    private int outputCell;

    public ExecuteHandler(Engine engine, Iopub iopub, KernelOutput output, HistoryStore history,
                          StopOnError stopOnError, ObjectMapper json) {
        this.engine = engine;
        this.iopub = iopub;
        this.output = output;
        this.history = history;
        this.stopOnError = stopOnError;
        this.json = json;
    }

    @Override
    public void handle(Request request) {
        ObjectNode content = request.content();
        String code = content.path("code").asText("");
        boolean silent = content.path("silent").asBoolean(false);
        boolean storeHistory = !silent && content.path("store_history").asBoolean(true);
        if (storeHistory) {
            executionCount++;
        }
        outputCell = output.beginExecute(request.message(), content.path("allow_stdin").asBoolean(true), silent);
        try {
            if (!silent) {
                ObjectNode input = json.createObjectNode();
                input.put("code", code);
                input.put("execution_count", executionCount);
                iopub.publish("execute_input", request.header(), input);
            }
            ObjectNode reply = json.createObjectNode();
            Optional<PagerRequest> pager = PagerRequest.parse(code);
            ExecuteOutcome outcome = pager.isPresent() ? page(pager.get(), reply) : run(code, new Engine.NextCell(storeHistory ? executionCount : 0, outputCell, code));
            String resultText = switch (outcome) {
                case ExecuteOutcome.Ok ok -> succeeded(request, ok, silent, reply);
                case ExecuteOutcome.Failed failed -> failed(request, failed, reply);
            };
            request.reply(reply);
            if (storeHistory) {
                history.add(executionCount, code, resultText);
            }
        } finally {
            output.endExecute();
        }
    }

    /** Publishes the result (unless silent) and fills the ok reply; returns the result's text for the history. */
    private String succeeded(Request request, ExecuteOutcome.Ok ok, boolean silent, ObjectNode reply) {
        String resultText = null;
        if (ok.result().isPresent() && !silent) {
            MimeBundle result = ok.result().get();
            ObjectNode message = KernelOutput.bundleContent(json, result);
            message.put("execution_count", executionCount);
            iopub.publish("execute_result", request.header(), message);
            resultText = result.data().get("text/plain") instanceof String text ? text : null;
        }
        reply.put("status", "ok");
        reply.put("execution_count", executionCount);
        if (!reply.has("payload")) {
            reply.putArray("payload");
        }
        reply.set("user_expressions", evaluate(request.content().path("user_expressions")));
        return resultText;
    }

    /** Publishes the one error output and fills the error reply; with stop_on_error the queue is aborted. */
    private String failed(Request request, ExecuteOutcome.Failed failed, ObjectNode reply) {
        ObjectNode error = errorContent(failed);
        iopub.publish("error", request.header(), error.deepCopy());
        reply.setAll(error);
        reply.put("status", "error");
        reply.put("execution_count", executionCount);
        reply.putArray("payload");
        reply.putObject("user_expressions");
        if (request.content().path("stop_on_error").asBoolean(true)) {
            stopOnError.abortQueuedExecutes();
        }
        return null;
    }

    private ExecuteOutcome run(String code, Engine.NextCell cell) {
        try {
            engine.nextCell(cell);
            return engine.execute(code);
        } catch (RuntimeException e) {
            Log.error("engine failed to execute a cell", e);
            return new ExecuteOutcome.Failed("KernelError", "the engine failed: " + e,
                    List.of("KernelError: the engine failed: " + e));
        }
    }

    /** name? shows documentation in the pager (a "page" payload), like IPython. */
    private ExecuteOutcome page(PagerRequest pager, ObjectNode reply) {
        Inspection inspection;
        try {
            inspection = engine.inspect(pager.expression(), pager.expression().length(), pager.detailLevel());
        } catch (RuntimeException e) {
            Log.error("engine failed to inspect " + pager.expression(), e);
            return new ExecuteOutcome.Failed("KernelError", "the engine failed: " + e,
                    List.of("KernelError: the engine failed: " + e));
        }
        if (inspection.documentation().isEmpty()) {
            output.stream(EngineOutput.Stream.STDOUT, "Object `" + pager.expression() + "` not found.\n");
        } else {
            ObjectNode page = reply.putArray("payload").addObject();
            page.put("source", "page");
            page.set("data", json.valueToTree(inspection.documentation().get().data()));
            page.put("start", 0);
        }
        return new ExecuteOutcome.Ok(Optional.empty());
    }

    /** user_expressions: each expression is evaluated after the cell; its rich result or its error is returned. */
    private ObjectNode evaluate(JsonNode expressions) {
        ObjectNode results = json.createObjectNode();
        if (!expressions.isObject()) {
            return results;
        }
        for (Map.Entry<String, JsonNode> entry : expressions.properties()) {
            ExecuteOutcome outcome = entry.getValue().isTextual()
                    ? run(entry.getValue().asText(), new Engine.NextCell(0, outputCell, entry.getValue().asText()))
                    : new ExecuteOutcome.Failed("TypeError", "a user expression must be a string", List.of());
            ObjectNode result = switch (outcome) {
                case ExecuteOutcome.Ok ok -> {
                    ObjectNode value = KernelOutput.bundleContent(json, ok.result().orElse(MimeBundle.text("")));
                    value.put("status", "ok");
                    yield value;
                }
                case ExecuteOutcome.Failed failed -> {
                    ObjectNode error = errorContent(failed);
                    error.put("status", "error");
                    yield error;
                }
            };
            results.set(entry.getKey(), result);
        }
        return results;
    }

    private ObjectNode errorContent(ExecuteOutcome.Failed failed) {
        ObjectNode error = json.createObjectNode();
        error.put("ename", failed.ename());
        error.put("evalue", failed.evalue());
        error.set("traceback", json.valueToTree(failed.traceback()));
        return error;
    }
}
