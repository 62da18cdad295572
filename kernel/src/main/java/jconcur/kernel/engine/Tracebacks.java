package jconcur.kernel.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import jconcur.concurrency.names.WrapperNames;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.UnresolvedReferenceException;
import jconcur.kernel.engine.ExecuteOutcome.Failed;

/**
 * Short, readable errors: compile errors with the cell line and a caret; exceptions as "Class: message" with
 * the frames of notebook code only (cell lines and source), causes included.
 */
final class Tracebacks {

    private static final int MAX_DIAGNOSTICS = 5;

    private final UserFrames frames;

    Tracebacks(UserFrames frames) {
        this.frames = frames;
    }

    static final String COMPILE_ERROR = "CompileError";
    static final String INTERRUPTED = "Interrupted";
    static final String UNRESOLVED = "UnresolvedReference";

    /** A snippet JShell rejected: its error diagnostics, positioned in the cell. */
    Failed compileError(String cell, CellSplitter.Piece piece, List<Diag> diagnostics) {
        List<Diag> errors = diagnostics.stream().filter(Diag::isError).limit(MAX_DIAGNOSTICS).toList();
        if (errors.isEmpty()) {
            int line = piece.firstLine() + 1;
            return new Failed(COMPILE_ERROR, "this code is not valid Java (line " + line + ")",
                    List.of(Ansi.BOLD_RED + "Compile error" + Ansi.RESET + " at line " + line
                            + ": this code is not valid Java", "  " + lineText(cell, piece.firstLine())));
        }
        List<String> traceback = new ArrayList<>();
        String evalue = null;
        for (Diag d : errors) {
            String[] message = d.getMessage(Locale.ROOT).split("\n");
            long position = d.getPosition() == Diagnostic.NOPOS ? d.getStartPosition() : d.getPosition();
            int offset = piece.start() + (int) Math.max(0, Math.min(position, piece.source().length()));
            offset = Math.min(offset, cell.length());
            int line = CellSplitter.lineOf(cell, offset);
            int column = offset - lineStart(cell, line);
            String headline = message[0].strip();
            if (evalue == null) {
                evalue = headline + " (line " + (line + 1) + ")";
            }
            traceback.add(Ansi.BOLD_RED + "Compile error" + Ansi.RESET + " at line " + (line + 1) + ": " + headline);
            String text = lineText(cell, line);
            traceback.add("    " + text);
            traceback.add("    " + " ".repeat(Math.min(column, text.length())) + Ansi.RED + "^" + Ansi.RESET);
            List<String> details = Arrays.stream(message).skip(1).map(String::strip)
                    // JShell wraps snippets in nameless classes: "location: class" says nothing.
                    .filter(detail -> !detail.isEmpty() && !detail.equals("location: class")).toList();
            details.forEach(detail -> traceback.add("  " + detail));
            CompileHints.hint(headline, details).ifPresent(hint -> traceback.add("  " + hint));
        }
        return new Failed(COMPILE_ERROR, evalue, traceback);
    }

    /** An exception the cell threw (or the interrupt, reported by JShell like one). */
    Failed exception(JShellException e, JShell jshell, int currentCell) {
        if (e instanceof EvalException ee && UserVmExecutionControl.INTERRUPTED.equals(ee.getExceptionClassName())) {
            List<String> traceback = new ArrayList<>();
            traceback.add(Ansi.BOLD_RED + INTERRUPTED + Ansi.RESET + ": the cell was stopped here");
            traceback.addAll(userFrames(ee.getStackTrace(), currentCell));
            return new Failed(INTERRUPTED, "the kernel interrupted this cell", traceback);
        }
        List<String> traceback = new ArrayList<>();
        List<String> enclosing = List.of();
        String ename = null;
        String evalue = null;
        for (JShellException x = e; x != null; x = x.getCause() instanceof JShellException c ? c : null) {
            String name = exceptionName(x);
            String message = message(x, jshell);
            if (ename == null) {
                ename = name;
                evalue = message;
            }
            String headline = (x == e ? "" : "Caused by: ") + Ansi.BOLD_RED + name + Ansi.RESET
                    + (message.isEmpty() ? "" : ": " + message);
            traceback.add(headline);
            List<String> own = userFrames(x.getStackTrace(), currentCell);
            int common = commonSuffix(own, enclosing);
            traceback.addAll(own.subList(0, own.size() - common));
            if (common > 0) {
                traceback.add("  ... " + common + " more");
            }
            enclosing = own;
        }
        return new Failed(ename, evalue, traceback);
    }

