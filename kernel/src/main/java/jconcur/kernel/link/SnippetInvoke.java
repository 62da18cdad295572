package jconcur.kernel.link;

/**
 * How the kernel names a snippet's invoke to the agent (JShell passes only a class and a method name): the
 * snippet's method, the output cell its code and the threads it starts print to, and whether the agent keeps
 * the value for a later {@link AgentCommand#RENDER}. Encoded as method#cell or method#cellk, which no JShell
 * method name contains.
 */
public record SnippetInvoke(String methodName, int outputCell, boolean keepValue) {

    private static final char SEPARATOR = '#';
    private static final char KEEP = 'k';

    public String encode() {
        return methodName + SEPARATOR + outputCell + (keepValue ? String.valueOf(KEEP) : "");
    }

    /** Reads an encoded name; a plain method name (JShell's own invokes) has no cell and keeps nothing. */
    public static SnippetInvoke decode(String name) {
        int separator = name.lastIndexOf(SEPARATOR);
        if (separator < 0) {
            return new SnippetInvoke(name, OutputOrigin.NO_CELL, false);
        }
        String tail = name.substring(separator + 1);
        boolean keep = tail.endsWith(String.valueOf(KEEP));
        String digits = keep ? tail.substring(0, tail.length() - 1) : tail;
        try {
            return new SnippetInvoke(name.substring(0, separator), Integer.parseInt(digits), keep);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a snippet invoke: '" + name + "'");
        }
    }
}
