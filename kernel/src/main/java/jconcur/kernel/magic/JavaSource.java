package jconcur.kernel.magic;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough lexical knowledge of Java to rewrite cells for magics: where top-level members start and end
 * (skipping strings, text blocks, char literals and comments), whether a piece of code is a single
 * expression, and how to write a String literal.
 */
final class JavaSource {

    private JavaSource() {}

    /** One member at brace depth 0: ends at a ';' at depth 0 or at the '}' that returns to depth 0. */
    record Member(String text, boolean typeDeclaration, boolean importDeclaration) {}

    private static final Set<String> TYPE_KEYWORDS = Set.of("class", "interface", "enum", "record");
    private static final Pattern TYPE_NAME =
            Pattern.compile("(?:^|[^.\\w$])(?:class|interface|enum|record)\\s+([A-Za-z_$][\\w$]*)");

    /** Splits code into its top-level members; comments stay with the member that follows them. */
    static List<Member> topLevelMembers(String code) {
        List<Member> members = new ArrayList<>();
        String masked = maskLiteralsAndComments(code);
        int depth = 0;
        int start = 0;
        for (int i = 0; i < masked.length(); i++) {
            char c = masked.charAt(i);
            if (c == '{' || c == '(' || c == '[') {
                depth++;
            } else if (c == '}' || c == ')' || c == ']') {
                depth--;
                if (c == '}' && depth == 0 && !continuesAfterBrace(masked, i + 1)) {
                    members.add(member(code, masked, start, i + 1));
                    start = i + 1;
                }
            } else if (c == ';' && depth == 0) {
                members.add(member(code, masked, start, i + 1));
                start = i + 1;
            }
        }
        if (!masked.substring(start).isBlank()) {
            members.add(member(code, masked, start, masked.length()));
        }
        members.removeIf(m -> maskLiteralsAndComments(m.text()).replace(";", "").isBlank());
        return members;
    }

    /** A '}' followed by ';' or ',' or ')' (an initializer or lambda inside a declaration) does not end it. */
    private static boolean continuesAfterBrace(String masked, int from) {
        for (int i = from; i < masked.length(); i++) {
            char c = masked.charAt(i);
            if (!Character.isWhitespace(c)) {
                return c == ';' || c == ',' || c == ')' || c == '.';
            }
        }
        return false;
    }

    private static Member member(String code, String masked, int start, int end) {
        String head = masked.substring(start, end);
        int brace = head.indexOf('{');
        String beforeBody = brace < 0 ? head : head.substring(0, brace);
        boolean type = false;
        for (String word : beforeBody.replaceAll("@[\\w.]+(\\s*\\([^)]*\\))?", " ").split("[^\\w$.]+")) {
            if (TYPE_KEYWORDS.contains(word)) {
                type = true;
                break;
            }
        }
        boolean isImport = beforeBody.strip().startsWith("import ") || beforeBody.strip().startsWith("import\t");
        return new Member(code.substring(start, end), type && brace >= 0, isImport);
    }

    /** Names of the types declared by a top-level type declaration member. */
    static String declaredTypeName(String member) {
        String masked = maskLiteralsAndComments(member);
        int brace = masked.indexOf('{');
        Matcher m = TYPE_NAME.matcher(brace < 0 ? masked : masked.substring(0, brace));
        return m.find() ? m.group(1) : null;
    }

    private static final Set<String> STATEMENT_STARTS = Set.of(
            "class", "interface", "enum", "record", "import", "public", "private", "protected", "static", "final",
            "abstract", "sealed", "non-sealed", "void", "var", "if", "for", "while", "do", "try", "switch",
            "return", "throw", "synchronized", "break", "continue", "assert", "yield", "default");
    private static final Pattern DECLARATION = Pattern.compile(
            "^[A-Za-z_$][\\w$]*(\\s*\\.\\s*[A-Za-z_$][\\w$]*)*\\s*(<.*>)?\\s*(\\[\\s*]\\s*)*\\s+[A-Za-z_$][\\w$]*\\s*(=.*|;?)$",
            Pattern.DOTALL);
    private static final Set<String> OPERATOR_WORDS = Set.of("instanceof");

