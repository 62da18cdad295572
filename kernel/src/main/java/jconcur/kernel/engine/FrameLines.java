package jconcur.kernel.engine;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jconcur.concurrency.names.WrapperNames;

/**
 * Rewrites stack frame lines of notebook code in user VM output (an uncaught exception of a background thread,
 * a %threads dump): {@code at REPL.$JShell$94.lambda$do_it$$0($JShell$94.java:7)}, with JShell's wrapper class
 * and wrapper line, becomes {@code at lambda, line 3 of cell [5]: ...}. Other lines pass unchanged.
 */
final class FrameLines {

    private static final Pattern WRAPPER_FRAME = Pattern.compile("(?m)^([ \\t]*at )(" + WrapperNames.WRAPPER_CLASS
            + "(?:\\$[\\w$]+)?)\\.([\\w$<>]+)\\(" + WrapperNames.WRAPPER_FILE + "\\.java:(\\d+)\\)$");
    /** A generated lambda class of notebook code: a frame line that says nothing. */
    private static final Pattern LAMBDA_CLASS_FRAME =
            Pattern.compile("(?m)^[ \\t]*at " + WrapperNames.WRAPPER_CLASS + "\\$*\\$Lambda[^\\n]*\\n?");
    /** Not any cell's serial: every frame names its cell, as output may land under another cell. */
    private static final int NO_CURRENT_CELL = -1;

    private final SnippetOrigins origins;
    private final UserFrames frames;

    FrameLines(SnippetOrigins origins) {
        this.origins = origins;
        this.frames = new UserFrames(origins);
    }

    String rewrite(String text) {
        if (!text.contains(WrapperNames.PREFIX)) {
            return text;
        }
        Matcher m = WRAPPER_FRAME.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Optional<String> described = origins.translate(m.group(2), m.group(3), Integer.parseInt(m.group(4)))
                    .flatMap(frame -> frames.describe(frame, NO_CURRENT_CELL));
            String line = described.map(d -> m.group(1).replaceFirst("at $", "") + d.strip()).orElse(m.group());
            m.appendReplacement(out, Matcher.quoteReplacement(line));
        }
        m.appendTail(out);
        return LAMBDA_CLASS_FRAME.matcher(out).replaceAll("");
    }
}
