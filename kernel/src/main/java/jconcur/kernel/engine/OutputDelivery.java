package jconcur.kernel.engine;

import jconcur.kernel.engine.EngineOutput.Stream;
import jconcur.kernel.log.Log;
import jconcur.kernel.uservm.Wire;

/**
 * Passes stdout/stderr frames of the user VM to the notebook, decoding UTF-8 split across frames, with frames
 * of notebook code in stack traces named by cell line.
 */
final class OutputDelivery {

    private final EngineOutput output;
    /** Keeps the last lines of stderr for the report when the user VM dies. */
    private final LineTail stderrTail;
    private final Utf8Decoder stdout = new Utf8Decoder();
    private final Utf8Decoder stderr = new Utf8Decoder();

    private final FrameLines frameLines;

    OutputDelivery(EngineOutput output, LineTail stderrTail, FrameLines frameLines) {
        this.output = output;
        this.stderrTail = stderrTail;
        this.frameLines = frameLines;
    }

    void deliver(byte kind, byte[] bytes) {
        if (kind == Wire.FRAME_STDERR) {
            String text = stderr.decode(bytes);
            stderrTail.append(text);
            emit(Stream.STDERR, text);
        } else {
            emit(Stream.STDOUT, stdout.decode(bytes));
        }
    }

    private void emit(Stream stream, String text) {
        if (text.isEmpty()) {
            return;
        }
        try {
            output.stream(stream, frameLines.rewrite(text));
        } catch (RuntimeException e) {
            // A failing front end must not stop the channel that also carries displays and input.
            Log.warn("could not pass user VM output on: %s", e);
        }
    }
}
