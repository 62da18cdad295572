package jconcur.kernel.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jconcur.display.MimeBundle;
import jconcur.kernel.link.SideMessage.ClearOutput;
import jconcur.kernel.link.SideMessage.Display;
import jconcur.kernel.link.SideMessage.Exiting;
import jconcur.kernel.link.SideMessage.InputReply;
import jconcur.kernel.link.SideMessage.InputRequest;
import jconcur.kernel.link.SideMessage.ThreadsReply;
import jconcur.kernel.link.SideMessage.ThreadsRequest;
import jconcur.kernel.link.TaggedResult.Flag;
import jconcur.kernel.link.ThreadSnapshot.HeldByIdleCell;
import jconcur.kernel.link.ThreadSnapshot.ThreadState;
import org.junit.jupiter.api.Test;

class SideMessageCodecTest {

    private static final ThreadState MAIN = new ThreadState("main", 1, "WAITING",
            Optional.of("java.util.concurrent.locks.ReentrantLock$NonfairSync@1a2b"), Optional.of("worker"),
            List.of("java.lang.Object@3c4d"),
            List.of(new StackTraceElement("REPL.$JShell$12", "do_it$", "#12", 5),
                    new StackTraceElement("java.lang.Thread", "run", null, -1)));
    private static final ThreadState WORKER = new ThreadState("worker", 27, "BLOCKED", Optional.empty(),
            Optional.empty(), List.of(), List.of());

    @Test
    void everyMessageToTheKernelReadsBackAsSent() throws IOException {
        List<SideMessage.ToKernel> messages = List.of(
                new Display(new MimeBundle(Map.of("text/plain", "42", "application/json", Map.of("a", List.of(1, 2))),
                        Map.of("image/png", Map.of("width", 720))), "id-1", false, new OutputOrigin(3, "worker-1")),
                new Display(MimeBundle.text("updated"), "id-1", true, new OutputOrigin(OutputOrigin.NO_CELL, "main")),
                new ClearOutput(true, new OutputOrigin(4, "main")),
                new InputRequest(7, "Name: ", true),
                new Exiting(),
                new ThreadsReply(3, new ThreadSnapshot(List.of(MAIN, WORKER), Optional.of(MAIN),
                        Optional.of(new HeldByIdleCell(MAIN, List.of(WORKER))))),
                new ThreadsReply(4, new ThreadSnapshot(List.of(), Optional.empty(), Optional.empty())));
        for (SideMessage.ToKernel message : messages) {
            assertEquals(message, SideMessageCodec.decodeToKernel(SideMessageCodec.encode(message)));
        }
    }

    @Test
    void everyMessageToTheUserVmReadsBackAsSent() throws IOException {
        List<SideMessage.ToUserVm> messages = List.of(
                new ThreadsRequest(9),
                InputReply.line(7, "Ada"),
                new InputReply(7, Optional.empty(), Optional.empty()),
                InputReply.failed(7, "This front end does not support input"));
        for (SideMessage.ToUserVm message : messages) {
            assertEquals(message, SideMessageCodec.decodeToUserVm(SideMessageCodec.encode(message)));
        }
    }

    @Test
    void bundlesReadBackAsWritten() throws IOException {
        MimeBundle bundle = new MimeBundle(Map.of("text/html", "<b>hi</b>", "text/plain", "hi"), Map.of());
        assertEquals(bundle, SideMessageCodec.bundleFromJson(SideMessageCodec.bundleJson(bundle)));
    }

    @Test
    void brokenMessagesSayWhatIsWrong() {
        assertMalformed("not JSON", "{\"type\":", "side-channel message is not JSON");
        assertMalformed("not an object", "[1]", "is not a JSON object");
        assertMalformed("no type", "{\"id\":1}", "has no field 'type'");
        assertMalformed("unknown type", "{\"type\":\"dance\"}", "side-channel message 'dance' unknown type");
        assertMalformed("missing field", "{\"type\":\"display\",\"bundle\":{\"data\":{}},\"update\":false}",
                "side-channel message 'display' has no field 'displayId'");
        assertMalformed("wrong kind", "{\"type\":\"clear\",\"wait\":\"yes\",\"cell\":1,\"thread\":\"main\"}",
                "side-channel message 'clear' field 'wait' is not true or false");
        assertMalformed("fraction as id", "{\"type\":\"input\",\"id\":1.5,\"prompt\":\"\",\"password\":false}",
                "field 'id' is not a whole number");
        assertMalformed("nested", "{\"type\":\"threads-reply\",\"id\":2,\"snapshot\":{\"deadlocked\":[{\"name\":\"t\"}]}}",
                "field 'snapshot' deadlocked[0] has no field 'id'");
        assertMalformed("holds not strings", "{\"type\":\"threads-reply\",\"id\":2,\"snapshot\":{\"deadlocked\":"
                + "[{\"name\":\"t\",\"id\":1,\"state\":\"BLOCKED\",\"holds\":[1],\"frames\":[]}]}}",
                "field 'holds' holds something other than strings");
    }

