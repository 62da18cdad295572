package jconcur.kernel.protocol;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * IPython's help syntax in a cell: {@code name?} or {@code ?name} shows the documentation of a name in the
 * pager, {@code name??} or {@code ??name} with more detail. Neither form is valid Java, so no code is shadowed.
 */
public record PagerRequest(String expression, int detailLevel) {

    private static final String NAME = "[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*"
            + "(?:\\s*\\.\\s*[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*)*";
    private static final Pattern SUFFIX = Pattern.compile("\\s*(" + NAME + ")\\s*(\\?\\??)\\s*");
    private static final Pattern PREFIX = Pattern.compile("\\s*(\\?\\??)\\s*(" + NAME + ")\\s*");

    public static Optional<PagerRequest> parse(String code) {
        Matcher suffix = SUFFIX.matcher(code);
        if (suffix.matches()) {
            return Optional.of(of(suffix.group(1), suffix.group(2)));
        }
        Matcher prefix = PREFIX.matcher(code);
        if (prefix.matches()) {
            return Optional.of(of(prefix.group(2), prefix.group(1)));
        }
        return Optional.empty();
    }

    private static PagerRequest of(String name, String marks) {
        return new PagerRequest(name.replaceAll("\\s+", ""), marks.length() - 1);
    }
}
