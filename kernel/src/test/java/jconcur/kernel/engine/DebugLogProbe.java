package jconcur.kernel.engine;

/** A stand-in kernel for {@link DebugLogTest}: starts an engine, runs one cell, closes it. */
public final class DebugLogProbe {

    private DebugLogProbe() {}

    public static void main(String[] args) throws Exception {
        try (JShellEngine engine = JShellEngine.start(new RecordingOutput(), null)) {
            System.out.println("cell " + engine.execute("1 + 1").getClass().getSimpleName());
        }
    }
}
