package jconcur.kernel.engine;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import jconcur.concurrency.names.WrapperNames;
import jdk.jshell.SourceCodeAnalysis.SnippetWrapper;

/**
 * Where each snippet of one JShell session came from (which cell, which cell line), and how its compiled
 * wrapper class maps back to it, to name notebook frames in tracebacks and thread reports.
 */
final class SnippetOrigins {

    /**
     * @param cell serial number of the cell in this session
     * @param executionCount the count the notebook shows for the cell ([n]), or 0
     * @param firstLine 0-based line of the cell where the snippet starts
     * @param wrapper JShell's wrapping of the snippet, or null when it has none
     */
    record Origin(int cell, int executionCount, int firstLine, String source, SnippetWrapper wrapper) {

        /** 1-based cell line of a 1-based snippet line. */
        int cellLine(int snippetLine) {
            return firstLine + Math.max(1, snippetLine);
        }

        /** The text of a 1-based snippet line, trimmed, or "" if there is no such line. */
        String text(int snippetLine) {
            String[] lines = source.split("\n", -1);
            return snippetLine >= 1 && snippetLine <= lines.length ? lines[snippetLine - 1].strip() : "";
        }
    }

    private final Map<String, Origin> origins = new ConcurrentHashMap<>();
    /** The snippet being evaluated, before JShell gives it an id (see {@link #loaded}). */
    private volatile Origin evaluating;
    private final Map<String, String> idByClass = new ConcurrentHashMap<>();

    void record(String snippetId, Origin origin) {
        origins.put(snippetId, origin);
        if (origin.wrapper() != null) {
            idByClass.put(origin.wrapper().fullClassName(), snippetId);
        }
    }

    /** A snippet of this cell and line is about to be evaluated (cheap: no wrapper yet). */
    void evaluating(int cell, int executionCount, int firstLine, String source) {
        evaluating = new Origin(cell, executionCount, firstLine, source, null);
    }

    /**
     * The snippet being evaluated was compiled and loaded as wrapper, before it runs: record its origin now, so
     * that frames of the running snippet map to cell lines (the debugger needs them before eval returns).
     */
    void loaded(String snippetId, SnippetWrapper wrapper) {
        Origin pending = evaluating;
        if (pending != null) {
            record(snippetId, new Origin(pending.cell(), pending.executionCount(), pending.firstLine(),
                    pending.source(), wrapper));
        }
    }

    /** The id of the snippet a top-level wrapper class (REPL.$JShell$12) was compiled from. */
    Optional<String> snippetIdOf(String wrapperClassName) {
        return Optional.ofNullable(idByClass.get(wrapperClassName));
    }

    Optional<Origin> of(String snippetId) {
        return Optional.ofNullable(origins.get(snippetId));
    }

    /**
     * Translates a raw frame of compiled notebook code (wrapper class, wrapper line) the way JShell translates
     * exception stacks: class without the wrapper, file "#snippet id", line within the snippet.
     */
    Optional<StackTraceElement> translate(String className, String method, int wrappedLine) {
        Optional<WrapperNames.WrapperClass> wrapper = WrapperNames.parse(className);
        String id = wrapper.map(w -> idByClass.get(w.wrapper())).orElse(null);
        Origin origin = id == null ? null : origins.get(id);
        if (origin == null) {
            return Optional.empty();
        }
        return Optional.of(new StackTraceElement(wrapper.get().declared(), method, "#" + id,
                snippetLine(origin, wrappedLine)));
    }

    private static int snippetLine(Origin origin, int wrappedLine) {
        String wrapped = origin.wrapper().wrapped();
        int position = 0;
        for (int line = 1; line < wrappedLine && position >= 0; line++) {
            int next = wrapped.indexOf('\n', position);
            position = next < 0 ? -1 : next + 1;
        }
        if (position < 0) {
            return 1;
        }
        while (position < wrapped.length() && wrapped.charAt(position) == ' ') {
            position++;
        }
        int sourcePosition = origin.wrapper().wrappedToSourcePosition(position);
        if (sourcePosition < 0) {
            return 1;
        }
        return CellSplitter.lineOf(origin.source(), Math.min(sourcePosition, origin.source().length())) + 1;
    }
}
