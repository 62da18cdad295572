package jconcur.kernel.engine;

import java.util.ArrayList;
import java.util.List;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;

/** Cuts a cell into the snippets JShell evaluates one at a time, remembering where each starts in the cell. */
final class CellSplitter {

    /**
     * One snippet of a cell.
     * @param source what JShell evaluates (may have a semicolon added)
     * @param start offset in the cell where the snippet's text starts
     * @param firstLine 0-based cell line of {@code start}
     */
    record Piece(String source, int start, int firstLine, Completeness completeness) {
        boolean endsWithSemicolon() {
            return source.stripTrailing().endsWith(";");
        }
    }

    private CellSplitter() {}

    static List<Piece> split(SourceCodeAnalysis analysis, String cell) {
        List<Piece> pieces = new ArrayList<>();
        int offset = 0;
        String rest = cell;
        while (!rest.isBlank()) {
            // JShell numbers lines from the first non-blank line, so start each snippet there.
            int blank = leadingBlankLines(rest);
            offset += blank;
            rest = rest.substring(blank);
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
            Completeness completeness = info.completeness();
            if (!completeness.isComplete() || info.source() == null) {
                // Incomplete or unknown tail: JShell's compiler says what is wrong with it.
                pieces.add(new Piece(rest, offset, lineOf(cell, offset), completeness));
                break;
            }
            int consumed = rest.length() - info.remaining().length();
            if (consumed <= 0) {
                pieces.add(new Piece(rest, offset, lineOf(cell, offset), completeness));
                break;
            }
            if (completeness != Completeness.EMPTY) {
                pieces.add(new Piece(info.source(), offset, lineOf(cell, offset), completeness));
            }
            offset += consumed;
            rest = info.remaining();
        }
        return pieces;
    }

    private static int leadingBlankLines(String text) {
        int cut = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                cut = i + 1;
            } else if (!Character.isWhitespace(c)) {
                break;
            }
        }
        return cut;
    }

    static int lineOf(String text, int offset) {
        int line = 0;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
