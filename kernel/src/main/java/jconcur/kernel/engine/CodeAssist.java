package jconcur.kernel.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jconcur.display.MimeBundle;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;

/** Completion, documentation and completeness of notebook code, from JShell's source analysis (kernel side). */
final class CodeAssist {


    private final SyntaxCheck syntax = new SyntaxCheck();
    private final HelperJavadoc helperJavadoc = new HelperJavadoc();

    /** The snippet of a cell that the cursor is in: its start offset in the cell. */
    private static int snippetStart(SourceCodeAnalysis analysis, String code, int cursor) {
        List<CellSplitter.Piece> pieces = CellSplitter.split(analysis, code.substring(0, cursor));
        if (pieces.isEmpty()) {
            return cursor;
        }
        CellSplitter.Piece last = pieces.get(pieces.size() - 1);
        String text = last.source().strip();
        // After a finished statement or declaration the cursor starts a new snippet.
        boolean closed = last.completeness() == Completeness.COMPLETE && (text.endsWith(";") || text.endsWith("}"));
        return closed ? cursor : last.start();
    }

    Completion complete(JShell jshell, String code, int cursorPos) {
        int cursor = Math.max(0, Math.min(cursorPos, code.length()));
        SourceCodeAnalysis analysis = jshell.sourceCodeAnalysis();
        int start = snippetStart(analysis, code, cursor);
        // The cell's earlier declarations are not in JShell's state yet: as locals of a block around the snippet,
        // completion knows them (var list = List.of(1, 2); list.str -> stream()).
        String earlier = earlierDeclarations(analysis, code.substring(0, start));
        String prefix = earlier.isEmpty() ? "" : "{\n" + earlier;
        int[] anchor = new int[1];
        List<SourceCodeAnalysis.Suggestion> suggestions =
                analysis.completionSuggestions(prefix + code.substring(start), prefix.length() + cursor - start, anchor);
        if (suggestions.isEmpty() && !prefix.isEmpty()) {
            prefix = "";
            suggestions = analysis.completionSuggestions(code.substring(start), cursor - start, anchor);
        }
        anchor[0] -= prefix.length();
        Set<String> matches = new LinkedHashSet<>();
        suggestions.stream().filter(SourceCodeAnalysis.Suggestion::matchesType)
                .forEach(s -> matches.add(s.continuation()));
        suggestions.forEach(s -> matches.add(s.continuation()));
        int from = suggestions.isEmpty() ? cursor : start + anchor[0];
        return new Completion(List.copyOf(matches), from, cursor);
    }

    /**
     * The variable declarations among the snippets of code, each on its own line; "" if none. Not types: a type
     * declared in a block leaves JShell's analysis unable to find documentation afterwards.
     */
    private static String earlierDeclarations(SourceCodeAnalysis analysis, String code) {
        StringBuilder declarations = new StringBuilder();
        for (CellSplitter.Piece piece : CellSplitter.split(analysis, code)) {
            if (!piece.completeness().isComplete()) {
                continue;
            }
            List<Snippet> snippets = analysis.sourceToSnippets(piece.source());
            if (!snippets.isEmpty() && snippets.get(0).kind() == Snippet.Kind.VAR) {
                declarations.append(piece.source().strip()).append('\n');
            }
        }
        return declarations.toString();
    }

    Inspection inspect(JShell jshell, String code, int cursorPos) {
        int cursor = Math.max(0, Math.min(cursorPos, code.length()));
        SourceCodeAnalysis analysis = jshell.sourceCodeAnalysis();
        int start = snippetStart(analysis, code, cursor);
        String snippet = code.substring(start);
        int at = cursor - start;
        int nameEnd = at;
        while (nameEnd < snippet.length() && Character.isJavaIdentifierPart(snippet.charAt(nameEnd))) {
            nameEnd++;
        }
        String upToName = snippet.substring(0, nameEnd);
        // JShell documents a method when the cursor is inside its argument list, a type or variable right
        // after its name, and otherwise the invocation around the cursor.
        List<SourceCodeAnalysis.Documentation> docs = analysis.documentation(upToName + "(", nameEnd + 1, true);
        if (docs.isEmpty()) {
            docs = analysis.documentation(upToName, nameEnd, true);
        }
        if (docs.isEmpty()) {
            docs = analysis.documentation(snippet, at, true);
        }
        if (docs.isEmpty()) {
            return new Inspection(Optional.empty());
        }
        List<String> plain = new ArrayList<>();
        List<String> markdown = new ArrayList<>();
        for (SourceCodeAnalysis.Documentation doc : docs) {
            String javadoc = doc.javadoc() == null || doc.javadoc().isBlank()
                    ? helperJavadoc.find(doc.signature()).orElse("") : doc.javadoc().strip();
            String signatureBlock = "```java\n" + doc.signature() + "\n```";
            plain.add(javadoc.isEmpty() ? doc.signature() : doc.signature() + "\n\n" + JavadocText.plain(javadoc));
            markdown.add(javadoc.isEmpty() ? signatureBlock : signatureBlock + "\n\n" + JavadocText.markdown(javadoc));
        }
        return new Inspection(Optional.of(new MimeBundle(Map.of("text/plain", String.join("\n\n", plain),
                "text/markdown", String.join("\n\n---\n\n", markdown)), Map.of())));
    }

    IsComplete isComplete(JShell jshell, String code) {
        if (code.isBlank()) {
            return new IsComplete(IsComplete.Status.COMPLETE, "");
        }
        List<CellSplitter.Piece> pieces = CellSplitter.split(jshell.sourceCodeAnalysis(), code);
        for (int i = 0; i < pieces.size(); i++) {
            CellSplitter.Piece piece = pieces.get(i);
            Completeness completeness = piece.completeness();
            if (completeness == Completeness.UNKNOWN) {
                return new IsComplete(IsComplete.Status.INVALID, "");
            }
            SyntaxCheck.Verdict verdict = syntax.check(piece.source());
            if (verdict == SyntaxCheck.Verdict.INVALID) {
                return new IsComplete(IsComplete.Status.INVALID, "");
            }
            if (!completeness.isComplete()) {
                return verdict == SyntaxCheck.Verdict.VALID && completeness == Completeness.CONSIDERED_INCOMPLETE
                        ? new IsComplete(IsComplete.Status.COMPLETE, "")
                        : new IsComplete(IsComplete.Status.INCOMPLETE, nextIndent(code));
            }
        }
        return new IsComplete(IsComplete.Status.COMPLETE, "");
    }

    /** Indent for the next line: that of the last line, one level deeper after an opening bracket. */
    static String nextIndent(String code) {
        String[] lines = code.stripTrailing().split("\n");
        String last = lines[lines.length - 1];
        String indent = last.substring(0, last.length() - last.stripLeading().length());
        String end = last.strip();
        boolean opens = end.endsWith("{") || end.endsWith("(") || end.endsWith("[") || end.endsWith("->");
        return opens ? indent + "    " : indent;
    }
}
