package jconcur.kernel.engine;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** The last lines of a text that arrives in pieces (the user VM's stderr), for reports on a VM that died. */
final class LineTail {

    private static final int MAX_LINE = 300;

    private final int keep;
    private final Deque<String> lines = new ArrayDeque<>();
    private final StringBuilder partial = new StringBuilder();

    LineTail(int keep) {
        this.keep = keep;
    }

    synchronized void append(String text) {
        int start = 0;
        while (start < text.length()) {
            int newline = text.indexOf('\n', start);
            int end = newline < 0 ? text.length() : newline;
            if (partial.length() < MAX_LINE) {
                partial.append(text, start, Math.min(end, start + MAX_LINE - partial.length()));
            }
            if (newline < 0) {
                break;
            }
            push(partial.toString());
            partial.setLength(0);
            start = newline + 1;
        }
    }

    /** Forgets what came so far: a cell starts, and only its lines belong to a report on how it ended the VM. */
    synchronized void clear() {
        lines.clear();
        partial.setLength(0);
    }

    synchronized List<String> lines() {
        if (partial.isEmpty()) {
            return List.copyOf(lines);
        }
        Deque<String> all = new ArrayDeque<>(lines);
        all.addLast(partial.toString());
        while (all.size() > keep) {
            all.removeFirst();
        }
        return List.copyOf(all);
    }

    private void push(String line) {
        if (lines.size() == keep) {
            lines.removeFirst();
        }
        lines.addLast(line);
    }
}
