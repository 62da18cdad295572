package jconcur.kernel.uservm;

import java.lang.management.LockInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.MonitorInfo;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jconcur.concurrency.Deadlocks;
import jconcur.concurrency.names.LockNames;

/**
 * What the threads of this VM are doing, for the kernel's report on a cell that does not stop: the deadlock
 * cycles (monitors and java.util.concurrent locks) and the cell thread. Plain maps, sent as JSON; the kernel
 * maps the frames of notebook code to cell lines.
 */
final class ThreadReport {

    private static final int MAX_FRAMES = 12;

    private ThreadReport() {}

    static Map<String, Object> snapshot() {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long[] deadlocked = Deadlocks.findDeadlockedThreads();
        Set<Long> ids = new LinkedHashSet<>();
        for (long id : deadlocked) {
            ids.add(id);
        }
        Thread cell = UserCode.current;
        long cellId = cell == null ? -1 : cell.threadId();
        if (cell != null) {
            ids.add(cellId);
        }
        ThreadInfo[] infos = mx.getThreadInfo(ids.stream().mapToLong(Long::longValue).toArray(), true, true);
        List<Map<String, Object>> cycle = new ArrayList<>();
        Map<String, Object> cellInfo = null;
        for (ThreadInfo info : infos) {
            if (info == null) {
                continue;
            }
            Map<String, Object> described = describe(info);
            if (info.getThreadId() == cellId) {
                cellInfo = described;
            }
            if (contains(deadlocked, info.getThreadId())) {
                cycle.add(described);
            }
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("deadlocked", cycle);
        report.put("cell", cellInfo);
        report.put("waitingForIdleCellThread", cell == null ? waitingFor(mx, UserCode.lastCellThread, deadlocked) : List.of());
        return report;
    }

    /**
     * Threads outside any cycle that wait for a lock held by the idle cell thread: a java.util.concurrent lock
     * an interrupted cell took is never released, so they wait for good. The cell thread comes first.
     */
    private static List<Map<String, Object>> waitingFor(ThreadMXBean mx, Thread cellThread, long[] deadlocked) {
        if (cellThread == null) {
            return List.of();
        }
        long cellId = cellThread.threadId();
        List<Long> waiting = new ArrayList<>();
        for (ThreadInfo info : mx.getThreadInfo(mx.getAllThreadIds())) {
            if (info != null && info.getLockOwnerId() == cellId && !contains(deadlocked, info.getThreadId())) {
                waiting.add(info.getThreadId());
            }
        }
        if (waiting.isEmpty()) {
            return List.of();
        }
        waiting.addFirst(cellId);
        List<Map<String, Object>> described = new ArrayList<>();
        for (ThreadInfo info : mx.getThreadInfo(waiting.stream().mapToLong(Long::longValue).toArray(), true, true)) {
            if (info != null) {
                described.add(describe(info));
            }
        }
        return described;
    }

    private static boolean contains(long[] ids, long id) {
        for (long i : ids) {
            if (i == id) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, Object> describe(ThreadInfo info) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("name", info.getThreadName());
        t.put("id", info.getThreadId());
        t.put("state", info.getThreadState().name());
        LockInfo lock = info.getLockInfo();
        t.put("waitsFor", lock == null ? null : lockName(lock));
        t.put("owner", info.getLockOwnerName());
        List<String> held = new ArrayList<>();
        for (MonitorInfo m : info.getLockedMonitors()) {
            held.add(lockName(m));
        }
        for (LockInfo l : info.getLockedSynchronizers()) {
            held.add(lockName(l));
        }
        t.put("holds", held);
        List<Map<String, Object>> frames = new ArrayList<>();
        StackTraceElement[] stack = info.getStackTrace();
        for (int i = 0; i < Math.min(stack.length, MAX_FRAMES); i++) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("class", stack[i].getClassName());
            f.put("method", stack[i].getMethodName());
            f.put("file", stack[i].getFileName());
            f.put("line", stack[i].getLineNumber());
            frames.add(f);
        }
        t.put("frames", frames);
        t.put("moreFrames", Math.max(0, stack.length - MAX_FRAMES));
        return t;
    }

    private static String lockName(LockInfo lock) {
        return LockNames.of(lock);
    }
}
