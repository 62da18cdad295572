package jconcur.kernel.link;

/**
 * Commands of the kernel to the user VM's agent, on JShell's command stream. They travel as invokes of the
 * class {@link #CLASS_NAME} because JShell's own extension commands do not reach the agent on JDK 21 (its
 * StreamingExecutionControl answers them itself with NotImplementedException; JDK 25's forwards them).
 * The agent answers with a {@link TaggedResult}.
 */
public enum AgentCommand {
    /** Render the kept value: the first piece of the bundle JSON (flag MORE when more follow), or flag NULL. */
    RENDER("render"),
    /** The next piece of the rendering, with flag MORE while pieces remain. */
    RENDER_MORE("render-more"),
    /** Send pending output; an empty result whose frame count is what matters. */
    SYNC("sync");

    /** Class name of the invokes that are commands rather than cells. */
    public static final String CLASS_NAME = "jconcur.command";
    /**
     * Longest text an invoke result carries: JShell cuts out the middle of invoke results over 21,844 characters
     * (ExecutionControlForwarder's writeUTF limit), which would splice a chart's JSON into garbage.
     */
    public static final int MAX_RESULT_PIECE = 20_000;

    private final String methodName;

    AgentCommand(String methodName) {
        this.methodName = methodName;
    }

    /** The method name the command travels as. */
    public String methodName() {
        return methodName;
    }

    /** The command an invoke of {@link #CLASS_NAME} carries. */
    public static AgentCommand of(String methodName) {
        for (AgentCommand command : values()) {
            if (command.methodName.equals(methodName)) {
                return command;
            }
        }
        throw new IllegalArgumentException("unknown agent command '" + methodName + "'");
    }
}
