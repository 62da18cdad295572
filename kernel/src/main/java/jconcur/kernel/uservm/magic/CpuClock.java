package jconcur.kernel.uservm.magic;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Wall and CPU time of this (user) JVM process, every thread included, as IPython's %time reads
 * getrusage(RUSAGE_SELF). The total comes from the JVM's precise process CPU clock; Linux's /proc/self/stat
 * (10 ms ticks) tells how it splits into user and system time.
 */
final class CpuClock {

    private static final double TICK_SECONDS = 0.01; // USER_HZ, 100 on Linux

    /** One reading; cpuNanos is -1 where the JVM cannot read its process CPU time. */
    record Sample(long wallNanos, long cpuNanos, long userTicks, long systemTicks) {}

    /** CPU time split into user and system seconds. */
    record Usage(double user, double system, double wall) {
        double total() {
            return user + system;
        }
    }

    private CpuClock() {}

    static Sample now() {
        long[] ticks = procTicks();
        long cpu = -1;
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            cpu = os.getProcessCpuTime();
        }
        return new Sample(System.nanoTime(), cpu, ticks[0], ticks[1]);
    }

    static Usage between(Sample start, Sample end) {
        double wall = (end.wallNanos() - start.wallNanos()) / 1e9;
        long userTicks = end.userTicks() - start.userTicks();
        long systemTicks = end.systemTicks() - start.systemTicks();
        if (start.cpuNanos() < 0 || end.cpuNanos() < 0) {
            return new Usage(userTicks * TICK_SECONDS, systemTicks * TICK_SECONDS, wall);
        }
        double total = (end.cpuNanos() - start.cpuNanos()) / 1e9;
        double userShare = userTicks + systemTicks > 0 ? (double) userTicks / (userTicks + systemTicks) : 1.0;
        return new Usage(total * userShare, total * (1 - userShare), wall);
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
