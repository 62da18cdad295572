package jconcur.kernel.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import jconcur.kernel.engine.ExecuteOutcome.Failed;

/**
 * The report for a cell that did not stop after an interrupt: the deadlock cycle (threads, locks, owners,
 * top frames, notebook frames with cell lines) or, without a deadlock, what the cell thread is blocked on;
 * and that the user VM was replaced. Also the report for a cell that stopped but left threads of its own
 * deadlocked (they hold their locks for ever, so that user VM is replaced too).
 */
final class StuckCellReport {

    private static final int LIBRARY_FRAMES = 2;
    private static final int USER_FRAMES = 4;

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
        List<Map<String, Object>> cycle = report == null ? List.of()
                : (List<Map<String, Object>>) report.getOrDefault("deadlocked", List.of());
        Map<String, Object> cell = report == null ? null : (Map<String, Object>) report.get("cell");
        if (!cycle.isEmpty()) {
            ename = "Deadlock";
            evalue = cycle.size() + " threads are deadlocked; the cell did not stop within " + waited;
            traceback.add(Ansi.BOLD_RED + "Deadlock" + Ansi.RESET + ": the cell did not stop within " + waited
                    + " after the interrupt. These threads wait for each other:");
            for (Map<String, Object> thread : cycle) {
                traceback.addAll(thread(thread, currentCell));
            }
            if (cell != null && cycle.stream().noneMatch(t -> t.get("id").equals(cell.get("id")))) {
                traceback.add("The cell's own thread:");
                traceback.addAll(thread(cell, currentCell));
            }
        } else {
            ename = "Unresponsive";
            evalue = "the cell did not stop within " + waited + " after the interrupt";
            traceback.add(Ansi.BOLD_RED + "Unresponsive" + Ansi.RESET + ": the cell did not stop within " + waited
                    + " after the interrupt (no deadlock found: it blocks or ignores the interrupt).");
            if (cell != null) {
                traceback.addAll(thread(cell, currentCell));
            } else if (report == null) {
                traceback.add("The user VM did not answer a request for its threads either.");
            }
        }
        traceback.add("The kernel replaced the user VM with a fresh one. " + UserVmEnd.RESET_NOTE);
        return new Failed(ename, evalue + ". " + UserVmEnd.RESET_NOTE, traceback);
    }

    /**
     * The report for an interrupted cell that stopped, when a deadlock cycle of the user VM has a thread
     * running code of this cell (a cycle left by an earlier cell, say a deadlock demo, does not count).
     * @param report the user VM's thread report, or null when it did not answer
     */
    @SuppressWarnings("unchecked")
    Optional<Failed> deadlockLeftBehind(Map<String, Object> report, int currentCell) {
        List<Map<String, Object>> cycle = report == null ? List.of()
                : (List<Map<String, Object>>) report.getOrDefault("deadlocked", List.of());
        if (cycle.stream().noneMatch(thread -> runsCodeOf(thread, currentCell))) {
            return Optional.empty();
        }
        List<String> traceback = new ArrayList<>();
        traceback.add(Ansi.BOLD_RED + "Deadlock" + Ansi.RESET + ": the cell was interrupted, but threads it started"
                + " are deadlocked and can never finish. These threads wait for each other:");
        for (Map<String, Object> thread : cycle) {
            traceback.addAll(thread(thread, currentCell));
        }
        traceback.add("The kernel replaced the user VM with a fresh one. " + UserVmEnd.RESET_NOTE);
        return Optional.of(new Failed("Deadlock", cycle.size() + " threads started by the cell are deadlocked. "
                + UserVmEnd.RESET_NOTE, traceback));
    }

    @SuppressWarnings("unchecked")
    private boolean runsCodeOf(Map<String, Object> thread, int cell) {
        for (Map<String, Object> f : (List<Map<String, Object>>) thread.getOrDefault("frames", List.of())) {
            int line = f.get("line") instanceof Number n ? n.intValue() : -1;
            boolean ofCell = origins.translate(String.valueOf(f.get("class")), String.valueOf(f.get("method")), line)
                    .flatMap(frame -> origins.of(frame.getFileName().substring(1)))
                    .filter(origin -> origin.cell() == cell)
                    .isPresent();
            if (ofCell) {
                return true;
            }
        }
        return false;
    }

    @SuppressWarnings("unchecked")
    private List<String> thread(Map<String, Object> thread, int currentCell) {
        List<String> lines = new ArrayList<>();
        StringBuilder head = new StringBuilder("  \"").append(thread.get("name")).append("\" (")
                .append(thread.get("state")).append(")");
        Object lock = thread.get("waitsFor");
        if (lock != null) {
            head.append(" waits for ").append(lock);
            Object owner = thread.get("owner");
            head.append(owner == null ? "" : ", held by \"" + owner + "\"");
        }
        List<String> held = (List<String>) thread.getOrDefault("holds", List.of());
        if (!held.isEmpty()) {
            head.append("; holds ").append(String.join(", ", held));
        }
        lines.add(head.toString());
        int library = 0;
        int user = 0;
        for (Map<String, Object> f : (List<Map<String, Object>>) thread.getOrDefault("frames", List.of())) {
            String className = String.valueOf(f.get("class"));
            String method = String.valueOf(f.get("method"));
            int line = f.get("line") instanceof Number n ? n.intValue() : -1;
            Optional<String> described = origins.translate(className, method, line)
                    .flatMap(translated -> frames.describe(translated, currentCell));
            if (described.isPresent()) {
                if (user++ < USER_FRAMES) {
                    lines.add("    " + described.get().strip());
                }
            } else if (user == 0 && library++ < LIBRARY_FRAMES) {
                lines.add("    at " + WrapperNames.expunge(className) + "." + method);
            }
        }
        return lines;
    }
}
