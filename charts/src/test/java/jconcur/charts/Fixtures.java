package jconcur.charts;

import java.util.ArrayList;
import java.util.List;
import jconcur.concurrency.Amdahl;
import jconcur.concurrency.Comparison;
import jconcur.concurrency.Measurement;
import jconcur.concurrency.SweepPoint;
import jconcur.concurrency.SweepResult;
import jconcur.concurrency.VariantResult;

/** Results with known figures, built without running anything. */
public final class Fixtures {

    private Fixtures() {
    }

    /** A sweep with known figures (B = 0.1), built without running anything. */
    public static SweepResult<String> syntheticSweep() {
        int[] workers = {1, 2, 4, 8};
        double seq = 1.0;
        List<SweepPoint> points = new ArrayList<>();
        for (int n : workers) {
            double t = seq / Amdahl.speedup(0.1, n);
            Measurement m = Measurement.of(1, List.of(t * 0.98, t, t * 1.03));
            double s = seq / m.median();
            points.add(new SweepPoint(n, m, Measurement.of(0, List.of(1e-4)), s, s / n, Amdahl.karpFlatt(s, n)));
        }
        return new SweepResult<>("synthetic <test>", "fixed thread pool", Measurement.of(1, List.of(0.99, 1.0, 1.01)),
                points, Amdahl.fit(workers, points.stream().mapToDouble(SweepPoint::speedup).toArray()), "ok", 2,
                List.of("a warning & more"));
    }

    public static Comparison<Integer> syntheticComparison() {
        return new Comparison<>("three ways", List.of(
                new VariantResult("sequential", Measurement.of(0, List.of(0.2, 0.21, 0.19)), 1.0),
                new VariantResult("threads", Measurement.of(0, List.of(0.11, 0.1, 0.1)), 2.0),
                new VariantResult("virtual threads", Measurement.of(0, List.of(0.1, 0.1, 0.12)), 2.0)), 7, List.of());
    }

}
