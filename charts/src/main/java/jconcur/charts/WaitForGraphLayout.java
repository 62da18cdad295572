package jconcur.charts;

import java.awt.FontMetrics;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import jconcur.concurrency.LockGraph;

/**
 * Where the nodes and arrows of a wait-for graph picture go, computed before drawing (and tested without
 * pixels). Nodes sit on an ellipse, the cycle's threads and locks first and in cycle order, so the cycle
 * reads round the ellipse; "waits for" arrows go from a thread to a lock, "held by" arrows from a lock to
 * its holder (a deadlock is then a directed cycle).
 */
record WaitForGraphLayout(int width, int height, String title, List<Node> nodes, List<Arrow> arrows) {

    static final int WIDTH = 720;

    /**
     * A thread or a lock.
     *
     * @param name    its name
     * @param lock    true for a lock, false for a thread
     * @param x       centre, pixels
     * @param y       centre, pixels
     * @param halfW   half width of its box
     * @param halfH   half height of its box
     * @param onCycle whether it is on the deadlock cycle
     */
    record Node(String name, boolean lock, double x, double y, double halfW, double halfH, boolean onCycle) {
    }

    /**
     * An arrow between two nodes.
     *
     * @param from    index into nodes
     * @param to      index into nodes
     * @param waits   true for "waits for" (thread to lock), false for "held by" (lock to thread)
     * @param onCycle whether it is part of the deadlock cycle
     */
    record Arrow(int from, int to, boolean waits, boolean onCycle) {
    }

    static WaitForGraphLayout of(LockGraph graph) {
        List<LockGraph.Wait> cycleWaits = graph.cycleWaits();
        Set<String> cycleThreads = new LinkedHashSet<>();
        Set<String> cycleLocks = new LinkedHashSet<>();
        List<String> order = new ArrayList<>();
        List<Boolean> isLock = new ArrayList<>();
        for (LockGraph.Wait w : cycleWaits) {
            cycleThreads.add(w.thread());
            cycleLocks.add(w.lock());
            add(order, isLock, w.thread(), false);
            add(order, isLock, w.lock(), true);
        }
        graph.threads().forEach(t -> add(order, isLock, t, false));
        graph.locks().forEach(l -> add(order, isLock, l, true));

        int n = order.size();
        int height = n <= 6 ? 400 : 520;
        double cx = WIDTH / 2.0;
        double cy = 48 + (height - 48 - 44) / 2.0;
        double rx = n <= 2 ? 150 : n <= 6 ? 250 : 270;
        double ry = (height - 48 - 44) / 2.0 - 34;
        FontMetrics metrics = Java2dPictures.metrics(TimelineLayout.LABEL_FONT);
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double angle = Math.PI + 2 * Math.PI * i / n;
            String name = order.get(i);
            boolean lock = isLock.get(i);
            double halfW = Math.min(110, metrics.stringWidth(name) / 2.0 + (lock ? 18 : 12));
            nodes.add(new Node(name, lock, cx + rx * Math.cos(angle), cy + ry * Math.sin(angle), halfW, 17,
                    lock ? cycleLocks.contains(name) : cycleThreads.contains(name)));
        }
        List<Arrow> arrows = new ArrayList<>();
        for (LockGraph.Wait w : graph.waits()) {
            arrows.add(new Arrow(index(nodes, w.thread(), false), index(nodes, w.lock(), true), true,
                    cycleWaits.contains(w)));
        }
        for (LockGraph.Hold h : graph.holds()) {
            boolean onCycle = cycleWaits.stream().anyMatch(w -> w.lock().equals(h.lock()) && h.thread().equals(w.owner()));
            arrows.add(new Arrow(index(nodes, h.lock(), true), index(nodes, h.thread(), false), false, onCycle));
        }
        String chain = "DEADLOCK: " + String.join(" \u2192 ", cycleNames(cycleWaits));
        String title = graph.cycle().isEmpty() ? "who waits for whom (no cycle)"
                : Java2dPictures.metrics(TimelineLayout.TITLE_FONT).stringWidth(chain) <= WIDTH - 24 ? chain
                : "DEADLOCK: a cycle of " + cycleWaits.size() + " threads and " + cycleWaits.size() + " locks (red)";
        return new WaitForGraphLayout(WIDTH, height, title, List.copyOf(nodes), List.copyOf(arrows));
    }

    private static List<String> cycleNames(List<LockGraph.Wait> cycleWaits) {
        List<String> names = new ArrayList<>();
        cycleWaits.forEach(w -> {
            names.add(w.thread());
            names.add(w.lock());
        });
        if (!cycleWaits.isEmpty()) {
            names.add(cycleWaits.get(0).thread());
        }
        return names;
    }

    private static void add(List<String> order, List<Boolean> isLock, String name, boolean lock) {
        for (int i = 0; i < order.size(); i++) {
            if (order.get(i).equals(name) && isLock.get(i) == lock) {
                return;
            }
        }
        order.add(name);
        isLock.add(lock);
    }

    private static int index(List<Node> nodes, String name, boolean lock) {
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i).name().equals(name) && nodes.get(i).lock() == lock) {
                return i;
            }
        }
        throw new IllegalStateException("no node " + name);
    }
}
