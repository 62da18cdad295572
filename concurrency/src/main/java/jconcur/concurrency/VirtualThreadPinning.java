package jconcur.concurrency;

import java.util.List;

/**
 * What the running JDK does with a virtual thread that blocks in, or waits inside, {@code synchronized}.
 * Up to JDK 23 such a thread <em>pins</em> its carrier: the carrier (one of a few platform threads, as many as
 * cores) stays blocked with it, so a handful of virtual threads stuck on monitors stall every other virtual
 * thread of the JVM. Since JDK 24 (JEP 491) the virtual thread unmounts and the carrier runs others, as it
 * always did for {@code ReentrantLock}, {@code sleep} and I/O. Notebooks that show virtual threads and
 * monitors say which case they ran in with {@link #describe()}.
 * <pre>{@code
 * System.out.println(VirtualThreadPinning.describe());
 * if (virtualThreadsPinInSynchronized()) { ... use a ReentrantLock, or fewer virtual threads ... }
 * }</pre>
 */
public final class VirtualThreadPinning {

    /** The first feature release in which blocking in synchronized releases the carrier (JEP 491). */
    public static final int UNPINNED_SINCE = 24;

    private VirtualThreadPinning() {}

    /**
     * Whether, on this JDK, a virtual thread that blocks in or waits inside {@code synchronized} keeps its
     * carrier thread.
     *
     * @return true on JDK 21 to 23, false on JDK 24 and later
     */
    public static boolean pinsInSynchronized() {
        return pinsInSynchronized(Runtime.version().feature());
    }

    static boolean pinsInSynchronized(int feature) {
        return feature < UNPINNED_SINCE;
    }

    /**
     * How many carrier threads the virtual-thread scheduler runs: the system property
     * {@code jdk.virtualThreadScheduler.parallelism} if set, else the number of available processors.
     *
     * @return the scheduler's parallelism
     */
    public static int carriers() {
        String configured = System.getProperty("jdk.virtualThreadScheduler.parallelism");
        if (configured != null) {
            try {
                return Integer.parseInt(configured.strip());
            } catch (NumberFormatException e) {
                // the JVM rejects such a value at start-up; the default below is what it falls back to
            }
        }
        return Runtime.getRuntime().availableProcessors();
    }

    /**
     * One sentence for a notebook: this JDK's release, whether virtual threads pin their carrier in
     * {@code synchronized}, and the number of carriers.
     *
     * @return e.g. "JDK 25: a virtual thread blocked in synchronized releases its carrier (JEP 491, JDK 24+);
     *         2 carrier threads"
     */
    public static String describe() {
        return describe(Runtime.version().feature(), carriers());
    }

    static String describe(int feature, int carriers) {
        String count = carriers + " carrier thread" + (carriers == 1 ? "" : "s");
        return pinsInSynchronized(feature)
                ? "JDK " + feature + ": a virtual thread blocked in or waiting inside synchronized pins its carrier, so "
                        + count + " can be stalled by as many such threads (JDK " + UNPINNED_SINCE
                        + "+ releases the carrier, JEP 491; ReentrantLock never pins)"
                : "JDK " + feature + ": a virtual thread blocked in synchronized releases its carrier (JEP 491, JDK "
                        + UNPINNED_SINCE + "+); " + count;
    }

    /**
     * The note a deadlock report adds about virtual actors left blocked on monitors, or null when they cost
     * nothing on this JDK (or there are none).
     *
     * @param blockedOnMonitors names of abandoned virtual actors in state BLOCKED (waiting to enter a monitor)
     * @return the note, or null
     */
    static String abandonedNote(List<String> blockedOnMonitors) {
        return abandonedNote(Runtime.version().feature(), carriers(), blockedOnMonitors);
    }

    static String abandonedNote(int feature, int carriers, List<String> blockedOnMonitors) {
        if (!pinsInSynchronized(feature) || blockedOnMonitors.isEmpty()) {
            return null;
        }
        int pinned = blockedOnMonitors.size();
        String consequence = pinned >= carriers
                ? "no virtual thread can run in this JVM any more (sleeping, I/O and new virtual threads all hang)"
                : (carriers - pinned) + " of " + carriers + " carriers are left for every other virtual thread";
        return "JDK " + feature + ": the abandoned virtual threads " + blockedOnMonitors + " are blocked in synchronized"
                + " and pin " + Math.min(pinned, carriers) + " of this JVM's " + carriers + " carrier threads until it ends: "
                + consequence + ". Restart the user VM (%reset) to free them; JDK " + UNPINNED_SINCE
                + "+ would not pin them (JEP 491), and NamedLock actors never pin.";
    }
}
