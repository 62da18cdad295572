package jconcur.kernel.uservm;

import java.lang.management.LockInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.MonitorInfo;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import jconcur.concurrency.Deadlocks;
import jconcur.concurrency.names.LockNames;
import jconcur.kernel.link.ThreadSnapshot;
import jconcur.kernel.link.ThreadSnapshot.HeldByIdleCell;
import jconcur.kernel.link.ThreadSnapshot.ThreadState;

/**
 * What the threads of this VM are doing, for the kernel's report on a cell that does not stop: the deadlock
 * cycles (monitors and java.util.concurrent locks) and the cell thread.
 */
final class ThreadReport {

    private static final int MAX_FRAMES = 12;

    private ThreadReport() {}

    static ThreadSnapshot snapshot() {
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
        List<ThreadState> cycle = new ArrayList<>();
        ThreadState cellState = null;
        for (ThreadInfo info : infos) {
            if (info == null) {
                continue;
            }
            ThreadState described = describe(info);
            if (info.getThreadId() == cellId) {
                cellState = described;
            }
            if (contains(deadlocked, info.getThreadId())) {
                cycle.add(described);
            }
        }
        Optional<HeldByIdleCell> held = cell == null ? heldBy(mx, UserCode.lastCellThread, deadlocked) : Optional.empty();
        return new ThreadSnapshot(cycle, Optional.ofNullable(cellState), held);
    }

    /**
     * Threads outside any cycle that wait for a lock held by the idle cell thread: a java.util.concurrent lock
     * an interrupted cell took is never released, so they wait for good.
     */
    private static Optional<HeldByIdleCell> heldBy(ThreadMXBean mx, Thread cellThread, long[] deadlocked) {
        if (cellThread == null) {
            return Optional.empty();
        }
        long cellId = cellThread.threadId();
        List<Long> waiting = new ArrayList<>();
        for (ThreadInfo info : mx.getThreadInfo(mx.getAllThreadIds())) {
            if (info != null && info.getLockOwnerId() == cellId && !contains(deadlocked, info.getThreadId())) {
                waiting.add(info.getThreadId());
            }
        }
        if (waiting.isEmpty()) {
            return Optional.empty();
        }
        ThreadInfo cellInfo = mx.getThreadInfo(new long[] {cellId}, true, true)[0];
        if (cellInfo == null) {
            return Optional.empty();
        }
        List<ThreadState> described = new ArrayList<>();
        for (ThreadInfo info : mx.getThreadInfo(waiting.stream().mapToLong(Long::longValue).toArray(), true, true)) {
            if (info != null) {
                described.add(describe(info));
            }
        }
        return described.isEmpty() ? Optional.empty() : Optional.of(new HeldByIdleCell(describe(cellInfo), described));
    }

    private static boolean contains(long[] ids, long id) {
        for (long i : ids) {
            if (i == id) {
                return true;
            }
        }
        return false;
    }

    private static ThreadState describe(ThreadInfo info) {
        LockInfo lock = info.getLockInfo();
        List<String> held = new ArrayList<>();
        for (MonitorInfo m : info.getLockedMonitors()) {
            held.add(lockName(m));
        }
        for (LockInfo l : info.getLockedSynchronizers()) {
            held.add(lockName(l));
        }
        StackTraceElement[] stack = info.getStackTrace();
        return new ThreadState(info.getThreadName(), info.getThreadId(), info.getThreadState().name(),
                Optional.ofNullable(lock).map(ThreadReport::lockName), Optional.ofNullable(info.getLockOwnerName()),
                held, List.of(stack).subList(0, Math.min(stack.length, MAX_FRAMES)));
    }

    private static String lockName(LockInfo lock) {
        return LockNames.of(lock);
    }
}
