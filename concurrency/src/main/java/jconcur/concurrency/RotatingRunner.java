package jconcur.concurrency;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Runs several configurations of one task (sequential, each worker count, each variant) with warm-up and
 * repeats, rotating their order from one repeat to the next so slow drift (thermal, other load) spreads
 * over all of them, and checks every result against the first configuration's first result.
 *
 * <p>Every measured run starts once this JVM has gone quiet ({@link Quiescence}): the progress line and
 * live charts sent between runs, and the compilation they cause, would otherwise be paid for by whichever
 * run comes next, and the rotation would charge them to some configurations more than to others.
 */
final class RotatingRunner<T> {

    /** One configuration: how to run it once. */
    interface Config<T> {
        /** Shown in progress lines and error messages, e.g. "workers 4". */
        String name();

        /** Runs once; timing of the task and of any setup is done by the implementation. */
        Run<T> run() throws Exception;
    }

    /**
     * One run's figures.
     *
     * @param setupSeconds time to build the pool, NaN when there is none
     * @param warning      something suspicious seen while cleaning up, or null
     */
    record Run<T>(T value, double seconds, double setupSeconds, String warning) {
    }

    /** Everything measured for one configuration. */
    record Outcome(List<Double> seconds, List<Double> setupSeconds, Set<String> warnings) {
    }

    private final String label;
    private final List<? extends Config<T>> configs;
    private final int warmups;
    private final int repeats;
    private final ResultCheck check;
    private final String referenceName;
    private final Quiescence quiescence;

    private final List<Outcome> outcomes = new ArrayList<>();
    private Consumer<List<Outcome>> onMeasured = soFar -> { };
    private T reference;
    private boolean haveReference;

    RotatingRunner(String label, List<? extends Config<T>> configs, int warmups, int repeats, ResultCheck check,
                   String referenceName) {
        this(label, configs, warmups, repeats, check, referenceName, Quiescence.ofThisJvm());
    }

    RotatingRunner(String label, List<? extends Config<T>> configs, int warmups, int repeats, ResultCheck check,
                   String referenceName, Quiescence quiescence) {
        if (configs.isEmpty()) {
            throw new IllegalArgumentException("nothing to run");
        }
        if (repeats < 1) {
            throw new IllegalArgumentException("repeats must be at least 1, got " + repeats);
        }
        if (warmups < 0) {
            throw new IllegalArgumentException("warm-ups cannot be negative, got " + warmups);
        }
        this.label = label;
        this.configs = List.copyOf(configs);
        this.warmups = warmups;
        this.repeats = repeats;
        this.check = check;
        this.referenceName = referenceName;
        this.quiescence = quiescence;
    }

    /**
     * Calls the listener with the outcomes so far (some may have no measured run yet) when a configuration gets
     * its first measured run and after each measured round but the last, for live charts.
     */
    RotatingRunner<T> onMeasured(Consumer<List<Outcome>> listener) {
        this.onMeasured = listener;
        return this;
    }

    /** Runs everything; the i-th outcome belongs to the i-th configuration. */
    List<Outcome> runAll() {
        for (int i = 0; i < configs.size(); i++) {
            outcomes.add(new Outcome(new ArrayList<>(), new ArrayList<>(), new LinkedHashSet<>()));
        }
        int total = configs.size() * (warmups + repeats);
        int done = 0;
        try {
            for (int w = 1; w <= warmups; w++) {
                for (int c = 0; c < configs.size(); c++) {
                    String where = configs.get(c).name() + ", warm-up " + w + "/" + warmups;
                    Progress.update(prefix() + where + " (run " + (++done) + " of " + total + ")");
                    runOne(c, where, false);
                }
            }
            for (int r = 0; r < repeats; r++) {
                for (int k = 0; k < configs.size(); k++) {
                    int c = (k + r) % configs.size();
                    String where = configs.get(c).name() + ", repeat " + (r + 1) + "/" + repeats;
                    Progress.update(prefix() + where + " (run " + (++done) + " of " + total + ")");
                    quiescence.beforeRun().ifPresent(outcomes.get(c).warnings()::add);
                    runOne(c, where, true);
                    boolean last = r == repeats - 1 && k == configs.size() - 1;
                    if (!last && (r == 0 || k == configs.size() - 1)) {
                        onMeasured.accept(outcomes);
                    }
                }
            }
        } finally {
            Progress.done();
        }
        return outcomes;
    }

    /** The first configuration's first result, against which all others were checked. */
    T reference() {
        return reference;
    }

    private void runOne(int c, String where, boolean measured) {
        Run<T> run;
        try {
            run = configs.get(c).run();
        } catch (Exception e) {
            throw new TaskFailedException(prefix() + where, e);
        }
        Sink.consume(run.value());
        if (!haveReference) {
            reference = run.value();
            haveReference = true;
        } else {
            check.difference(reference, run.value()).ifPresent(difference -> {
                throw new ResultMismatchException(prefix() + where, referenceName, difference);
            });
        }
        Outcome outcome = outcomes.get(c);
        if (run.warning() != null) {
            outcome.warnings().add(run.warning());
        }
        if (measured) {
            outcome.seconds().add(run.seconds());
            if (!Double.isNaN(run.setupSeconds())) {
                outcome.setupSeconds().add(run.setupSeconds());
            }
        }
    }

    private String prefix() {
        return label == null || label.isBlank() ? "" : label + ": ";
    }
}
