package jconcur.kernel.engine;

import com.sun.jdi.Bootstrap;
import com.sun.jdi.VirtualMachine;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import jconcur.kernel.log.Log;
import jconcur.kernel.uservm.UserVmMain;

/**
 * Starts a user VM: a plain child process (clean environment: JDK_JAVA_OPTIONS of the kernel is not passed on)
 * whose debug agent connects back to the kernel's debug port (JDI, for interrupts) and which connects back to
 * the user VM port twice (JShell's commands, the side channel).
 */
final class UserVmLauncher {

    /** A running user VM. */
    record LaunchedVm(Process process, VirtualMachine vm, Socket command, Socket side, ProcessOutputTail output) {}

    private static final long START_TIMEOUT_MS = 60_000;

    private UserVmLauncher() {}

    static LaunchedVm launch(List<String> vmOptions, List<Path> classPath, long outputLimit)
            throws UserVmStartException {
        Process process = null;
        ProcessOutputTail output = null;
        try (UserVmPort port = new UserVmPort(); JdwpListener debug = new JdwpListener()) {
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.add("-agentlib:jdwp=transport=dt_socket,server=n,suspend=n,address=127.0.0.1:" + debug.port());
            command.addAll(vmOptions);
            command.add("-cp");
            command.add(classPath.stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator)));
            command.add(UserVmMain.class.getName());
            command.add(Integer.toString(port.port()));
            command.add(Long.toString(outputLimit));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().remove("JDK_JAVA_OPTIONS");
            process = builder.start();
            output = new ProcessOutputTail(process.getInputStream());
            try (OutputStream stdin = process.getOutputStream()) {
                stdin.write((port.secret() + "\n").getBytes(StandardCharsets.US_ASCII));
            }
            // A VM that dies while starting (bad options, say) must not leave us waiting for the timeout.
            process.onExit().thenRun(() -> {
                debug.close();
                port.close();
            });
            VirtualMachine vm = Bootstrap.virtualMachineManager()
                    .createVirtualMachine(new JdwpConnection(debug.await(START_TIMEOUT_MS)));
            Socket commandSocket = port.awaitCommand(START_TIMEOUT_MS);
            Socket sideSocket = port.awaitSide(START_TIMEOUT_MS);
            Log.debug("user VM pid %d connected (command, side channel, JDI)", process.pid());
            return new LaunchedVm(process, vm, commandSocket, sideSocket, output);
        } catch (Exception e) {
            throw failure(process, output, vmOptions, e);
        }
    }

    private static UserVmStartException failure(Process process, ProcessOutputTail output, List<String> vmOptions,
            Exception cause) {
        StringBuilder message = new StringBuilder("The user VM did not start");
        if (process != null) {
            try {
                if (process.waitFor(2, TimeUnit.SECONDS)) {
                    message.append(" (it exited with code ").append(process.exitValue()).append(")");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process.destroyForcibly();
        }
        message.append(". JVM options: ").append(String.join(" ", vmOptions))
                .append(" (set ").append(UserVmOptions.OPTIONS_VARIABLE).append(" to change them).");
        List<String> lines = List.of();
        if (output != null) {
            output.awaitEnd(1000);
            lines = output.tail().lines();
        }
        if (!lines.isEmpty()) {
            message.append("\nIts output:\n").append(String.join("\n", lines));
        } else {
            message.append("\nCause: ").append(cause);
        }
        return new UserVmStartException(message.toString(), cause);
    }
}
