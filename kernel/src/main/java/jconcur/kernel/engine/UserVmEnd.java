package jconcur.kernel.engine;

import java.util.ArrayList;
import java.util.List;
import jconcur.kernel.engine.ExecuteOutcome.Failed;

/** Says how a user VM ended, for the cell that was running in it. */
final class UserVmEnd {

    static final String RESET_NOTE = "State was reset: the next cell runs in a fresh user VM with the preloaded"
            + " imports and helpers; variables, methods and classes of earlier cells are gone.";
    private static final int SHOWN_LINES = 10;

    private UserVmEnd() {}

    /**
     * @param code exit code, or null if the process had to be ended by the kernel
     * @param systemExit whether the VM's shutdown hooks ran (System.exit rather than halt, crash or signal)
     * @param lastLines last lines the VM wrote to stderr
     */
    static Failed describe(Integer code, boolean systemExit, List<String> lastLines) {
        boolean outOfMemory = lastLines.stream().anyMatch(l -> l.contains("OutOfMemoryError"));
        String ename;
        String what;
        if (code == null) {
            ename = "UserVmDied";
            what = "the user VM stopped answering and was ended";
        } else if (systemExit) {
            ename = "SystemExit";
            what = "System.exit(" + code + ") ended the user VM";
        } else if (code > 128 && code < 128 + 32) {
            ename = "UserVmKilled";
            what = "the user VM was killed by signal " + (code - 128) + signalName(code - 128)
                    + (code - 128 == 9 ? " (from outside, or by the system when memory ran out)" : "");
        } else {
            ename = "UserVmDied";
            what = "the user VM exited with code " + code + " (Runtime.halt or a fatal error)";
        }
        if (outOfMemory) {
            what += " after running out of memory (give it more with -Xmx in " + UserVmOptions.OPTIONS_VARIABLE + ")";
        }
        List<String> traceback = new ArrayList<>();
        traceback.add(Ansi.BOLD_RED + ename + Ansi.RESET + ": " + what);
        if (!lastLines.isEmpty()) {
            traceback.add("Last lines on its stderr:");
            lastLines.subList(Math.max(0, lastLines.size() - SHOWN_LINES), lastLines.size())
                    .forEach(line -> traceback.add("  " + line));
        }
        traceback.add(RESET_NOTE);
        return new Failed(ename, what + ". " + RESET_NOTE, traceback);
    }

    private static String signalName(int signal) {
        return switch (signal) {
            case 9 -> " (SIGKILL)";
            case 15 -> " (SIGTERM)";
            case 6 -> " (SIGABRT, a crash)";
            case 11 -> " (SIGSEGV, a crash)";
            case 2 -> " (SIGINT)";
            default -> "";
        };
    }
}
