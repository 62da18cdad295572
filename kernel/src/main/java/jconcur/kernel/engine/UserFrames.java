package jconcur.kernel.engine;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names frames of notebook code for people: "fib, line 3: return fib(n - 1) + ...", with the cell line and
 * the source line, instead of JShell's wrapper classes and snippet ids.
 */
final class UserFrames {

    private static final Pattern LAMBDA = Pattern.compile("lambda\\$(.*?)\\$\\d+");
    /** Code the magics generate calls helpers of this package, with the user's code in a lambda. */
    private static final String GENERATED = jconcur.kernel.uservm.magic.TimeMagicInUserVm.class.getPackageName() + ".";
    private static final String LAMBDA_ARROW = "() ->";

    private final SnippetOrigins origins;

    UserFrames(SnippetOrigins origins) {
        this.origins = origins;
    }

    /**
     * Describes a frame JShell translated (file "#id", line within the snippet), or empty if it is not
     * notebook code.
     */
    Optional<String> describe(StackTraceElement frame, int currentCell) {
        String file = frame.getFileName();
        if (file == null || !file.startsWith("#")) {
            return Optional.empty();
        }
        return describe(frame.getClassName(), frame.getMethodName(), file.substring(1), frame.getLineNumber(),
                currentCell);
    }

    /** Describes a frame of a snippet given its expunged class name, method and 1-based snippet line. */
    Optional<String> describe(String className, String method, String snippetId, int snippetLine, int currentCell) {
        return origins.of(snippetId).flatMap(origin -> {
            String text = userText(origin.text(snippetLine));
            if (text == null) {
                return Optional.empty();
            }
            StringBuilder s = new StringBuilder("  at ");
            String name = callableName(className, method);
            if (!name.isEmpty()) {
                s.append(Ansi.GREEN).append(name).append(Ansi.RESET).append(", ");
            }
            s.append("line ").append(origin.cellLine(snippetLine));
            if (origin.cell() != currentCell) {
                s.append(origin.executionCount() > 0 ? " of cell [" + origin.executionCount() + "]" : " of an earlier cell");
            }
            if (!text.isEmpty()) {
                s.append(": ").append(Ansi.CYAN).append(text).append(Ansi.RESET);
            }
            return Optional.of(s.toString());
        });
    }

    /**
     * The user's part of a source line: magics such as %%timeit wrap the user's code in a call to their helper
     * in the user VM, written on the magic's own line. Null when the line holds only that generated call.
     */
    static String userText(String line) {
        if (!line.startsWith(GENERATED)) {
            return line;
        }
        int lambda = line.indexOf(LAMBDA_ARROW);
        String user = lambda < 0 ? "" : line.substring(lambda + LAMBDA_ARROW.length()).strip();
        user = user.startsWith("{") ? user.substring(1).strip() : user;
        return user.isEmpty() ? null : user;
    }

    /** "fib", "Counter.increment", "new Counter", "lambda in fib", "" for the cell's own statements. */
    static String callableName(String className, String method) {
        String owner = className == null ? "" : className;
        String m = method == null ? "" : method;
        Matcher lambda = LAMBDA.matcher(m);
        if (lambda.matches()) {
            String enclosing = lambda.group(1);
            return enclosing.isEmpty() || enclosing.equals("do_it$") ? "lambda" : "lambda in " + qualified(owner, enclosing);
        }
        if (m.equals("<init>")) {
            return "new " + owner;
        }
        if (m.equals("<clinit>")) {
            return owner + " (static initializer)";
        }
        if (m.isEmpty() || m.equals("do_it$")) {
            return owner;
        }
        return qualified(owner, m);
    }

    private static String qualified(String owner, String method) {
        return owner.isEmpty() ? method : owner + "." + method;
    }
}