    /** The cell was interrupted before it reached user code (while compiling, say). */
    static Failed interrupted() {
        return new Failed(INTERRUPTED, "the kernel interrupted this cell",
                List.of(Ansi.BOLD_RED + INTERRUPTED + Ansi.RESET + ": the kernel interrupted this cell"));
    }

    /** Notebook frames, top first; runs of one frame (deep recursion) are folded into one line and a count. */
    private List<String> userFrames(StackTraceElement[] stack, int currentCell) {
        List<String> lines = new ArrayList<>();
        int repeats = 0;
        StackTraceElement above = null;
        for (StackTraceElement frame : stack) {
            boolean bridge = isBridge(frame, above);
            above = frame;
            if (bridge) {
                continue;
            }
            var described = frames.describe(frame, currentCell);
            if (described.isEmpty()) {
                continue;
            }
            if (!lines.isEmpty() && lines.get(lines.size() - 1).equals(described.get())) {
                repeats++;
                continue;
            }
            addRepeats(lines, repeats);
            repeats = 0;
            lines.add(described.get());
        }
        addRepeats(lines, repeats);
        return lines;
    }

    /**
     * A compiler-generated bridge method (compute() of a RecursiveTask<Integer>, compareTo of a Comparable<T>):
     * it calls the method of the same name just above and carries the line of the class declaration (line 1).
     */
    private static boolean isBridge(StackTraceElement frame, StackTraceElement above) {
        // Methods of the notebook itself (class name "") have no bridges: their recursion must stay visible.
        return above != null && frame.getLineNumber() == 1 && above.getLineNumber() != 1
                && !frame.getClassName().isEmpty() && frame.getClassName().equals(above.getClassName())
                && frame.getMethodName().equals(above.getMethodName())
                && Objects.equals(frame.getFileName(), above.getFileName());
    }

    private static void addRepeats(List<String> lines, int repeats) {
        if (repeats > 0) {
            lines.add("  [the line above repeats " + repeats + " more time" + (repeats == 1 ? "" : "s") + "]");
        }
    }

    private static int commonSuffix(List<String> a, List<String> b) {
        int n = 0;
        while (n < a.size() && n < b.size() && a.get(a.size() - 1 - n).equals(b.get(b.size() - 1 - n))) {
            n++;
        }
        // Keep at least the frame where the cause was thrown.
        return Math.min(n, Math.max(0, a.size() - 1));
    }

    private static String exceptionName(JShellException x) {
        if (x instanceof EvalException ee) {
            return WrapperNames.expunge(ee.getExceptionClassName());
        }
        return UNRESOLVED;
    }

    private static String message(JShellException x, JShell jshell) {
        if (x instanceof UnresolvedReferenceException ure) {
            DeclarationSnippet snippet = ure.getSnippet();
            String missing;
            try {
                missing = jshell.unresolvedDependencies(snippet).collect(Collectors.joining(", "));
            } catch (IllegalStateException | IllegalArgumentException e) {
                missing = "";
            }
            return snippet.name() + " cannot be used until " + (missing.isEmpty() ? "what it needs" : missing)
                    + " is declared";
        }
        String message = x.getMessage();
        return message == null ? "" : WrapperNames.expunge(message);
    }

    private static String lineText(String cell, int line) {
        int start = lineStart(cell, line);
        int end = cell.indexOf('\n', start);
        return cell.substring(start, end < 0 ? cell.length() : end).stripTrailing().replace('\t', ' ');
    }

    private static int lineStart(String cell, int line) {
        int start = 0;
        for (int i = 0; i < line; i++) {
            int next = cell.indexOf('\n', start);
            if (next < 0) {
                return cell.length();
            }
            start = next + 1;
        }
        return start;
    }
}
