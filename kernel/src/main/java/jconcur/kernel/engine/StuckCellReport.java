package jconcur.kernel.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import jconcur.charts.WaitForGraphPicture;
import jconcur.concurrency.LockGraph;
import jconcur.concurrency.names.WrapperNames;
import jconcur.display.MimeBundle;
import jconcur.kernel.engine.ExecuteOutcome.Failed;

/**
 * Reports on threads of the user VM (from its ThreadMXBean): the deadlock cycle (threads, locks, owners, top
 * frames, notebook frames with cell lines) of a cell that did not stop after an interrupt, or, without a
 * deadlock, what the cell thread is blocked on; and deadlocked threads an interrupted cell leaves behind.
 * The deadlock is also drawn as a wait-for graph ({@link #picture}).
 */
final class StuckCellReport {

    private static final int USER_FRAMES = 4;
    private static final int TOP_FRAMES = 3;
    private static final Pattern JDK_PACKAGE = Pattern.compile("\\b(java\\.lang|java\\.util\\.concurrent\\.locks|java\\.util\\.concurrent)\\.");

    private final SnippetOrigins origins;
    private final UserFrames frames;

    StuckCellReport(SnippetOrigins origins, UserFrames frames) {
        this.origins = origins;
        this.frames = frames;
    }

    /** @param report the user VM's thread report, or null when it did not answer */
    @SuppressWarnings("unchecked")
    Failed describe(Map<String, Object> report, long graceMs, int currentCell) {
        String waited = String.format(Locale.ROOT, "%.1f s", graceMs / 1000.0);
        List<String> traceback = new ArrayList<>();
        String ename;
        String evalue;
        List<Map<String, Object>> cycle = deadlocked(report);
        Map<String, Object> cell = report == null ? null : (Map<String, Object>) report.get("cell");
        if (!cycle.isEmpty()) {
            ename = "Deadlock";
            evalue = cycle.size() + " threads are deadlocked; the cell did not stop within " + waited;
            traceback.add(Ansi.BOLD_RED + "Deadlock" + Ansi.RESET + ": the cell did not stop within " + waited
                    + " after the interrupt. These threads wait for each other:");
            traceback.addAll(threads(cycle, currentCell));
            if (cell != null && cycle.stream().noneMatch(t -> t.get("id").equals(cell.get("id")))) {
                traceback.add("The cell's own thread:");
                traceback.addAll(threads(List.of(cell), currentCell));
            }
        } else {
            ename = "Unresponsive";
            evalue = "the cell did not stop within " + waited + " after the interrupt";
            traceback.add(Ansi.BOLD_RED + "Unresponsive" + Ansi.RESET + ": the cell did not stop within " + waited
                    + " after the interrupt (no deadlock found: it blocks or ignores the interrupt).");
            if (cell != null) {
                traceback.addAll(threads(List.of(cell), currentCell));
            } else if (report == null) {
                traceback.add("The user VM did not answer a request for its threads either.");
            }
        }
        traceback.add("The kernel replaced the user VM with a fresh one. " + UserVmEnd.RESET_NOTE);
        return new Failed(ename, evalue + ". " + UserVmEnd.RESET_NOTE, traceback);
    }

    /**
     * The deadlock cycle drawn as a wait-for graph (threads, locks, waits and holds), to show next to the
     * text report; empty when there is no deadlock.
     */
    static Optional<MimeBundle> picture(Map<String, Object> report) {
        List<Map<String, Object>> cycle = deadlocked(report);
        if (cycle.isEmpty()) {
            return Optional.empty();
        }
        List<LockGraph.Hold> holds = new ArrayList<>();
        List<LockGraph.Wait> waits = new ArrayList<>();
        Map<String, String> ownerOf = new LinkedHashMap<>();
        for (Map<String, Object> thread : cycle) {
            String name = String.valueOf(thread.get("name"));
            @SuppressWarnings("unchecked")
            List<String> held = (List<String>) thread.getOrDefault("holds", List.of());
            held.forEach(lock -> holds.add(new LockGraph.Hold(name, lockName(lock))));
            if (thread.get("waitsFor") != null && thread.get("owner") != null) {
                String owner = String.valueOf(thread.get("owner"));
                waits.add(new LockGraph.Wait(name, lockName(thread.get("waitsFor")), owner));
                ownerOf.put(name, owner);
            }
        }
        List<String> order = new ArrayList<>();
        String current = ownerOf.keySet().stream().findFirst().orElse(null);
        while (current != null && !order.contains(current)) {
            order.add(current);
            current = ownerOf.get(current);
        }
        List<String> loop = current == null ? List.of() : order.subList(order.indexOf(current), order.size());
        LockGraph graph = new LockGraph(holds, waits, loop);
        return Optional.of(WaitForGraphPicture.bundle(graph, graph.toString(), false));
    }

