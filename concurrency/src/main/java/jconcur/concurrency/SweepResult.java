package jconcur.concurrency;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a {@link Sweep} measured. Shown as a cell's last value it renders as an HTML table plus the time and
 * speedup charts; {@code toString()} gives the same table as text.
 *
 * @param label      the sweep's label ("" if none)
 * @param poolKind   "fixed thread pool", "ForkJoinPool" or "task-managed workers"
 * @param sequential the sequential run times, or null when the sweep had no sequential version
 * @param points     one point per worker count, in increasing order
 * @param amdahl     Amdahl's law fitted to the speedups
 * @param result     the reference result (all runs were checked equal to it)
 * @param cores      available processors when the sweep ran
 * @param warnings   reasons to distrust some figures
 * @param <T>        the task's result type
 */
public record SweepResult<T>(String label, String poolKind, Measurement sequential, List<SweepPoint> points,
                             AmdahlFit amdahl, T result, int cores, List<String> warnings) {

    /** Copies the lists so the record is immutable. */
    public SweepResult {
        points = List.copyOf(points);
        warnings = List.copyOf(warnings);
    }

    /**
     * The time speedups are relative to: the sequential median, or the smallest worker count's median.
     *
     * @return seconds
     */
    public double baselineSeconds() {
        return sequential != null ? sequential.median() : points.get(0).time().median();
    }

    /**
     * Whether the speedups are relative to a parallel run (no sequential version was given).
     *
     * @return true for relative speedups
     */
    public boolean isRelative() {
        return sequential == null;
    }

    /**
     * The worker counts, in increasing order.
     *
     * @return n for every point
     */
    public int[] workers() {
        return points.stream().mapToInt(SweepPoint::workers).toArray();
    }

    /**
     * The median times in seconds, one per worker count.
     *
     * @return medians
     */
    public double[] medians() {
        return points.stream().mapToDouble(p -> p.time().median()).toArray();
    }

    /**
     * The speedups, one per worker count.
     *
     * @return speedups
     */
    public double[] speedups() {
        return points.stream().mapToDouble(SweepPoint::speedup).toArray();
    }

    /**
     * The efficiencies (speedup / n), one per worker count.
     *
     * @return efficiencies
     */
    public double[] efficiencies() {
        return points.stream().mapToDouble(SweepPoint::efficiency).toArray();
    }

    /**
     * The point of one worker count.
     *
     * @param workers n
     * @return the point, or empty when n was not measured
     */
    public Optional<SweepPoint> point(int workers) {
        return points.stream().filter(p -> p.workers() == workers).findFirst();
    }

    /**
     * The best measured speedup.
     *
     * @return the largest speedup
     */
    public SweepPoint best() {
        return points.stream().max(java.util.Comparator.comparingDouble(SweepPoint::speedup)).orElseThrow();
    }

    /**
     * A one-line title, e.g. "primes: fixed thread pool, 2 cores, sequential 512 ms".
     *
     * @return the title
     */
    public String title() {
        String base = sequential != null ? "sequential " + TimeFormat.seconds(sequential.median())
                : "speedup relative to " + points.get(0).workers() + " worker(s)";
        return (label.isBlank() ? "" : label + ": ") + poolKind + ", " + cores + " cores, " + base;
    }

    /** The title, a text table of all points, the Amdahl fit and the warnings. */
    @Override
    public String toString() {
        TextTable table = new TextTable("workers", "median", "min", "max", "MAD", "speedup", "efficiency",
                "Karp-Flatt", "pool start");
        if (sequential != null) {
            table.row("sequential", TimeFormat.seconds(sequential.median()), TimeFormat.seconds(sequential.min()),
                    TimeFormat.seconds(sequential.max()), TimeFormat.seconds(sequential.mad()), "1.00", "", "", "");
        }
        for (SweepPoint p : points) {
            Measurement t = p.time();
            table.row(String.valueOf(p.workers()), TimeFormat.seconds(t.median()), TimeFormat.seconds(t.min()),
                    TimeFormat.seconds(t.max()), TimeFormat.seconds(t.mad()), fixed(p.speedup(), 2),
                    percent(p.efficiency()), Double.isNaN(p.karpFlatt()) ? "" : fixed(p.karpFlatt(), 3),
                    p.poolStartup() == null ? "" : TimeFormat.seconds(p.poolStartup().median()));
        }
        StringBuilder out = new StringBuilder(title()).append('\n').append(table).append(amdahl);
        for (String warning : warnings) {
            out.append("\nwarning: ").append(warning);
        }
        return out.toString();
    }

    static String fixed(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * fraction);
    }
}
