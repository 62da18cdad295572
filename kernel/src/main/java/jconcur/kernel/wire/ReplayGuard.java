package jconcur.kernel.wire;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers recent signatures so that a captured message cannot be replayed, as jupyter_client's Session does.
 * Bounded: the oldest signatures are forgotten first.
 */
final class ReplayGuard {

    private final Map<String, Boolean> seen;

    ReplayGuard(int capacity) {
        this.seen = new LinkedHashMap<>(1024, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    /** True the first time a signature is seen, false for a repeat. */
    synchronized boolean firstSeen(String signature) {
        return seen.putIfAbsent(signature, Boolean.TRUE) == null;
    }
}
