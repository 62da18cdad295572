package jconcur.kernel.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import jconcur.display.MimeBundle;
import jconcur.kernel.engine.EngineOutput;
import jconcur.kernel.engine.IsComplete;
import jconcur.kernel.wire.ConnectionInfo;
import jconcur.kernel.wire.Message;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The protocol layer driven by a JeroMQ client, with a scripted engine standing in for JShell. */
class KernelProtocolTest {

    @TempDir
    Path dataDir;

    private ScriptedEngine engine;
    private Kernel kernel;
    private TestClient client;

    @BeforeEach
    void start() {
        var connection = ConnectionInfo.onFreeLoopbackPorts("secret-key");
        kernel = Kernel.start(connection, output -> engine = new ScriptedEngine(output),
                HistoryStore.open(dataDir.resolve("history.jsonl")));
        client = new TestClient(connection);
        client.awaitReady();
    }

    @AfterEach
    void stop() {
        client.close();
        kernel.close();
    }

    private List<String> types(List<Message> messages) {
        return messages.stream().map(Message::type).toList();
    }

    private static Message ofType(List<Message> messages, String type) {
        return messages.stream().filter(m -> m.type().equals(type)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " in " + messages));
    }

    @Test
    void kernelInfoDescribesJavaWithoutWaitingForTheEngine() {
        Message request = client.send(client.shell, "kernel_info_request", client.codec.json().createObjectNode());
        Message reply = client.receive(client.shell);
        assertEquals("kernel_info_reply", reply.type());
        assertEquals(request.id(), reply.parentHeader().path("msg_id").asText());
        JsonNode content = reply.content();
        assertEquals("5.4", content.path("protocol_version").asText());
        assertEquals("jconcur", content.path("implementation").asText());
        JsonNode language = content.path("language_info");
        assertEquals("java", language.path("name").asText());
        assertEquals(".jshell", language.path("file_extension").asText());
        assertEquals("text/x-java", language.path("mimetype").asText());
        assertEquals("text/x-java", language.path("codemirror_mode").asText());
        assertEquals("java", language.path("pygments_lexer").asText());
        assertEquals(System.getProperty("java.version"), language.path("version").asText());
        assertTrue(content.path("help_links").size() > 0);
        assertEquals(List.of("status", "status"), types(client.iopubFor(request)));
        assertTrue(engine.executed.isEmpty());
    }

    @Test
    void executePublishesInputOutputAndResultBetweenBusyAndIdle() {
        engine.on("1 + 1", out -> {
            out.stream(EngineOutput.Stream.STDOUT, "computing\n");
            return ScriptedEngine.ok(MimeBundle.text("2"));
        });
        Message request = client.execute("1 + 1");
        Message reply = client.receive(client.shell);
        assertEquals("execute_reply", reply.type());
        assertEquals("ok", reply.content().path("status").asText());
        assertEquals(1, reply.content().path("execution_count").asInt());
        List<Message> iopub = client.iopubFor(request);
        assertEquals(List.of("status", "execute_input", "stream", "execute_result", "status"), types(iopub));
        assertEquals("1 + 1", iopub.get(1).content().path("code").asText());
        assertEquals(1, iopub.get(1).content().path("execution_count").asInt());
        assertEquals("stdout", iopub.get(2).content().path("name").asText());
        assertEquals("computing\n", iopub.get(2).content().path("text").asText());
        assertEquals("2", iopub.get(3).content().path("data").path("text/plain").asText());
        assertEquals(1, iopub.get(3).content().path("execution_count").asInt());
    }

    @Test
    void executionCountCountsOnlyStoredCells() {
        engine.result("x", "1");
        client.execute("x");
        assertEquals(1, client.receive(client.shell).content().path("execution_count").asInt());

        ObjectNode notStored = client.executeContent("x");
        notStored.put("store_history", false);
        Message unstored = client.send(client.shell, "execute_request", notStored);
        assertEquals(1, client.receive(client.shell).content().path("execution_count").asInt());
        List<Message> iopub = client.iopubFor(unstored);
        assertTrue(types(iopub).contains("execute_input"));
        assertTrue(types(iopub).contains("execute_result"));

        ObjectNode silent = client.executeContent("x");
        silent.put("silent", true);
        silent.put("store_history", true); // silent wins: never stored
        Message quiet = client.send(client.shell, "execute_request", silent);
        assertEquals(1, client.receive(client.shell).content().path("execution_count").asInt());
        assertEquals(List.of("status", "status"), types(client.iopubFor(quiet)));

        client.execute("x");
        assertEquals(2, client.receive(client.shell).content().path("execution_count").asInt());
        assertEquals(List.of("x", "x", "x", "x"), engine.executed);
    }

    @Test
    void failedCellPublishesOneErrorAndRepliesError() {
        engine.on("boom", out -> ScriptedEngine.failed("java.lang.RuntimeException", "boom"));
        Message request = client.execute("boom");
        Message reply = client.receive(client.shell);
        assertEquals("error", reply.content().path("status").asText());
        assertEquals("java.lang.RuntimeException", reply.content().path("ename").asText());
        assertEquals("boom", reply.content().path("evalue").asText());
        assertEquals(2, reply.content().path("traceback").size());
        List<Message> iopub = client.iopubFor(request);
        assertEquals(List.of("status", "execute_input", "error", "status"), types(iopub));
        assertEquals("boom", iopub.get(2).content().path("evalue").asText());
    }

    @Test
    void stopOnErrorAbortsQueuedExecutesButAnswersOtherRequests() throws InterruptedException {
        engine.on("wait", out -> engine.blockUntilInterrupted());
        engine.result("next", "1");
        Message first = client.execute("wait");
        Message second = client.execute("next");
        Message info = client.send(client.shell, "kernel_info_request", client.codec.json().createObjectNode());
        Message third = client.execute("next");
        TimeUnit.MILLISECONDS.sleep(1000); // let the queued requests reach the kernel's socket
        client.send(client.control, "interrupt_request", client.codec.json().createObjectNode());
        assertEquals("interrupt_reply", client.receive(client.control).type());

        assertEquals("error", replyTo(first).content().path("status").asText());
        assertEquals("aborted", replyTo(second).content().path("status").asText());
        assertEquals("ok", replyTo(info).content().path("status").asText());
        assertEquals("aborted", replyTo(third).content().path("status").asText());
        assertEquals(List.of("status", "status"), types(client.iopubFor(second)));
        assertEquals(List.of("wait"), engine.executed);

        client.execute("next"); // after the queue was aborted, cells run again
        assertEquals("ok", client.receive(client.shell).content().path("status").asText());
    }

    @Test
    void aCellSentAfterTheFailedCellWentIdleIsNeverAborted() {
        engine.on("boom", out -> ScriptedEngine.failed("java.lang.RuntimeException", "boom"));
        engine.result("next", "1");
        for (int round = 0; round < 50; round++) {
            Message failed = client.execute("boom");
            assertEquals("error", replyTo(failed).content().path("status").asText());
            client.iopubFor(failed); // up to its idle, as nbclient and jupyter_client wait
            Message next = client.execute("next");
            assertEquals("ok", replyTo(next).content().path("status").asText(), "round " + round);
            client.iopubFor(next);
        }
    }

    private Message replyTo(Message request) {
        Message reply = client.receive(client.shell);
        assertEquals(request.id(), reply.parentHeader().path("msg_id").asText(), "replies come in request order");
        return reply;
    }

    @Test
    void withoutStopOnErrorQueuedCellsStillRun() throws InterruptedException {
        engine.on("wait", out -> engine.blockUntilInterrupted());
        engine.result("next", "1");
        ObjectNode lenient = client.executeContent("wait");
        lenient.put("stop_on_error", false);
        client.send(client.shell, "execute_request", lenient);
        Message next = client.execute("next");
        TimeUnit.MILLISECONDS.sleep(300);
        engine.interrupt();
        assertEquals("error", client.receive(client.shell).content().path("status").asText());
        assertEquals("ok", replyTo(next).content().path("status").asText());
    }

    @Test
    void inputRequestGoesToTheRequestingClientAndWaitsForItsReply() {
        engine.on("read", out -> {
            try {
                return ScriptedEngine.ok(MimeBundle.text("got " + out.requestInput("Name: ", false)));
            } catch (EngineOutput.InputNotAllowedException e) {
                return ScriptedEngine.failed("InputNotAllowed", e.getMessage());
            }
        });
        Message request = client.execute("read");
        Message inputRequest = client.receive(client.stdin);
        assertEquals("input_request", inputRequest.type());
        assertEquals(request.id(), inputRequest.parentHeader().path("msg_id").asText());
        assertEquals("Name: ", inputRequest.content().path("prompt").asText());
        assertFalse(inputRequest.content().path("password").asBoolean(true));
        ObjectNode answer = client.codec.json().createObjectNode().put("value", "Ada");
        client.send(client.stdin, "input_reply", answer);
        assertEquals("ok", client.receive(client.shell).content().path("status").asText());
        assertEquals("got Ada", ofType(client.iopubFor(request), "execute_result")
                .content().path("data").path("text/plain").asText());
    }

    @Test
    void inputCanBeRequestedFromAVirtualThread() {
        engine.on("read", out -> {
            String[] answer = new String[1];
            Thread reader = Thread.ofVirtual().start(() -> {
                try {
                    answer[0] = out.requestInput("> ", false);
                } catch (EngineOutput.InputNotAllowedException e) {
                    answer[0] = e.getMessage();
                }
            });
            try {
                reader.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return ScriptedEngine.ok(MimeBundle.text(answer[0]));
        });
        Message request = client.execute("read");
        assertEquals("input_request", client.receive(client.stdin).type());
        client.send(client.stdin, "input_reply", client.codec.json().createObjectNode().put("value", "42"));
        client.receive(client.shell);
        assertEquals("42", ofType(client.iopubFor(request), "execute_result").content().path("data").path("text/plain").asText());
    }

    @Test
    void inputIsRefusedWhenTheFrontEndDoesNotAllowStdin() {
        engine.on("read", out -> {
            try {
                return ScriptedEngine.ok(MimeBundle.text(out.requestInput("Name: ", false)));
            } catch (EngineOutput.InputNotAllowedException e) {
                return ScriptedEngine.failed("InputNotAllowed", e.getMessage());
            }
        });
        ObjectNode content = client.executeContent("read");
        content.put("allow_stdin", false);
        client.send(client.shell, "execute_request", content);
        Message reply = client.receive(client.shell);
        assertEquals("InputNotAllowed", reply.content().path("ename").asText());
    }

    @Test
    void interruptCancelsAWaitForInput() {
        engine.on("read", out -> {
            try {
                return ScriptedEngine.ok(MimeBundle.text(out.requestInput("Name: ", true)));
            } catch (CancellationException e) {
                return ScriptedEngine.failed("Interrupted", e.getMessage());
            } catch (EngineOutput.InputNotAllowedException e) {
                return ScriptedEngine.failed("InputNotAllowed", e.getMessage());
            }
        });
        client.execute("read");
        assertTrue(client.receive(client.stdin).content().path("password").asBoolean());
        client.send(client.control, "interrupt_request", client.codec.json().createObjectNode());
        assertEquals("ok", client.receive(client.control).content().path("status").asText());
        assertEquals("Interrupted", client.receive(client.shell).content().path("ename").asText());
        assertEquals(1, engine.interrupts.get());
    }

    @Test
    void unknownRequestsGetAnErrorReplyOnEitherChannel() {
        client.send(client.shell, "frobnicate_request", client.codec.json().createObjectNode());
        Message reply = client.receive(client.shell);
        assertEquals("frobnicate_reply", reply.type());
        assertEquals("error", reply.content().path("status").asText());
        assertEquals("UnknownMessageType", reply.content().path("ename").asText());

        client.send(client.control, "debug_request", client.codec.json().createObjectNode());
        assertEquals("debug_reply", client.receive(client.control).type());
    }

    @Test
    void commsAreListedEmptyAndUnknownTargetsAreClosed() {
        client.send(client.shell, "comm_info_request", client.codec.json().createObjectNode());
        Message info = client.receive(client.shell);
        assertEquals(0, info.content().path("comms").size());

        ObjectNode open = client.codec.json().createObjectNode();
        open.put("comm_id", "c-1");
        open.put("target_name", "jupyter.widget");
        open.putObject("data");
        Message request = client.send(client.shell, "comm_open", open);
        Message close = ofType(client.iopubFor(request), "comm_close");
        assertEquals("c-1", close.content().path("comm_id").asText());
    }

    @Test
    void malformedOrForgedMessagesAreDroppedAndTheKernelKeepsServing() {
        // garbage frames, no delimiter
        TestClient.sendFrames(client.shell, List.of("garbage".getBytes(StandardCharsets.UTF_8)));
        // forged signature
        Message forged = client.codec.newMessage(List.of(), "execute_request", null, null, client.executeContent("x"));
        List<byte[]> frames = new java.util.ArrayList<>(client.codec.encode(forged));
        frames.set(1, "0".repeat(64).getBytes(StandardCharsets.US_ASCII));
        TestClient.sendFrames(client.shell, frames);
        // valid signature over invalid JSON
        byte[] bad = "{not json".getBytes(StandardCharsets.UTF_8);
        byte[] empty = "{}".getBytes(StandardCharsets.UTF_8);
        String signature = new jconcur.kernel.wire.Signer("hmac-sha256", "secret-key").sign(bad, empty, empty, empty);
        TestClient.sendFrames(client.control, List.of("<IDS|MSG>".getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII), bad, empty, empty, empty));

        client.send(client.shell, "kernel_info_request", client.codec.json().createObjectNode());
        assertEquals("kernel_info_reply", client.receive(client.shell).type());
        client.send(client.control, "kernel_info_request", client.codec.json().createObjectNode());
        assertEquals("kernel_info_reply", client.receive(client.control).type());
        assertTrue(engine.executed.isEmpty(), "a forged execute_request must never run");
    }

    @Test
    void outputAfterACellEndsGoesToTheLatestExecuteRequest() {
        engine.result("a", "1");
        engine.result("b", "2");
        client.execute("a");
        client.receive(client.shell);
        Message latest = client.execute("b");
        client.receive(client.shell);
        client.iopubFor(latest);
        engine.output().stream(EngineOutput.Stream.STDERR, "late line\n");
        Message late = client.receive(client.iopub);
        assertEquals("stream", late.type());
        assertEquals("stderr", late.content().path("name").asText());
        assertEquals(latest.id(), late.parentHeader().path("msg_id").asText());
    }

    @Test
    void outputAfterASilentRequestGoesBackToTheLatestVisibleCell() {
        engine.result("visible", "1");
        engine.result("inspector", "{}");
        Message visible = client.execute("visible");
        client.receive(client.shell);
        client.iopubFor(visible);
        ObjectNode silent = client.executeContent("inspector");
        silent.put("silent", true);
        Message quiet = client.send(client.shell, "execute_request", silent);
        client.receive(client.shell);
        client.iopubFor(quiet);
        engine.output().stream(EngineOutput.Stream.STDOUT, "from a background thread\n");
        assertEquals(visible.id(), client.receive(client.iopub).parentHeader().path("msg_id").asText());
    }

    @Test
    void displaysUpdatesAndClearOutputHaveTheProtocolShape() {
        engine.on("show", out -> {
            out.display(new MimeBundle(Map.of("text/plain", "chart", "image/png", "iVBORw0KGgo="), Map.of()), "d1", false);
            out.display(MimeBundle.text("50%"), "d1", true);
            out.clearOutput(true);
            return ScriptedEngine.ok();
        });
        Message request = client.execute("show");
        client.receive(client.shell);
        List<Message> iopub = client.iopubFor(request);
        assertEquals(List.of("status", "execute_input", "display_data", "update_display_data", "clear_output", "status"),
                types(iopub));
        assertEquals("iVBORw0KGgo=", iopub.get(2).content().path("data").path("image/png").asText());
        assertEquals("d1", iopub.get(2).content().path("transient").path("display_id").asText());
        assertTrue(iopub.get(2).content().path("metadata").isObject());
        assertEquals("d1", iopub.get(3).content().path("transient").path("display_id").asText());
        assertTrue(iopub.get(4).content().path("wait").asBoolean());
    }

    @Test
    void questionMarkPagesTheDocumentation() {
        engine.doc("String", "java.lang.String: an immutable sequence of chars");
        client.execute("String?");
        Message reply = client.receive(client.shell);
        assertEquals("ok", reply.content().path("status").asText());
        JsonNode payload = reply.content().path("payload");
        assertEquals(1, payload.size());
        assertEquals("page", payload.get(0).path("source").asText());
        assertTrue(payload.get(0).path("data").path("text/plain").asText().contains("immutable"));
        assertTrue(engine.executed.isEmpty());
    }

    @Test
    void userExpressionsAreEvaluatedAfterTheCell() {
        engine.result("cell", "0");
        engine.result("a + 1", "42");
        ObjectNode content = client.executeContent("cell");
        content.putObject("user_expressions").put("answer", "a + 1").put("bad", "nope");
        client.send(client.shell, "execute_request", content);
        JsonNode expressions = client.receive(client.shell).content().path("user_expressions");
        assertEquals("ok", expressions.path("answer").path("status").asText());
        assertEquals("42", expressions.path("answer").path("data").path("text/plain").asText());
        assertEquals("error", expressions.path("bad").path("status").asText());
    }

    @Test
    void completeInspectAndIsCompleteTranslateTheEngineAnswers() {
        engine.doc("println", "void println(String x)").doc("printf", "PrintStream printf(...)");
        engine.completeness("for (;;) {", new IsComplete(IsComplete.Status.INCOMPLETE, "    "));
        // "é" is one code point; the cursor is given in code points after it
        ObjectNode complete = client.codec.json().createObjectNode().put("code", "é; print").put("cursor_pos", 8);
        client.send(client.shell, "complete_request", complete);
        JsonNode completion = client.receive(client.shell).content();
        assertEquals(List.of("printf", "println"), List.of(completion.path("matches").get(0).asText(),
                completion.path("matches").get(1).asText()));
        assertEquals(3, completion.path("cursor_start").asInt());
        assertEquals(8, completion.path("cursor_end").asInt());

        ObjectNode inspect = client.codec.json().createObjectNode().put("code", "println").put("cursor_pos", 7)
                .put("detail_level", 0);
        client.send(client.shell, "inspect_request", inspect);
        JsonNode inspection = client.receive(client.shell).content();
        assertTrue(inspection.path("found").asBoolean());
        assertEquals("void println(String x)", inspection.path("data").path("text/plain").asText());

        client.send(client.shell, "is_complete_request",
                client.codec.json().createObjectNode().put("code", "for (;;) {"));
        JsonNode isComplete = client.receive(client.shell).content();
        assertEquals("incomplete", isComplete.path("status").asText());
        assertEquals("    ", isComplete.path("indent").asText());
    }

    @Test
    void historyRequestsAnswerFromExecutedCells() {
        engine.result("1 + 1", "2");
        engine.result("2 + 2", "4");
        for (String code : List.of("1 + 1", "2 + 2", "1 + 1")) {
            client.execute(code);
            client.receive(client.shell);
        }
        ObjectNode tail = client.codec.json().createObjectNode().put("hist_access_type", "tail").put("n", 2)
                .put("output", true).put("raw", true);
        client.send(client.shell, "history_request", tail);
        JsonNode history = client.receive(client.shell).content().path("history");
        assertEquals(2, history.size());
        assertEquals(2, history.get(0).get(1).asInt());
        assertEquals("2 + 2", history.get(0).get(2).get(0).asText());
        assertEquals("4", history.get(0).get(2).get(1).asText());

        ObjectNode search = client.codec.json().createObjectNode().put("hist_access_type", "search")
                .put("pattern", "1 ? 1").put("unique", true).put("output", false).put("raw", true);
        client.send(client.shell, "history_request", search);
        JsonNode found = client.receive(client.shell).content().path("history");
        assertEquals(1, found.size());
        assertEquals(3, found.get(0).get(1).asInt());
    }

    @Test
    void heartbeatEchoes() {
        client.heartbeat.send("ping");
        assertEquals("ping", client.heartbeat.recvStr());
    }

    @Test
    void shutdownRepliesEchoesRestartAndClosesTheEngine() throws InterruptedException {
        ObjectNode content = client.codec.json().createObjectNode().put("restart", true);
        client.send(client.control, "shutdown_request", content);
        Message reply = client.receive(client.control);
        assertEquals("shutdown_reply", reply.type());
        assertTrue(reply.content().path("restart").asBoolean());
        kernel.awaitShutdown();
        kernel.close();
        assertTrue(engine.closed.await(5, TimeUnit.SECONDS));
    }

    @Test
    void unsignedConnectionsWork() {
        var connection = ConnectionInfo.onFreeLoopbackPorts("");
        try (Kernel unsigned = Kernel.start(connection, ScriptedEngine::new, HistoryStore.inMemory());
             TestClient plain = new TestClient(connection)) {
            plain.awaitReady();
            plain.send(plain.shell, "kernel_info_request", plain.codec.json().createObjectNode());
            Message reply = plain.receive(plain.shell);
            assertEquals("kernel_info_reply", reply.type());
            assertNull(reply.content().get("ename"));
        }
    }
}
