package jconcur.concurrency.names;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * JShell's names for compiled notebook code, known in this one place: each snippet compiles to a wrapper class
 * {@code REPL.$JShell$12} (a letter may follow the number), a class {@code Bank} declared in the snippet becomes
 * {@code REPL.$JShell$12$Bank}, and the wrapper's source file is {@code $JShell$12.java}. The kernel (tracebacks,
 * thread reports) and the helper package (deadlock reports in the user VM) name frames through it, so one
 * frame reads the same everywhere. Not part of the preloaded API (its package is not imported).
 */
public final class WrapperNames {

    /** What every wrapper class name starts with. */
    public static final String PREFIX = "REPL.$JShell$";
    /** Regex of a snippet's wrapper class, e.g. {@code REPL.$JShell$12}. */
    public static final String WRAPPER_CLASS = "REPL\\.\\$JShell\\$\\d+[A-Z]*";
    /** Regex of a wrapper's source file name without ".java", e.g. {@code $JShell$12}. */
    public static final String WRAPPER_FILE = "\\$JShell\\$\\d+[A-Z]*";

    private static final Pattern IN_TEXT = Pattern.compile(WRAPPER_CLASS + "[$.]?");
    private static final Pattern CLASS_NAME = Pattern.compile("(" + WRAPPER_CLASS + ")(?:\\$(.*))?");

    /**
     * A class name of notebook code taken apart.
     *
     * @param wrapper  the snippet's wrapper class, e.g. {@code REPL.$JShell$12}
     * @param declared the binary name of the class declared in the snippet, e.g. {@code Bank$Account}, or ""
     *                 for the wrapper class itself
     */
    public record WrapperClass(String wrapper, String declared) {}

    private WrapperNames() {}

    /**
     * Removes wrapper class names from a name or message: {@code REPL.$JShell$12$Bank -> Bank},
     * {@code "REPL.$JShell$22.s" is null -> "s" is null}.
     *
     * @param text a name or message (null gives null)
     * @return the text without wrapper class names
     */
    public static String expunge(String text) {
        return text == null ? null : IN_TEXT.matcher(text).replaceAll("");
    }

    /**
     * The wrapper and declared class of a class name of notebook code.
     *
     * @param className a binary class name
     * @return its parts, or empty when the class is not notebook code
     */
    public static Optional<WrapperClass> parse(String className) {
        Matcher m = CLASS_NAME.matcher(className);
        return m.matches() ? Optional.of(new WrapperClass(m.group(1), m.group(2) == null ? "" : m.group(2)))
                : Optional.empty();
    }
}
