package jconcur.concurrency;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Named variants of one task (e.g. sequential, platform threads, virtual threads, processes) measured the
 * same way: warm-up, repeats in rotated order, every result checked equal to the first variant's.
 * Shown as a cell's last value it renders as an HTML table plus a bar chart.
 *
 * @param label    a title ("" if none)
 * @param variants one entry per variant, in the order given; speedups are relative to the first
 * @param result   the reference result (the first variant's)
 * @param warnings reasons to distrust some figures
 * @param <T>      the result type
 */
public record Comparison<T>(String label, List<VariantResult> variants, T result, List<String> warnings) {

    /** Copies the lists so the record is immutable. */
    public Comparison {
        variants = List.copyOf(variants);
        warnings = List.copyOf(warnings);
    }

    /**
     * Measures the variants.
     *
     * @param label    a title for tables and charts ("" for none)
     * @param warmups  unmeasured rounds first (each runs every variant once)
     * @param repeats  measured rounds
     * @param check    how results are compared with the first variant's
     * @param variants the variants (at least one; distinct names)
     * @param <T>      the result type
     * @return the comparison
     */
    public static <T> Comparison<T> run(String label, int warmups, int repeats, ResultCheck check,
                                        List<Variant<T>> variants) {
        Objects.requireNonNull(check, "check");
        if (variants == null || variants.isEmpty()) {
            throw new IllegalArgumentException("compare needs at least one variant");
        }
        if (variants.stream().map(Variant::name).distinct().count() != variants.size()) {
            throw new IllegalArgumentException("variant names must be distinct: "
                    + variants.stream().map(Variant::name).toList());
        }
        List<RotatingRunner.Config<T>> configs = new ArrayList<>();
        for (Variant<T> variant : variants) {
            configs.add(new RotatingRunner.Config<>() {
                @Override
                public String name() {
                    return variant.name();
                }

                @Override
                public RotatingRunner.Run<T> run() throws Exception {
                    long start = System.nanoTime();
                    T value = variant.task().call();
                    return new RotatingRunner.Run<>(value, (System.nanoTime() - start) / 1e9, Double.NaN, null);
                }
            });
        }
        RotatingRunner<T> runner = new RotatingRunner<>(label, configs, warmups, repeats, check,
                "the result of '" + variants.get(0).name() + "'");
        String title = label == null ? "" : label;
        boolean live = LiveResults.watched();
        if (live) {
            runner.onMeasured(soFar -> {
                int round = soFar.stream().mapToInt(o -> o.seconds().size()).max().orElse(0);
                String progress = "so far: round " + round + " of " + repeats;
                LiveResults.show(summarise(title.isBlank() ? progress : title + " (" + progress + ")", warmups,
                        variants, soFar, runner.reference()));
            });
        }
        try {
            return summarise(title, warmups, variants, runner.runAll(), runner.reference());
        } finally {
            if (live) {
                LiveResults.done();
            }
        }
    }

    /** Statistics of the outcomes; variants without a measured run yet are left out (null until the first has one). */
    private static <T> Comparison<T> summarise(String label, int warmups, List<Variant<T>> variants,
                                               List<RotatingRunner.Outcome> outcomes, T reference) {
        if (outcomes.get(0).seconds().isEmpty()) {
            return null;
        }
        double baseline = Measurement.of(warmups, outcomes.get(0).seconds()).median();
        List<VariantResult> results = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (int i = 0; i < variants.size(); i++) {
            if (outcomes.get(i).seconds().isEmpty()) {
                continue;
            }
            Measurement time = Measurement.of(warmups, outcomes.get(i).seconds());
            results.add(new VariantResult(variants.get(i).name(), time, baseline / time.median()));
            for (String w : time.warnings()) {
                warnings.add(variants.get(i).name() + ": " + w);
            }
            for (String w : outcomes.get(i).warnings()) {
                warnings.add(variants.get(i).name() + ": " + w);
            }
        }
        return new Comparison<>(label, results, reference, warnings);
    }

    /**
     * The figures of one variant.
     *
     * @param name the variant's name
     * @return its figures, or empty when there is no such variant
     */
    public Optional<VariantResult> variant(String name) {
        return variants.stream().filter(v -> v.name().equals(name)).findFirst();
    }

    /**
     * The fastest variant (smallest median).
     *
     * @return its figures
     */
    public VariantResult fastest() {
        return variants.stream().min(java.util.Comparator.comparingDouble(v -> v.time().median())).orElseThrow();
    }

    /** A text table: one row per variant with median, min, max, MAD and speedup; then the warnings. */
    @Override
    public String toString() {
        TextTable table = new TextTable("variant", "median", "min", "max", "MAD", "runs", "speedup");
        for (VariantResult v : variants) {
            Measurement t = v.time();
            table.row(v.name(), TimeFormat.seconds(t.median()), TimeFormat.seconds(t.min()),
                    TimeFormat.seconds(t.max()), TimeFormat.seconds(t.mad()), String.valueOf(t.runs()),
                    SweepResult.fixed(v.speedup(), 2));
        }
        StringBuilder out = new StringBuilder();
        if (!label.isBlank()) {
            out.append(label).append('\n');
        }
        out.append(table).append("speedups relative to '").append(variants.get(0).name()).append('\'');
        for (String warning : warnings) {
            out.append("\nwarning: ").append(warning);
        }
        return out.toString();
    }
}
