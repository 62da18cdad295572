package jconcur.concurrency;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Which thread ran which task when: the result of {@code timeline(() -> { ... })} or
 * {@link TimelineRecorder#finish()}. As a cell's last value (or in {@code display(...)}) it is drawn, one row
 * per thread and one bar per task, with this text summary for plain clients.
 * <pre>{@code
 * Timeline t = timeline("16 primes", () -> {
 *     try (var pool = pool(4)) {
 *         for (long n : numbers) pool.submit(task("prime " + n, () -> isPrime(n)));
 *     }
 * });
 * t                                                       // the picture
 * t.groupBy(s -> s.name().startsWith("prime 1") ? "big" : "small")   // colours by your own groups
 * }</pre>
 */
public final class Timeline {

    /**
     * One thread's row: its name, whether it is virtual, and its spans in start order.
     *
     * @param name     the thread's name
     * @param threadId the thread's id
     * @param virtual  whether it is a virtual thread
     * @param spans    its spans (tasks and waits) in start order
     */
    public record Row(String name, long threadId, boolean virtual, List<TimelineSpan> spans) {
        /** Copies the list. */
        public Row {
            spans = List.copyOf(spans);
        }

        /**
         * Seconds this thread spent in outermost tasks.
         *
         * @return the busy time
         */
        public double busySeconds() {
            return spans.stream().filter(s -> s.depth() == 0 && s.kind() == TimelineSpan.Kind.TASK)
                    .mapToDouble(TimelineSpan::seconds).sum();
        }
    }

    private final String label;
    private final double seconds;
    private final List<TimelineSpan> spans;
    private final List<Row> rows;

    private Timeline(String label, double seconds, List<TimelineSpan> spans, List<Row> rows) {
        this.label = label;
        this.seconds = seconds;
        this.spans = spans;
        this.rows = rows;
    }

    /**
     * A timeline of already recorded spans (depths are recomputed from containment on each thread).
     *
     * @param label   a title (may be empty)
     * @param seconds how long the recording lasted
     * @param spans   the spans, in any order
     * @return the timeline, rows in order of each thread's first start
     */
    public static Timeline of(String label, double seconds, List<TimelineSpan> spans) {
        Map<Long, List<TimelineSpan>> byThread = new LinkedHashMap<>();
        spans.stream().sorted(Comparator.comparingDouble(TimelineSpan::start)
                        .thenComparing(Comparator.comparingDouble(TimelineSpan::end).reversed()))
                .forEach(s -> byThread.computeIfAbsent(s.threadId(), k -> new ArrayList<>()).add(s));
        List<Row> rows = new ArrayList<>();
        List<TimelineSpan> all = new ArrayList<>();
        for (List<TimelineSpan> threadSpans : byThread.values()) {
            List<TimelineSpan> nested = withDepths(threadSpans);
            TimelineSpan first = nested.get(0);
            rows.add(new Row(first.thread(), first.threadId(), first.virtual(), nested));
            all.addAll(nested);
        }
        all.sort(Comparator.comparingDouble(TimelineSpan::start));
        double end = Math.max(seconds, all.stream().mapToDouble(TimelineSpan::end).max().orElse(0));
        return new Timeline(label == null ? "" : label, end, List.copyOf(all), List.copyOf(rows));
    }

    /** Depth = how many earlier spans of the same thread still enclose this one. */
    private static List<TimelineSpan> withDepths(List<TimelineSpan> sortedByStart) {
        List<TimelineSpan> out = new ArrayList<>(sortedByStart.size());
        Deque<TimelineSpan> open = new ArrayDeque<>();
        for (TimelineSpan s : sortedByStart) {
            while (!open.isEmpty() && open.peek().end() <= s.start()) {
                open.pop();
            }
            TimelineSpan placed = s.withDepth(open.size());
            out.add(placed);
            open.push(placed);
        }
        return out;
    }

    /**
     * The title given when recording.
     *
     * @return the label, possibly empty
     */
    public String label() {
        return label;
    }

    /**
     * How long the recording lasted.
     *
     * @return seconds from start to finish
     */
    public double seconds() {
        return seconds;
    }

    /**
     * Every span (tasks and waits) in start order.
     *
     * @return the spans
     */
    public List<TimelineSpan> spans() {
        return spans;
    }

    /**
     * The tasks (spans of kind TASK), in start order.
     *
     * @return the tasks
     */
    public List<TimelineSpan> tasks() {
        return spans.stream().filter(s -> s.kind() == TimelineSpan.Kind.TASK).toList();
    }

    /**
     * One row per thread, in order of each thread's first start.
     *
     * @return the rows
     */
    public List<Row> rows() {
        return rows;
    }

    /**
     * The distinct groups of the tasks, in order of first appearance.
     *
     * @return the group names
     */
    public List<String> groups() {
        return List.copyOf(new LinkedHashSet<>(tasks().stream().map(TimelineSpan::group).toList()));
    }

    /**
     * The same timeline with tasks grouped (and so coloured) by your own rule; waits keep their group.
     *
     * @param groupOf e.g. {@code s -> s.name().startsWith("prime") ? "expensive" : "cheap"}
     * @return a regrouped copy
     */
    public Timeline groupBy(Function<TimelineSpan, String> groupOf) {
        Objects.requireNonNull(groupOf, "groupOf");
        List<TimelineSpan> regrouped = spans.stream()
                .map(s -> s.kind() == TimelineSpan.Kind.TASK ? s.withGroup(String.valueOf(groupOf.apply(s))) : s)
                .toList();
        return of(label, seconds, regrouped);
    }

    /**
     * The same timeline under another title.
     *
     * @param newLabel the title
     * @return a relabelled copy
     */
    public Timeline label(String newLabel) {
        return new Timeline(newLabel == null ? "" : newLabel, seconds, spans, rows);
    }

    /** A text summary: tasks, threads, busy share per thread (the first 20 threads). */
    @Override
    public String toString() {
        List<TimelineSpan> tasks = tasks();
        long failed = tasks.stream().filter(TimelineSpan::failed).count();
        long waits = spans.size() - tasks.size();
        long virtual = rows.stream().filter(Row::virtual).count();
        StringBuilder out = new StringBuilder("timeline").append(label.isEmpty() ? "" : " '" + label + "'")
                .append(": ").append(tasks.size()).append(tasks.size() == 1 ? " task" : " tasks").append(" on ")
                .append(rows.size()).append(rows.size() == 1 ? " thread" : " threads")
                .append(virtual > 0 ? " (" + virtual + " virtual)" : "").append(" in ")
                .append(TimeFormat.seconds(seconds));
        if (failed > 0) {
            out.append(", ").append(failed).append(" failed");
        }
        if (waits > 0) {
            out.append(", ").append(waits).append(" lock waits");
        }
        int shown = Math.min(rows.size(), 20);
        for (Row row : rows.subList(0, shown)) {
            long rowTasks = row.spans().stream().filter(s -> s.kind() == TimelineSpan.Kind.TASK).count();
            out.append(String.format(Locale.ROOT, "%n  %s: %d %s, busy %s (%.0f%%)", row.name(), rowTasks,
                    rowTasks == 1 ? "task" : "tasks", TimeFormat.seconds(row.busySeconds()),
                    seconds > 0 ? 100 * row.busySeconds() / seconds : 0.0));
        }
        if (rows.size() > shown) {
            out.append("\n  ... and ").append(rows.size() - shown).append(" more threads");
        }
        return out.toString();
    }
}
