package jconcur.kernel.uservm.magic;

import java.lang.management.LockInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.MonitorInfo;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import jconcur.concurrency.Deadlocks;
import jconcur.concurrency.LockGraph;
import jconcur.concurrency.names.LockNames;
import jconcur.kernel.uservm.Notebook;
import jconcur.kernel.uservm.UserVmMain;

/**
 * Runs in the user VM for %threads: a thread dump like jstack's, with the lock each thread waits for and
 * the thread that owns it, the monitors and synchronizers each thread holds, and the deadlocks the JVM
 * finds. JVM and JShell housekeeping threads are left out unless all is true. Virtual threads are not
 * listed (the JVM's thread MXBean does not see them). A deadlock is also drawn as a wait-for graph (named
 * locks included, so virtual threads too).
 */
public final class ThreadsMagicInUserVm {

    private static final int MAX_FRAMES = 30;

    private ThreadsMagicInUserVm() {}

    public static void print(boolean all) {
        System.out.print(dump(all));
        System.out.flush();
        LockGraph graph = Deadlocks.lockGraph();
        if (!graph.cycle().isEmpty()) {
            Notebook.display(graph, "image/png");
        }
    }

    static String dump(boolean all) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Map<Long, Thread> threads = new HashMap<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            threads.put(t.threadId(), t);
        }
        ThreadInfo[] infos = mx.dumpAllThreads(mx.isObjectMonitorUsageSupported(), mx.isSynchronizerUsageSupported());
        long self = Thread.currentThread().threadId();
        StringBuilder out = new StringBuilder();
        int hidden = 0;
        for (ThreadInfo info : infos) {
            Thread thread = threads.get(info.getThreadId());
            if (!all && isHousekeeping(info, thread)) {
                hidden++;
                continue;
            }
            appendThread(out, info, thread, info.getThreadId() == self);
        }
        long[] deadlocked = Deadlocks.findDeadlockedThreads();
        if (deadlocked.length > 0) {
            Set<Long> ids = Arrays.stream(deadlocked).boxed().collect(Collectors.toSet());
            out.append("Deadlock found between: ")
                    .append(Arrays.stream(infos).filter(i -> ids.contains(i.getThreadId()))
                            .map(i -> "\"" + i.getThreadName() + "\"").collect(Collectors.joining(", ")))
                    .append('\n');
        } else {
            out.append("No deadlock found.\n");
        }
        if (hidden > 0) {
            out.append(hidden).append(" JVM/JShell threads not shown (%threads -a shows them).\n");
        }
        return out.toString();
    }

    /** JVM system threads, and the threads of JShell's agent and the kernel's runtime in the user VM. */
    private static boolean isHousekeeping(ThreadInfo info, Thread thread) {
        if (thread == null) {
            return true;
        }
        ThreadGroup group = thread.getThreadGroup();
        if (group != null && ("system".equals(group.getName()) || "InnocuousThreadGroup".equals(group.getName()))) {
            return true;
        }
        if (info.getThreadId() == Thread.currentThread().threadId()) {
            return false;
        }
        for (StackTraceElement frame : info.getStackTrace()) {
            String cls = frame.getClassName();
            if (cls.startsWith("jdk.jshell.") || cls.startsWith(UserVmMain.class.getPackageName() + ".") && !cls.startsWith(ThreadsMagicInUserVm.class.getPackageName())) {
                return true;
            }
        }
        return false;
    }

    private static void appendThread(StringBuilder out, ThreadInfo info, Thread thread, boolean self) {
        out.append('"').append(info.getThreadName()).append("\" #").append(info.getThreadId());
        if (thread != null && thread.isDaemon()) out.append(" daemon");
        if (thread != null) out.append(" prio=").append(thread.getPriority());
        out.append(' ').append(info.getThreadState());
        out.append('\n');
        if (self) {
            out.append("   (this cell, running %threads)\n\n");
            return;
        }
        LockInfo waitingFor = info.getLockInfo();
        if (waitingFor != null) {
            out.append("   ").append(info.getThreadState() == Thread.State.BLOCKED ? "waiting to lock " : "waiting on ")
                    .append(LockNames.of(waitingFor));
            if (info.getLockOwnerName() != null) {
                out.append(" owned by \"").append(info.getLockOwnerName()).append("\" #").append(info.getLockOwnerId());
            }
            out.append('\n');
        }
        StackTraceElement[] stack = info.getStackTrace();
        MonitorInfo[] monitors = info.getLockedMonitors();
        for (int depth = 0; depth < stack.length && depth < MAX_FRAMES; depth++) {
            out.append("\tat ").append(stack[depth]).append('\n');
            for (MonitorInfo monitor : monitors) {
                if (monitor.getLockedStackDepth() == depth) {
                    out.append("\t- locked ").append(LockNames.of(monitor)).append('\n');
                }
            }
        }
        if (stack.length > MAX_FRAMES) {
            out.append("\t... ").append(stack.length - MAX_FRAMES).append(" more frames\n");
        }
        LockInfo[] synchronizers = info.getLockedSynchronizers();
        if (synchronizers.length > 0) {
            out.append("   holds ").append(Arrays.stream(synchronizers).map(LockNames::of)
                    .collect(Collectors.joining(", "))).append('\n');
        }
        out.append('\n');
    }
}
