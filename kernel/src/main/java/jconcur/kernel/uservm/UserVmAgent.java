package jconcur.kernel.uservm;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.concurrent.Callable;
import jconcur.kernel.link.AgentCommand;
import jconcur.kernel.link.OutputOrigin;
import jconcur.kernel.link.SnippetInvoke;
import jconcur.kernel.link.TaggedResult;
import jconcur.kernel.link.TaggedResult.Flag;
import jdk.jshell.execution.DirectExecutionControl;
import jdk.jshell.spi.SPIResolutionException;

/**
 * The execution engine inside the user VM: JShell's direct execution, with user code stoppable by the kernel
 * (see {@link UserCode}), output sent per cell, and the last value kept for rich rendering.
 * Results and exception messages of user code are tagged with the number of side-channel frames sent by then
 * (see {@link TaggedResult}), so that the kernel shows a cell's output before its result.
 */
final class UserVmAgent extends DirectExecutionControl {

    private final OutputBatcher output;
    /** The value of the last invoke that asked to keep it, until the kernel renders it or the next invoke. */
    private Object keptValue;
    /** The output cell of the last snippet: later commands (render, a variable's value) run for it too. */
    private int cell = OutputOrigin.NO_CELL;
    /** The rendering the kernel is reading piece by piece, and how far it has read. */
    private String rendered;
    private int renderedSent;

    UserVmAgent(OutputBatcher output) {
        this.output = output;
    }

    private record Value(Object value, String text) {}

    @Override
    public String invoke(String className, String methodName) throws RunException, InternalException {
        if (AgentCommand.CLASS_NAME.equals(className)) {
            return command(methodName);
        }
        SnippetInvoke snippet;
        try {
            snippet = SnippetInvoke.decode(methodName);
        } catch (IllegalArgumentException e) {
            throw new InternalException(e.getMessage());
        }
        boolean keep = snippet.keepValue();
        String name = snippet.methodName();
        cell = snippet.outputCell();
        keptValue = null;
        Method doit;
        try {
            doit = findClass(className).getDeclaredMethod(name);
            doit.setAccessible(true);
        } catch (Throwable e) {
            throw new InternalException(e.toString());
        }
        // Only a value the cell shows is turned into text: toString() of a large declared value can take seconds.
        Value value = runCell(() -> {
            Object v = doit.invoke(null);
            return new Value(v, keep ? valueString(v) : "");
        });
        boolean rich = keep && Rendering.mayBeRich(value.value());
        if (rich) {
            keptValue = value.value();
        }
        Flag[] flags = rich ? new Flag[] {Flag.RICH}
                : keep && Notebook.isLastDisplayId(value.value()) ? new Flag[] {Flag.DISPLAY_ID} : new Flag[0];
        return new TaggedResult(output.framesSent(), value.text(), flags).encode();
    }

    @Override
    public String varValue(String className, String varName) throws RunException, InternalException {
        Field field;
        try {
            field = findClass(className).getDeclaredField(varName);
            field.setAccessible(true);
        } catch (Throwable e) {
            throw new InternalException(e.toString());
        }
        String text = runCell(() -> valueString(field.get(null)));
        return new TaggedResult(output.framesSent(), text).encode();
    }

    /** A command of the kernel (see {@link AgentCommand}); its result is tagged like a cell's. */
    private String command(String methodName) throws RunException, InternalException {
        AgentCommand command;
        try {
            command = AgentCommand.of(methodName);
        } catch (IllegalArgumentException e) {
            throw new InternalException(e.getMessage());
        }
        return switch (command) {
            case RENDER -> {
                Object value = keptValue;
                keptValue = null;
                String json = runCell(() -> richJson(value));
                if (json == null) {
                    yield new TaggedResult(output.framesSent(), "", Flag.NULL).encode();
                }
                rendered = json;
                renderedSent = 0;
                yield nextRenderedPiece();
            }
            case RENDER_MORE -> {
                if (rendered == null) {
                    throw new InternalException("render-more without a rendering in progress");
                }
                yield nextRenderedPiece();
            }
            case SYNC -> {
                output.flush();
                yield new TaggedResult(output.framesSent(), "").encode();
            }
        };
    }

    /** The next piece of the rendering being read, flagged FLAG_MORE unless it is the last. */
    private String nextRenderedPiece() {
        int end = Math.min(rendered.length(), renderedSent + AgentCommand.MAX_RESULT_PIECE);
        String piece = rendered.substring(renderedSent, end);
        boolean more = end < rendered.length();
        renderedSent = end;
        if (!more) {
            rendered = null;
        }
        return more ? new TaggedResult(output.framesSent(), piece, Flag.MORE).encode()
                : new TaggedResult(output.framesSent(), piece).encode();
    }

    /** The rich rendering of a cell's value as JSON, or null to show its text (also when it is too big). */
    private static String richJson(Object value) {
        try {
            return Rendering.rich(value).map(Rendering::toJson).orElse(null);
        } catch (IllegalArgumentException tooBig) {
            System.err.println("[jconcur] " + tooBig.getMessage() + "; showing the value's text instead");
            return null;
        }
    }

    @Override
    public void stop() {
        // The kernel stops user code through JDI (see UserCode); nothing to do on the command channel.
    }

    /** Runs user code of the current cell; this thread and the threads it starts print for that cell. */
    private <T> T runCell(Callable<T> body) throws RunException {
        UserCode.Outcome<T> outcome;
        OutputCell.enter(cell);
        output.startCell(cell);
        try {
            outcome = UserCode.run(body);
        } finally {
            output.endCell();
        }
        return switch (outcome) {
            case UserCode.Outcome.Returned<T> r -> r.value();
            case UserCode.Outcome.Stopped<T> s -> throw new UserException(
                    new TaggedResult(output.framesSent(), UserCode.SIGNAL.getMessage()).encode(),
                    CellInterrupted.class.getName(), new StackTraceElement[0]);
            case UserCode.Outcome.Threw<T> t -> throw convert(t.cause(), 0);
        };
    }

    /** What JShell's DirectExecutionControl does with a user exception, with the outermost message tagged. */
    private RunException convert(Throwable t, int depth) {
        if (t instanceof SPIResolutionException sre) {
            return new ResolutionException(sre.id(), sre.getStackTrace());
        }
        String message = t.getMessage();
        if (depth == 0) {
            message = message == null ? new TaggedResult(output.framesSent(), "", Flag.NULL).encode()
                    : new TaggedResult(output.framesSent(), message).encode();
        }
        UserException converted = new UserException(message, t.getClass().getName(), t.getStackTrace());
        Throwable cause = t.getCause();
        // Causes can form a cycle; Throwable.printStackTrace stops too.
        converted.initCause(cause == null || cause == t || depth > 20 ? null : convert(cause, depth + 1));
        return converted;
    }
}
