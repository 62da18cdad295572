package jconcur.kernel.engine;

/** A stand-in kernel for {@link NoOrphanTest}: starts an engine, prints its user VM's pid, waits to be killed. */
public final class OrphanProbe {

    private OrphanProbe() {}

    public static void main(String[] args) throws Exception {
        JShellEngine engine = JShellEngine.start(new RecordingOutput(), null);
        ExecuteOutcome outcome = engine.execute("ProcessHandle.current().pid()");
        System.out.println("user-vm-pid " + ((ExecuteOutcome.Ok) outcome).result().orElseThrow().data().get("text/plain"));
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
