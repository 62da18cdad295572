package jconcur.kernel.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import jconcur.display.MimeBundle;
import jconcur.kernel.engine.EngineOutput.Stream;
import jconcur.kernel.engine.ExecuteOutcome.Failed;
import jconcur.kernel.engine.ExecuteOutcome.Ok;
import jconcur.kernel.link.MalformedSideMessageException;
import jconcur.kernel.link.SideMessageCodec;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.VarSnippet;
import jdk.jshell.spi.ExecutionControl.EngineTerminationException;
import jdk.jshell.spi.ExecutionControl.ExecutionControlException;
import jdk.jshell.spi.ExecutionControl.StoppedException;

/**
 * One execute request: runs the snippets of a cell in order in a session, stopping at the first error,
 * and turns what happened into an outcome. Also what an interrupt acts on.
 */
final class CellExecution {

    static final int KEPT_TEMPORARIES = 20;

    final int serial;
    /** The count the notebook shows for the cell ([n]), or 0. */
    final int executionCount;
    /** The number the kernel routes output of the cell's code and of the threads it starts by. */
    final int outputCell;
    final CountDownLatch finished = new CountDownLatch(1);
    final CompletableFuture<Void> interruptRequested = new CompletableFuture<>();
    volatile UserVmSession session;

    CellExecution(int serial, int executionCount, int outputCell) {
        this.serial = serial;
        this.executionCount = executionCount;
        this.outputCell = outputCell;
    }

    boolean interrupted() {
        return interruptRequested.isDone();
    }

    /** How running a cell ended: with an outcome, or with the user VM gone (the session then says why). */
    sealed interface Result {
        record Ran(ExecuteOutcome outcome) implements Result {}
        record VmEnded() implements Result {}
    }

    /** Runs the cell; session is alive at the start. */
    Result run(String code, EngineOutput output) {
        UserVmSession s = session;
        JShell jshell = s.jshell();
        Tracebacks tracebacks = new Tracebacks(new UserFrames(s.origins()));
        List<CellSplitter.Piece> pieces = CellSplitter.split(jshell.sourceCodeAnalysis(), code);
        s.control().outputCell(outputCell);
        Optional<MimeBundle> result = Optional.empty();
        List<String> declared = new ArrayList<>();
        List<DeclarationSnippet> unresolved = new ArrayList<>();
        for (int i = 0; i < pieces.size(); i++) {
            if (interrupted()) {
                return new Result.Ran(Tracebacks.interrupted());
            }
            CellSplitter.Piece piece = pieces.get(i);
            // As in IPython, a final statement ending in ';' shows no value: `display(x);`, `out.printf(...);`.
            boolean wantsValue = i == pieces.size() - 1 && !piece.endsWithSemicolon();
            s.control().keepNextValue(wantsValue);
            s.control().clearStopped(); // a declaration runs no code: an earlier snippet's stop must not count
            List<SnippetEvent> events;
            s.origins().evaluating(serial, executionCount, piece.firstLine(), piece.source());
            try {
                events = jshell.eval(piece.source());
            } catch (IllegalStateException closed) {
                return new Result.VmEnded(); // the session ended before or during this snippet
            }
            if (!events.isEmpty()) {
                // Recorded before anything else: a report on a VM that died in this snippet names its lines.
                Snippet snippet = events.get(0).snippet();
                s.origins().record(snippet.id(), new SnippetOrigins.Origin(serial, executionCount, piece.firstLine(),
                        piece.source(), wrapper(jshell, snippet)));
            }
            if (!s.isAlive()) {
                return new Result.VmEnded();
            }
            if (events.isEmpty()) {
                continue;
            }
            SnippetEvent event = events.get(0);
            Snippet snippet = event.snippet();
            if (event.exception() != null) {
                return new Result.Ran(withDeclaredBefore(tracebacks.exception(event.exception(), jshell, serial), declared));
            }
            if (s.control().wasStopped()) {
                return new Result.Ran(Tracebacks.interrupted());
            }
            if (event.status() == Snippet.Status.REJECTED) {
                return new Result.Ran(withDeclaredBefore(tracebacks.compileError(code, piece, jshell.diagnostics(snippet).toList()),
                        declared));
            }
            SnippetNotes.declared(snippet).ifPresent(declared::add);
            // Notes, not errors: on stdout, because nbgrader fails a test cell on any stderr output.
            SnippetNotes.of(jshell, events).forEach(note -> output.stream(Stream.STDOUT, "Note: " + note + "\n"));
            if (isUnresolved(event.status()) && snippet instanceof DeclarationSnippet declaration) {
                unresolved.add(declaration);
            }
            if (wantsValue && showsValue(snippet) && event.value() != null && !s.control().displayIdReturned()) {
                try {
                    result = Optional.of(render(s, event.value(), output));
                } catch (StoppedException e) {
                    return new Result.Ran(Tracebacks.interrupted());
                } catch (EngineTerminationException e) {
                    return new Result.VmEnded();
                }
            }
        }
        noteUnresolved(jshell, unresolved, output);
        dropOldTemporaries(jshell);
        return new Result.Ran(new Ok(result));
    }