    @Test
    void aMessageSentTheWrongWayIsRefused() {
        byte[] request = SideMessageCodec.encode(new ThreadsRequest(1));
        MalformedSideMessageException e = assertThrows(MalformedSideMessageException.class,
                () -> SideMessageCodec.decodeToKernel(request));
        assertTrue(e.getMessage().contains("sent the wrong way"), e.getMessage());
    }

    @Test
    void aBrokenRequestNamesItsIdSoThatItsSenderGetsAnAnswer() {
        MalformedSideMessageException e = assertThrows(MalformedSideMessageException.class,
                () -> SideMessageCodec.decodeToKernel(bytes("{\"type\":\"input\",\"id\":12,\"prompt\":3}")));
        assertEquals(12, e.requestId().getAsLong());
        MalformedSideMessageException noId = assertThrows(MalformedSideMessageException.class,
                () -> SideMessageCodec.decodeToKernel(bytes("{\"type\":\"clear\"}")));
        assertFalse(noId.requestId().isPresent());
    }

    @Test
    void resultsCarryTheFrameCountAndFlags() {
        TaggedResult tagged = TaggedResult.decode(new TaggedResult(42, "\"value\"", Flag.RICH).encode());
        assertEquals(new TaggedResult(42, Set.of(Flag.RICH), "\"value\""), tagged);
        assertTrue(tagged.has(Flag.RICH));
        assertEquals(new TaggedResult(-1, Set.of(), "plain"), TaggedResult.decode("plain"));
        assertEquals(new TaggedResult(0, Set.of(Flag.NULL, Flag.MORE), ""),
                TaggedResult.decode(new TaggedResult(0, "", Flag.NULL, Flag.MORE).encode()));
    }

    @Test
    void agentCommandsTravelByName() {
        for (AgentCommand command : AgentCommand.values()) {
            assertEquals(command, AgentCommand.of(command.methodName()));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AgentCommand.of("dance"));
        assertEquals("unknown agent command 'dance'", e.getMessage());
    }

    @Test
    void snippetInvokesCarryTheirCellAndWhetherToKeepTheValue() {
        for (SnippetInvoke invoke : List.of(new SnippetInvoke("do_it$", 12, true), new SnippetInvoke("do_it$", 0, false))) {
            assertEquals(invoke, SnippetInvoke.decode(invoke.encode()));
        }
        assertEquals(new SnippetInvoke("do_it$", OutputOrigin.NO_CELL, false), SnippetInvoke.decode("do_it$"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SnippetInvoke.decode("do_it$#x"));
        assertEquals("not a snippet invoke: 'do_it$#x'", e.getMessage());
    }

    @Test
    void outputChunksCarryTheirOrigin() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        OutputChunk.append(out, Frame.STDERR, new OutputOrigin(70_000, "pool-1-thread-2 ü"), bytes("xerr\n"), 1, 4);
        Frame frame = Frame.read(new DataInputStream(new ByteArrayInputStream(out.toByteArray())));
        assertEquals(Frame.STDERR, frame.kind());
        OutputChunk chunk = OutputChunk.decode(frame.payload());
        assertEquals(new OutputOrigin(70_000, "pool-1-thread-2 ü"), chunk.origin());
        assertEquals("err\n", new String(chunk.bytes(), StandardCharsets.UTF_8));
        IOException shortFrame = assertThrows(IOException.class, () -> OutputChunk.decode(new byte[] {0, 0, 0, 1, 0}));
        assertTrue(shortFrame.getMessage().contains("shorter than its header"), shortFrame.getMessage());
        IOException longName = assertThrows(IOException.class, () -> OutputChunk.decode(new byte[] {0, 0, 0, 1, 0, 9, 65}));
        assertTrue(longName.getMessage().contains("names a thread of 9 bytes but holds 1"), longName.getMessage());
    }

    @Test
    void framesReadBackAsWrittenAndABadLengthIsRefused() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Frame.append(out, Frame.STDOUT, bytes("xhello"), 1, 5);
        out.write(Frame.encode(Frame.MESSAGE, bytes("{}")));
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(out.toByteArray()));
        Frame first = Frame.read(in);
        assertEquals(Frame.STDOUT, first.kind());
        assertEquals("hello", new String(first.payload(), StandardCharsets.UTF_8));
        assertEquals("{}", new String(Frame.read(in).payload(), StandardCharsets.UTF_8));
        assertThrows(EOFException.class, () -> Frame.read(in));
        DataInputStream corrupt = new DataInputStream(new ByteArrayInputStream(new byte[] {1, (byte) 0xff, 0, 0, 0}));
        IOException e = assertThrows(IOException.class, () -> Frame.read(corrupt));
        assertTrue(e.getMessage().contains("bad side-channel frame length"), e.getMessage());
    }

    private static void assertMalformed(String what, String json, String expected) {
        MalformedSideMessageException e = assertThrows(MalformedSideMessageException.class,
                () -> SideMessageCodec.decodeToKernel(bytes(json)), what);
        assertTrue(e.getMessage().contains(expected), what + ": " + e.getMessage());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
