package jconcur.kernel.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import jconcur.charts.WaitForGraphPicture;
import jconcur.concurrency.LockGraph;
import jconcur.concurrency.names.WrapperNames;
import jconcur.display.MimeBundle;
import jconcur.kernel.engine.ExecuteOutcome.Failed;
import jconcur.kernel.link.ThreadSnapshot;
import jconcur.kernel.link.ThreadSnapshot.HeldByIdleCell;
import jconcur.kernel.link.ThreadSnapshot.ThreadState;

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

    /** @param report the user VM's thread report, empty when it did not answer */
    Failed describe(Optional<ThreadSnapshot> report, long graceMs, int currentCell) {
        String waited = String.format(Locale.ROOT, "%.1f s", graceMs / 1000.0);
        List<String> traceback = new ArrayList<>();
        String ename;
        String evalue;
        List<ThreadState> cycle = report.map(ThreadSnapshot::deadlocked).orElse(List.of());
        Optional<ThreadState> cell = report.flatMap(ThreadSnapshot::cell);
        if (!cycle.isEmpty()) {
            ename = "Deadlock";
            evalue = cycle.size() + " threads are deadlocked; the cell did not stop within " + waited;
            traceback.add(Ansi.BOLD_RED + "Deadlock" + Ansi.RESET + ": the cell did not stop within " + waited
                    + " after the interrupt. These threads wait for each other:");
            traceback.addAll(threads(cycle, currentCell));
            if (cell.isPresent() && cycle.stream().noneMatch(t -> t.id() == cell.get().id())) {
                traceback.add("The cell's own thread:");
                traceback.addAll(thread(cell.get(), currentCell));
            }
        } else {
            ename = "Unresponsive";
            evalue = "the cell did not stop within " + waited + " after the interrupt";
            traceback.add(Ansi.BOLD_RED + "Unresponsive" + Ansi.RESET + ": the cell did not stop within " + waited
                    + " after the interrupt (no deadlock found: it blocks or ignores the interrupt).");
            if (cell.isPresent()) {
                traceback.addAll(thread(cell.get(), currentCell));
            } else if (report.isEmpty()) {
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
    static Optional<MimeBundle> picture(ThreadSnapshot report) {
        List<ThreadState> cycle = report.deadlocked();
        if (cycle.isEmpty()) {
            return Optional.empty();
        }
        List<LockGraph.Hold> holds = new ArrayList<>();
        List<LockGraph.Wait> waits = new ArrayList<>();
        Map<String, String> ownerOf = new LinkedHashMap<>();
        for (ThreadState thread : cycle) {
            String name = thread.name();
            thread.holds().forEach(lock -> holds.add(new LockGraph.Hold(name, lock)));
            if (thread.waitsFor().isPresent() && thread.owner().isPresent()) {
                String owner = thread.owner().get();
                waits.add(new LockGraph.Wait(name, thread.waitsFor().get(), owner));
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
    List<String> leftBehind(Optional<ThreadSnapshot> report, int currentCell) {
        List<ThreadState> cycle = report.map(ThreadSnapshot::deadlocked).orElse(List.of());
        Optional<HeldByIdleCell> heldByCell = report.flatMap(ThreadSnapshot::heldByIdleCell);
        List<String> lines = new ArrayList<>();
        if (!cycle.isEmpty()) {
            lines.add(Ansi.RED + "These threads are deadlocked and stay so until the kernel restarts:" + Ansi.RESET);
            lines.addAll(threads(cycle, currentCell));
        }
        if (heldByCell.isPresent()) {
            List<ThreadState> stuck = heldByCell.get().waiting();
            // Only the locks they wait for: the cell thread also holds the agent's own locks.
            List<String> held = stuck.stream().flatMap(t -> t.waitsFor().stream()).distinct().toList();
            lines.add(Ansi.BOLD_RED + "Deadlock" + Ansi.RESET + ": the cell's thread \"" + heldByCell.get().cellThread().name()
                    + "\" still holds " + String.join(", ", held)
                    + " (a lock is not released when the cell stops), so these threads are stuck for good"
                    + " (until the kernel restarts):");
            lines.addAll(threads(stuck, currentCell));
        }
        return lines;
    }

    private List<String> threads(List<ThreadState> threads, int currentCell) {
        List<String> lines = new ArrayList<>();
        threads.forEach(t -> lines.addAll(thread(t, currentCell)));
        return lines;
    }

    private List<String> thread(ThreadState thread, int currentCell) {
        List<String> lines = new ArrayList<>();
        StringBuilder head = new StringBuilder("  \"").append(thread.name()).append("\" (")
                .append(thread.state()).append(")");
        if (thread.waitsFor().isPresent()) {
            head.append(" waits for ").append(thread.waitsFor().get());
            head.append(thread.owner().map(owner -> ", held by \"" + owner + "\"").orElse(""));
        }
        List<String> held = thread.holds();
        if (!held.isEmpty()) {
            head.append("; holds ").append(String.join(", ", held));
        }
        lines.add(head.toString());
        List<String> shown = new ArrayList<>();
        String lastLibrary = null;
        int library = 0;
        for (StackTraceElement f : thread.frames()) {
            String className = f.getClassName();
            if (className.contains("$$Lambda") || className.contains("/0x")) {
                continue; // generated lambda classes say nothing
            }
            String method = f.getMethodName();
            int line = f.getLineNumber();
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
            for (StackTraceElement f : thread.frames().stream().limit(Math.min(TOP_FRAMES, library)).toList()) {
                shown.add("    at " + shortName(f.getClassName()) + "." + f.getMethodName());
            }
        }
        lines.addAll(shown);
        return lines;
    }

    private static String shortName(String className) {
        return JDK_PACKAGE.matcher(WrapperNames.expunge(className)).replaceAll("");
    }
}