    /**
     * JShell keeps the value of every expression cell in a temporary variable ($1, $2, ...) and imports all of
     * them into each later snippet, so compiling gets slower and the kernel heap grows with every such cell.
     * A notebook never shows these names; the oldest ones beyond the last {@value #KEPT_TEMPORARIES} go.
     */
    private static void dropOldTemporaries(JShell jshell) {
        List<VarSnippet> temporaries = jshell.variables()
                .filter(v -> v.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND).toList();
        for (int i = 0; i < temporaries.size() - KEPT_TEMPORARIES; i++) {
            jshell.drop(temporaries.get(i));
        }
    }

    private static jdk.jshell.SourceCodeAnalysis.SnippetWrapper wrapper(JShell jshell, Snippet snippet) {
        try {
            return snippet.kind() == Snippet.Kind.ERRONEOUS ? null : jshell.sourceCodeAnalysis().wrapper(snippet);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** IPython-like: a cell shows the value of a final expression, not of declarations or assignments. */
    private static boolean showsValue(Snippet snippet) {
        return switch (snippet.subKind()) {
            case TEMP_VAR_EXPRESSION_SUBKIND, VAR_VALUE_SUBKIND, OTHER_EXPRESSION_SUBKIND -> true;
            default -> false;
        };
    }

    private static MimeBundle render(UserVmSession s, String text, EngineOutput output)
            throws StoppedException, EngineTerminationException {
        String json;
        try {
            json = s.control().renderKeptValue();
        } catch (StoppedException | EngineTerminationException e) {
            throw e;
        } catch (ExecutionControlException e) {
            output.stream(Stream.STDERR, "[jconcur] the rich rendering of this value failed (" + e.getMessage()
                    + "); showing its text\n");
            json = null;
        }
        if (json == null) {
            return MimeBundle.text(text);
        }
        try {
            MimeBundle bundle = SideMessageCodec.bundleFromJson(json);
            Map<String, Object> data = new LinkedHashMap<>(bundle.data());
            data.putIfAbsent("text/plain", text);
            return new MimeBundle(data, bundle.metadata());
        } catch (MalformedSideMessageException e) {
            return MimeBundle.text(text);
        }
    }

    /**
     * A cell runs snippet by snippet and stops at the first error: what the snippets before it declared stays
     * defined, which the error says, so that a cell that failed halfway does not look as if nothing happened.
     */
    private static Failed withDeclaredBefore(Failed failed, List<String> declared) {
        if (declared.isEmpty()) {
            return failed;
        }
        List<String> traceback = new ArrayList<>(failed.traceback());
        traceback.add("The code before the error ran; still defined from it: " + String.join(", ", declared)
                + ". The code after it did not run.");
        return new Failed(failed.ename(), failed.evalue(), traceback);
    }

    private static boolean isUnresolved(Snippet.Status status) {
        return status == Snippet.Status.RECOVERABLE_DEFINED || status == Snippet.Status.RECOVERABLE_NOT_DEFINED;
    }

    /**
     * JShell accepts a declaration that uses something not declared yet; say what it still waits for when the
     * cell ends (a later line of the same cell often declares it). On stdout: it is a note, and nbgrader fails a
     * test cell on any stderr output.
     */
    private static void noteUnresolved(JShell jshell, List<DeclarationSnippet> declarations, EngineOutput output) {
        for (DeclarationSnippet declaration : declarations) {
            if (isUnresolved(jshell.status(declaration))) {
                String missing = jshell.unresolvedDependencies(declaration).collect(Collectors.joining(", "));
                output.stream(Stream.STDOUT, "Note: " + declaration.name() + " can be used once " + missing
                        + " is declared.\n");
            }
        }
    }
}
