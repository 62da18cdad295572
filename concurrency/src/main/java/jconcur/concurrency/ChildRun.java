package jconcur.concurrency;

import java.time.Duration;
import java.util.List;

/**
 * One finished child JVM (see {@link ChildProgram}).
 *
 * @param args     the program arguments it got
 * @param pid      its process id
 * @param exitCode its exit code (0 for success)
 * @param stdout   everything it printed to standard output
 * @param stderr   everything it printed to standard error
 * @param elapsed  from start until it exited, JVM start-up included
 */
public record ChildRun(List<String> args, long pid, int exitCode, String stdout, String stderr, Duration elapsed) {

    /** Copies the list so the record is immutable. */
    public ChildRun {
        args = List.copyOf(args);
    }

    /**
     * Standard output split into lines (without line ends).
     *
     * @return the lines
     */
    public List<String> lines() {
        return stdout.lines().toList();
    }

    /**
     * Standard output without leading and trailing white space, e.g. a single number the child printed.
     *
     * @return the trimmed output
     */
    public String output() {
        return stdout.strip();
    }

    /** E.g. "pid 1234, exit 0, 180 ms: 42". */
    @Override
    public String toString() {
        return "pid " + pid + ", exit " + exitCode + ", " + TimeFormat.duration(elapsed) + ": "
                + Differences.shorten(output());
    }
}
