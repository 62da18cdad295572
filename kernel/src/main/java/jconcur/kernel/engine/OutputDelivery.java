package jconcur.kernel.engine;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import jconcur.kernel.engine.EngineOutput.Printed;
import jconcur.kernel.engine.EngineOutput.Stream;
import jconcur.kernel.link.Frame;
import jconcur.kernel.link.OutputChunk;
import jconcur.kernel.log.Log;

/**
 * Passes stdout/stderr frames of the user VM to the notebook, a batch at a time, decoding UTF-8 split across
 * frames, with frames of notebook code in stack traces named by cell line.
 */
final class OutputDelivery {

    private final EngineOutput output;
    /** Keeps the last lines of stderr for the report when the user VM dies. */
    private final LineTail stderrTail;
    private final Utf8Decoder stdout = new Utf8Decoder();
    private final Utf8Decoder stderr = new Utf8Decoder();
    private final FrameLines frameLines;
    private final List<Printed> batch = new ArrayList<>();

    OutputDelivery(EngineOutput output, LineTail stderrTail, FrameLines frameLines) {
        this.output = output;
        this.stderrTail = stderrTail;
        this.frameLines = frameLines;
    }

    /** Adds one frame to the batch. */
    void add(byte kind, byte[] payload) {
        OutputChunk chunk;
        try {
            chunk = OutputChunk.decode(payload);
        } catch (IOException e) {
            Log.warn("broken output frame from the user VM: %s", e.getMessage());
            return;
        }
        String text;
        Stream stream;
        if (kind == Frame.STDERR) {
            stream = Stream.STDERR;
            text = stderr.decode(chunk.bytes());
            stderrTail.append(text);
        } else {
            stream = Stream.STDOUT;
            text = stdout.decode(chunk.bytes());
        }
        if (!text.isEmpty()) {
            batch.add(new Printed(stream, frameLines.rewrite(text), chunk.origin()));
        }
    }

    /** Sends the batch to the notebook. */
    void flush() {
        if (batch.isEmpty()) {
            return;
        }
        try {
            output.print(List.copyOf(batch));
        } catch (RuntimeException e) {
            // A failing front end must not stop the channel that also carries displays and input.
            Log.warn("could not pass user VM output on: %s", e);
        } finally {
            batch.clear();
        }
    }
}
