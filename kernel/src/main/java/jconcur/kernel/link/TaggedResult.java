package jconcur.kernel.link;

import java.util.EnumSet;
import java.util.Set;

/**
 * A result or exception message of user code (or of an {@link AgentCommand}) as the agent returns it on
 * JShell's command stream, tagged with the number of side-channel frames the user VM had sent when the code
 * ended, so that the kernel delivers that output before the result.
 *
 * @param framesSent frames sent by then, or -1 for a text that carries no tag (JShell's own)
 */
public record TaggedResult(long framesSent, Set<Flag> flags, String text) {

    /** What the kernel should know about a result beyond its text. */
    public enum Flag {
        /** The value may have a rich rendering (ask with {@link AgentCommand#RENDER}). */
        RICH('R'),
        /** The value is the id display(...) just returned, which the cell does not show. */
        DISPLAY_ID('D'),
        /** There was no exception message or rendering (null). */
        NULL('N'),
        /** More pieces of the rendering follow (ask with {@link AgentCommand#RENDER_MORE}). */
        MORE('M');

        private final char code;

        Flag(char code) {
            this.code = code;
        }
    }

    private static final char TAG = '\u0001';

    public TaggedResult {
        flags = flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
    }

    public TaggedResult(long framesSent, String text, Flag... flags) {
        this(framesSent, flags.length == 0 ? Set.of() : EnumSet.of(flags[0], flags), text);
    }

    public boolean has(Flag flag) {
        return flags.contains(flag);
    }

    /** The text as it travels: TAG framesSent flag-codes TAG text. */
    public String encode() {
        StringBuilder out = new StringBuilder(text.length() + 24).append(TAG).append(framesSent);
        for (Flag flag : Flag.values()) {
            if (flags.contains(flag)) {
                out.append(flag.code);
            }
        }
        return out.append(TAG).append(text).toString();
    }

    /** Reads a tagged text; an untagged one (or null) comes back as itself with framesSent -1 and no flags. */
    public static TaggedResult decode(String text) {
        if (text == null || text.isEmpty() || text.charAt(0) != TAG) {
            return new TaggedResult(-1, Set.of(), text);
        }
        int end = text.indexOf(TAG, 1);
        if (end < 0) {
            return new TaggedResult(-1, Set.of(), text);
        }
        int digits = 1;
        while (digits < end && Character.isDigit(text.charAt(digits))) {
            digits++;
        }
        long frames = digits > 1 ? Long.parseLong(text.substring(1, digits)) : -1;
        Set<Flag> flags = EnumSet.noneOf(Flag.class);
        for (int i = digits; i < end; i++) {
            for (Flag flag : Flag.values()) {
                if (flag.code == text.charAt(i)) {
                    flags.add(flag);
                }
            }
        }
        return new TaggedResult(frames, flags, text.substring(end + 1));
    }
}
