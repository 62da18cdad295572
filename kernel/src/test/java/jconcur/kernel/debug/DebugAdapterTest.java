package jconcur.kernel.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The DAP commands that need no user VM; the rest run against a real kernel in test_debugger.py. */
class DebugAdapterTest {

    private final ObjectMapper json = new ObjectMapper();
    private final List<com.fasterxml.jackson.databind.node.ObjectNode> events = new ArrayList<>();
    private final DebugAdapter adapter = new DebugAdapter(json, Optional.empty(), events::add);

    private DapResponse send(String request) throws Exception {
        return adapter.handle(DapRequest.from(json.readTree(request)));
    }

    @Test
    void debugInfoTellsJupyterLabHowToNameCells() throws Exception {
        DapResponse response = send("{\"type\":\"request\",\"seq\":3,\"command\":\"debugInfo\"}");
        assertTrue(response.success());
        assertEquals(3, response.requestSeq());
        JsonNode body = response.body();
        assertEquals("Murmur2", body.path("hashMethod").asText());
        assertEquals(CellPaths.SEED, body.path("hashSeed").asLong());
        assertEquals(CellPaths.PREFIX, body.path("tmpFilePrefix").asText());
        assertEquals(CellPaths.SUFFIX, body.path("tmpFileSuffix").asText());
        assertFalse(body.path("isStarted").asBoolean(true));
        assertTrue(body.path("breakpoints").isArray());
        assertTrue(body.path("stoppedThreads").isArray());
    }

    @Test
    void dumpCellAnswersThePathJupyterLabComputesAndSourceGivesTheCodeBack() throws Exception {
        DapResponse dumped = send("{\"type\":\"request\",\"seq\":1,\"command\":\"dumpCell\",\"arguments\":{\"code\":\"int x = 1;\"}}");
        String path = dumped.body().path("sourcePath").asText();
        assertEquals(CellPaths.of("int x = 1;"), path);
        DapResponse source = send("{\"type\":\"request\",\"seq\":2,\"command\":\"source\",\"arguments\":{\"source\":{\"path\":\""
                + path + "\"}}}");
        assertEquals("int x = 1;", source.body().path("content").asText());
    }

    @Test
    void unknownCommandsAndBadArgumentsGetAnErrorResponse() throws Exception {
        DapResponse unknown = send("{\"type\":\"request\",\"seq\":7,\"command\":\"modules\"}");
        assertFalse(unknown.success());
        assertEquals("modules", unknown.command());
        assertTrue(unknown.message().contains("modules"));
        DapResponse noCode = send("{\"type\":\"request\",\"seq\":8,\"command\":\"dumpCell\",\"arguments\":{}}");
        assertFalse(noCode.success());
        assertTrue(noCode.message().contains("code"));
    }

    @Test
    void withoutAnEngineDebuggerAttachFailsClearly() throws Exception {
        DapResponse attach = send("{\"type\":\"request\",\"seq\":1,\"command\":\"attach\"}");
        assertFalse(attach.success());
        assertTrue(attach.message().contains("no debugger"));
        assertTrue(events.isEmpty());
    }

    @Test
    void aDebugReplyIsADapResponseEvenForAMalformedRequest() throws Exception {
        JsonNode reply = adapter.answer(json.readTree("{\"type\":\"request\",\"seq\":4}"));
        assertEquals("response", reply.path("type").asText());
        assertEquals(4, reply.path("request_seq").asInt());
        assertFalse(reply.path("success").asBoolean(true));
        assertTrue(reply.path("message").asText().contains("no command"));
    }

    @Test
    void aMessageThatIsNotADapRequestIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> DapRequest.from(json.readTree("{\"type\":\"event\"}")));
        assertThrows(IllegalArgumentException.class, () -> DapRequest.from(json.readTree("{\"type\":\"request\"}")));
    }
}
