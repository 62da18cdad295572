package jconcur.kernel.uservm;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import jconcur.kernel.link.Frame;
import jconcur.kernel.link.Handshake;
import jconcur.kernel.link.SideMessage;
import jconcur.kernel.link.SideMessageCodec;
import jconcur.concurrency.LiveResults;
import jconcur.concurrency.Progress;
import jdk.jshell.execution.Util;

/**
 * Main class of the user VM. Arguments: the kernel's port and the per-cell output limit in bytes; the session
 * secret arrives on standard input (not on the command line, where other users could read it).
 * Connects twice: JShell's commands (read and answered on this thread, straight from the socket) and the side
 * channel (output, displays, input). Serves JShell until the kernel closes the connection, and ends itself when
 * the kernel dies, even by SIGKILL.
 */
public final class UserVmMain {

    private UserVmMain() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: UserVmMain <kernel port> <output limit bytes> (secret on stdin)");
            System.exit(2);
        }
        System.out.print(Handshake.MAIN_STARTED);
        System.out.flush();
        int port = Integer.parseInt(args[0]);
        long outputLimit = Long.parseLong(args[1]);
        String secret = Handshake.readSecretLine(System.in);
        haltWhenParentDies();

        Socket command = Handshake.connect(port, secret, Handshake.ROLE_COMMAND);
        SideChannel side = new SideChannel(Handshake.connect(port, secret, Handshake.ROLE_SIDE));
        OutputBatcher output = new OutputBatcher(side, outputLimit);
        UserVm.install(side, output);
        System.setOut(notebookStream(output, Frame.STDOUT));
        System.setErr(notebookStream(output, Frame.STDERR));
        System.setIn(new NotebookInput());
        side.startReader();
        Progress.install(new ProgressLine());
        LiveResults.install(new LiveResultsDisplay());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> announceExit(output), "jconcur-exit-notice"));
        // User code runs on this thread (see UserCode), so it keeps the name a Java program's first thread has.
        Thread.currentThread().setName("main");
        warmUpInBackground();

        // Output before input, as on the kernel's side: each constructor exchanges a stream header.
        ObjectOutputStream results = new ObjectOutputStream(new BufferedOutputStream(command.getOutputStream(), 1 << 16));
        results.flush();
        ObjectInputStream commands = new ObjectInputStream(new BufferedInputStream(command.getInputStream(), 1 << 16));
        Util.forwardExecutionControl(new UserVmAgent(output), commands, results);
        // The kernel closed the command channel: this session is over, whatever user threads still run.
        Runtime.getRuntime().halt(0);
    }

    /**
     * System.out or System.err of the notebook. Closing it (try-with-resources around a writer on System.out
     * is common) must not silence every later cell, so close only flushes.
     */
    private static PrintStream notebookStream(OutputBatcher output, byte kind) {
        return new PrintStream(output.stream(kind), true, StandardCharsets.UTF_8) {
            @Override
            public void close() {
                flush();
            }
        };
    }

    /** On System.exit: sends what was printed last and tells the kernel the exit was deliberate. */
    private static void announceExit(OutputBatcher output) {
        try {
            output.flushAndSend(new SideMessage.Exiting());
        } catch (java.io.IOException e) {
            // the kernel is gone already
        }
    }

    /**
     * Loads what the first interrupt report and the first display need (thread management, JSON) while the
     * kernel is still compiling the preloaded imports, so they do not delay the first cells.
     */
    private static void warmUpInBackground() {
        Thread warmUp = new Thread(() -> {
            SideMessageCodec.encode(new SideMessage.ThreadsReply(0, ThreadReport.snapshot()));
            Rendering.toJson(Rendering.render("warm-up"));
        }, "jconcur-warm-up");
        warmUp.setDaemon(true);
        warmUp.setPriority(Thread.MIN_PRIORITY);
        warmUp.start();
    }

    private static void haltWhenParentDies() {
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> Runtime.getRuntime().halt(0)));
    }
}
