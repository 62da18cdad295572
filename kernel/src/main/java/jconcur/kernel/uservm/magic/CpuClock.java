package jconcur.kernel.uservm.magic;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Wall and CPU time of this (user) JVM process, every thread included, as IPython's %time reads
 * getrusage(RUSAGE_SELF). Two sources, because neither is enough alone: the per-thread CPU clocks of the
 * live Java threads are precise (nanoseconds) but forget threads that ended (a pool shut down during the
 * cell); the process's user and system ticks in /proc/self/stat count everything (GC and JIT threads too)
 * but only in 10 ms steps. The precise figure is used unless the ticks show clearly more.
 */
final class CpuClock {

    private static final double TICK_SECONDS = 0.01; // USER_HZ, 100 on Linux

    /** One reading: per-thread CPU and user nanoseconds by thread id, and the process ticks. */
    record Sample(long wallNanos, Map<Long, long[]> threadNanos, long userTicks, long systemTicks) {}

    /** CPU time split into user and system seconds. */
    record Usage(double user, double system, double wall) {
        double total() {
            return user + system;
        }
    }

    private CpuClock() {}

    static Sample now() {
        long[] ticks = procTicks();
        return new Sample(System.nanoTime(), threadTimes(), ticks[0], ticks[1]);
    }

    static Usage between(Sample start, Sample end) {
        double wall = (end.wallNanos() - start.wallNanos()) / 1e9;
        long threadCpu = 0;
        long threadUser = 0;
        for (Map.Entry<Long, long[]> e : end.threadNanos().entrySet()) {
            long[] before = start.threadNanos().getOrDefault(e.getKey(), new long[] {0, 0});
            threadCpu += Math.max(0, e.getValue()[0] - before[0]);
            threadUser += Math.max(0, e.getValue()[1] - before[1]);
        }
        double tickUser = (end.userTicks() - start.userTicks()) * TICK_SECONDS;
        double tickTotal = tickUser + (end.systemTicks() - start.systemTicks()) * TICK_SECONDS;
        double total = preciseUnlessMissing(threadCpu / 1e9, tickTotal);
        double user = Math.min(total, preciseUnlessMissing(threadUser / 1e9, tickUser));
        return new Usage(user, total - user, wall);
    }

    /**
     * The live threads' figure unless the process ticks show clearly more (threads that ended, GC, JIT):
     * two ticks of slack keep the 10 ms steps from inflating short measurements.
     */
    private static double preciseUnlessMissing(double threads, double ticks) {
        return ticks > threads + 2 * TICK_SECONDS ? ticks : threads;
    }

    /** Thread id -> {cpu, user} nanoseconds of every live thread (empty where the JVM cannot measure). */
    private static Map<Long, long[]> threadTimes() {
        Map<Long, long[]> times = new HashMap<>();
        if (!(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean mx)
                || !mx.isThreadCpuTimeSupported() || !mx.isThreadCpuTimeEnabled()) {
            return times;
        }
        long[] ids = mx.getAllThreadIds();
        long[] cpu = mx.getThreadCpuTime(ids);
        long[] user = mx.getThreadUserTime(ids);
        for (int i = 0; i < ids.length; i++) {
            if (cpu[i] >= 0 && user[i] >= 0) {
                times.put(ids[i], new long[] {cpu[i], user[i]});
            }
        }
        return times;
    }

    /** utime and stime of /proc/self/stat (fields 14 and 15), or zeros off Linux. */
    private static long[] procTicks() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            // The command name (field 2) may hold spaces; fields after it start past its closing ')'.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return new long[] {Long.parseLong(fields[11]), Long.parseLong(fields[12])};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }
}
