package jconcur.concurrency;

/**
 * One recorded interval on one thread of a {@link Timeline}: a task (or an explicit span) from start to end,
 * or a time the thread spent waiting for a {@link NamedLock}.
 *
 * @param name     what ran, e.g. "task 17", "prime 1000000007" or "waiting for L1"
 * @param group    what the picture colours by (the name unless regrouped with {@link Timeline#groupBy})
 * @param thread   the thread's name ("virtual #42" for an unnamed virtual thread)
 * @param threadId the thread's id (names may repeat)
 * @param virtual  whether the thread is virtual
 * @param kind     TASK or WAIT
 * @param start    seconds from the start of the recording
 * @param end      seconds from the start of the recording (not before start)
 * @param failed   whether the task threw
 * @param depth    0 for an outermost interval, 1 for one inside another on the same thread, ...
 */
public record TimelineSpan(String name, String group, String thread, long threadId, boolean virtual, Kind kind,
                           double start, double end, boolean failed, int depth) {

    /** What a span shows. */
    public enum Kind {
        /** The thread ran a task or an explicit span. */
        TASK,
        /** The thread waited for a named lock. */
        WAIT
    }

    /**
     * How long the span lasted.
     *
     * @return end - start, in seconds
     */
    public double seconds() {
        return end - start;
    }

    TimelineSpan withGroup(String newGroup) {
        return new TimelineSpan(name, newGroup, thread, threadId, virtual, kind, start, end, failed, depth);
    }

    TimelineSpan withDepth(int newDepth) {
        return new TimelineSpan(name, group, thread, threadId, virtual, kind, start, end, failed, newDepth);
    }
}