    /**
     * Lines about deadlocked threads that outlive an interrupted cell, and about threads that wait for a lock the
     * stopped cell still holds (the cycle the interrupt broke on the cell's side); empty when there are none.
     */
    @SuppressWarnings("unchecked")
    List<String> leftBehind(Map<String, Object> report, int currentCell) {
        List<Map<String, Object>> cycle = deadlocked(report);
        List<Map<String, Object>> waiting = report == null ? List.of()
                : (List<Map<String, Object>>) report.getOrDefault("waitingForIdleCellThread", List.of());
        List<String> lines = new ArrayList<>();
        if (!cycle.isEmpty()) {
            lines.add(Ansi.RED + "These threads are deadlocked and stay so until the kernel restarts:" + Ansi.RESET);
            lines.addAll(threads(cycle, currentCell));
        }
        if (waiting.size() > 1) {
            List<Map<String, Object>> stuck = waiting.subList(1, waiting.size());
            // Only the locks they wait for: the cell thread also holds the agent's own locks.
            List<String> held = stuck.stream().map(t -> lockName(t.get("waitsFor"))).distinct().toList();
            lines.add(Ansi.BOLD_RED + "Deadlock" + Ansi.RESET + ": the cell's thread \"" + waiting.get(0).get("name")
                    + "\" still holds " + String.join(", ", held)
                    + " (a lock is not released when the cell stops), so these threads are stuck for good"
                    + " (until the kernel restarts):");
            lines.addAll(threads(stuck, currentCell));
        }
        return lines;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> deadlocked(Map<String, Object> report) {
        return report == null ? List.of() : (List<Map<String, Object>>) report.getOrDefault("deadlocked", List.of());
    }

    private List<String> threads(List<Map<String, Object>> threads, int currentCell) {
        List<String> lines = new ArrayList<>();
        threads.forEach(t -> lines.addAll(thread(t, currentCell)));
        return lines;
    }

    @SuppressWarnings("unchecked")
    private List<String> thread(Map<String, Object> thread, int currentCell) {
        List<String> lines = new ArrayList<>();
        StringBuilder head = new StringBuilder("  \"").append(thread.get("name")).append("\" (")
                .append(thread.get("state")).append(")");
        Object lock = thread.get("waitsFor");
        if (lock != null) {
            head.append(" waits for ").append(lockName(lock));
            Object owner = thread.get("owner");
            head.append(owner == null ? "" : ", held by \"" + owner + "\"");
        }
        List<String> held = (List<String>) thread.getOrDefault("holds", List.of());
        if (!held.isEmpty()) {
            head.append("; holds ").append(String.join(", ", held.stream().map(StuckCellReport::lockName).toList()));
        }
        lines.add(head.toString());
        List<String> shown = new ArrayList<>();
        String lastLibrary = null;
        int library = 0;
        for (Map<String, Object> f : (List<Map<String, Object>>) thread.getOrDefault("frames", List.of())) {
            String className = String.valueOf(f.get("class"));
            if (className.contains("$$Lambda") || className.contains("/0x")) {
                continue; // generated lambda classes say nothing
            }
            String method = String.valueOf(f.get("method"));
            int line = f.get("line") instanceof Number n ? n.intValue() : -1;
            Optional<String> described = origins.translate(className, method, line)
                    .flatMap(translated -> frames.describe(translated, currentCell));
            if (described.isPresent()) {
                if (shown.isEmpty() && lastLibrary != null) {
                    shown.add("    at " + lastLibrary); // the call into the library where the thread waits
                }
                shown.add("    " + described.get().strip());
                if (shown.size() > USER_FRAMES) {
                    break;
                }
            } else if (shown.isEmpty()) {
                lastLibrary = shortName(className) + "." + method;
                library++;
            }
        }
        if (shown.isEmpty()) {
            // No notebook code on this thread: its top frames say where it is.
            for (Map<String, Object> f : ((List<Map<String, Object>>) thread.getOrDefault("frames", List.of()))
                    .stream().limit(Math.min(TOP_FRAMES, library)).toList()) {
                shown.add("    at " + shortName(String.valueOf(f.get("class"))) + "." + f.get("method"));
            }
        }
        lines.addAll(shown);
        return lines;
    }

    /** The user VM names locks already (LockNames): "ReentrantLock$NonfairSync@1a2b". */
    private static String lockName(Object lock) {
        return String.valueOf(lock);
    }

    private static String shortName(String className) {
        return JDK_PACKAGE.matcher(WrapperNames.expunge(className)).replaceAll("");
    }
}
