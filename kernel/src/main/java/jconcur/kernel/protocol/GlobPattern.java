package jconcur.kernel.protocol;

import java.util.regex.Pattern;

/**
 * A history search pattern as IPython reads it (SQLite GLOB): '*' matches any text, '?' one character,
 * everything else matches itself; the pattern must match the whole cell source, case-sensitively.
 */
public final class GlobPattern {

    private final Pattern regex;

    public GlobPattern(String glob) {
        StringBuilder re = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' || c == '?') {
                appendLiteral(re, literal);
                re.append(c == '*' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        appendLiteral(re, literal);
        this.regex = Pattern.compile(re.toString(), Pattern.DOTALL);
    }

    public boolean matches(String text) {
        return regex.matcher(text).matches();
    }

    private static void appendLiteral(StringBuilder re, StringBuilder literal) {
        if (!literal.isEmpty()) {
            re.append(Pattern.quote(literal.toString()));
            literal.setLength(0);
        }
    }
}
