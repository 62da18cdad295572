package jconcur.kernel.uservm;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import jconcur.concurrency.Progress;
import jdk.jshell.execution.Util;

/**
 * Main class of the user VM. Arguments: the kernel's port and the per-cell output limit in bytes; the session
 * secret arrives on standard input (not on the command line, where other users could read it).
 * Connects twice (JShell commands, side channel), routes System.out/err/in to the notebook, and serves JShell
 * until the kernel closes the connection. Ends itself when the kernel dies, even by SIGKILL.
 */
public final class UserVmMain {

    private UserVmMain() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: UserVmMain <kernel port> <output limit bytes> (secret on stdin)");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        long outputLimit = Long.parseLong(args[1]);
        String secret = Wire.readSecretLine(System.in);
        haltWhenParentDies();

        Socket command = Wire.connect(port, secret, Wire.ROLE_COMMAND);
        Socket sideSocket = Wire.connect(port, secret, Wire.ROLE_SIDE);
        SideChannel side = new SideChannel(sideSocket);

        OutputBatcher output = new OutputBatcher(outputLimit);
        UserVm.install(side, output);
        System.setOut(new PrintStream(output.stream(Wire.FRAME_STDOUT), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(output.stream(Wire.FRAME_STDERR), true, StandardCharsets.UTF_8));
        System.setIn(new NotebookInput());
        side.startReader();
        Progress.install(new ProgressLine());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> announceExit(output, side), "jconcur-exit-notice"));
        Thread.currentThread().setName("jconcur-agent");

        Util.forwardExecutionControlAndIO(new UserVmAgent(output),
                new BufferedInputStream(command.getInputStream(), 1 << 16),
                new BufferedOutputStream(command.getOutputStream(), 1 << 16),
                Map.of(Wire.IO_CHANNEL, output::attach), Map.of());
        // The kernel closed the command channel: this session is over, whatever user threads still run.
        Runtime.getRuntime().halt(0);
    }

    /** On System.exit: sends what was printed last and tells the kernel the exit was deliberate. */
    private static void announceExit(OutputBatcher output, SideChannel side) {
        output.flush();
        try {
            side.send(Map.of("type", "exiting"));
        } catch (java.io.IOException e) {
            // the kernel is gone already
        }
    }

    private static void haltWhenParentDies() {
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> Runtime.getRuntime().halt(0)));
    }
}
