package jconcur.kernel.engine;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hints for compile errors that come from how JShell wraps snippets rather than from the user's Java, so that
 * code that compiles in a .java file gets told what JShell needs instead.
 */
final class CompileHints {

    private static final Pattern RECORD_CONSTRUCTOR =
            Pattern.compile("invalid (?:canonical|compact) constructor in record (\\w+)");

    private CompileHints() {}

    /**
     * @param headline the diagnostic's first line
     * @param details  its further lines
     */
    static Optional<String> hint(String headline, List<String> details) {
        // JShell makes a top-level record public, and Java wants a record's canonical constructor at least as
        // accessible as the record: the same code compiles in a package-private record of a .java file.
        Matcher record = RECORD_CONSTRUCTOR.matcher(headline);
        if (record.find() && details.stream().anyMatch(d -> d.contains("stronger access privileges"))) {
            return Optional.of("Hint: JShell makes top-level types public, so declare the constructor public too: "
                    + "public " + record.group(1) + " { ... } or public " + record.group(1) + "(...) { ... }.");
        }
        return Optional.empty();
    }
}