    /**
     * True when code is one expression (a value or a void call), so that it can be the body of an
     * expression lambda: no top-level ';' except a trailing one, no statement keyword, not a declaration.
     */
    static boolean isSingleExpression(String code) {
        String masked = maskLiteralsAndComments(code).strip();
        if (masked.endsWith(";")) {
            masked = masked.substring(0, masked.length() - 1).strip();
        }
        if (masked.isEmpty() || masked.startsWith("{") || masked.startsWith("@")) {
            return false;
        }
        int depth = 0;
        for (int i = 0; i < masked.length(); i++) {
            char c = masked.charAt(i);
            if (c == '{' || c == '(' || c == '[') depth++;
            else if (c == '}' || c == ')' || c == ']') depth--;
            else if (c == ';' && depth == 0) return false;
        }
        String firstWord = masked.split("[^\\w$-]", 2)[0];
        if (STATEMENT_STARTS.contains(firstWord)) {
            return false;
        }
        Matcher declaration = DECLARATION.matcher(masked);
        if (declaration.matches()) {
            String[] words = masked.split("[^\\w$]+");
            return words.length > 1 && OPERATOR_WORDS.contains(words[1]);
        }
        return true;
    }

    /** The code without a trailing ';' (so that it can be an expression lambda body). */
    static String withoutTrailingSemicolon(String code) {
        String s = code.strip();
        return s.endsWith(";") ? s.substring(0, s.length() - 1).strip() : s;
    }

    /** A Java string literal holding s. */
    static String stringLiteral(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20 || c > 0x7e) b.append(String.format("\\u%04x", (int) c));
                    else b.append(c);
                }
            }
        }
        return b.append('"').toString();
    }

    /**
     * Same length as code, with the contents of comments, string/char literals and text blocks replaced by
     * spaces (newlines kept), so that brace counting and keyword search see only code.
     */
    static String maskLiteralsAndComments(String code) {
        StringBuilder out = new StringBuilder(code.length());
        int i = 0;
        int n = code.length();
        while (i < n) {
            char c = code.charAt(i);
            if (c == '/' && i + 1 < n && code.charAt(i + 1) == '/') {
                int end = code.indexOf('\n', i);
                end = end < 0 ? n : end;
                blank(out, code, i, end);
                i = end;
            } else if (c == '/' && i + 1 < n && code.charAt(i + 1) == '*') {
                int end = code.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                blank(out, code, i, end);
                i = end;
            } else if (code.startsWith("\"\"\"", i)) {
                i = maskDelimited(out, code, i, "\"\"\"");
            } else if (c == '"' || c == '\'') {
                i = maskDelimited(out, code, i, String.valueOf(c));
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** Masks a literal starting at i with the given delimiter; returns the index after it. */
    private static int maskDelimited(StringBuilder out, String code, int i, String delimiter) {
        int contentStart = i + delimiter.length();
        out.append(delimiter);
        int j = contentStart;
        while (j < code.length()) {
            if (code.charAt(j) == '\\') {
                j += 2;
            } else if (code.startsWith(delimiter, j)) {
                blank(out, code, contentStart, j);
                out.append(delimiter);
                return j + delimiter.length();
            } else if (delimiter.length() == 1 && code.charAt(j) == '\n') {
                break;
            } else {
                j++;
            }
        }
        int end = Math.min(j, code.length());
        blank(out, code, contentStart, end);
        return end;
    }

    private static void blank(StringBuilder out, String code, int from, int to) {
        for (int i = from; i < to && i < code.length(); i++) {
            out.append(code.charAt(i) == '\n' ? '\n' : ' ');
        }
    }
}
