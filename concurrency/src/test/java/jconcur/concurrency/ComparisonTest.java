package jconcur.concurrency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComparisonTest {

    @Test
    void measuresEveryVariantAndRotates() {
        List<String> order = new ArrayList<>();
        Comparison<Integer> c = Concurrency.compare(0, 2,
                Concurrency.variant("a", () -> {
                    order.add("a");
                    return 1;
                }),
                Concurrency.variant("b", () -> {
                    order.add("b");
                    return 1;
                }));
        assertEquals(List.of("a", "b", "b", "a"), order);
        assertEquals(2, c.variants().get(1).time().runs());
        assertEquals(1.0, c.variants().get(0).speedup(), 1e-12);
        assertEquals(1, c.result());
        assertTrue(c.toString().contains("speedups relative to 'a'"));
    }

    @Test
    void checksResultsAgainstTheFirstVariant() {
        ResultMismatchException e = assertThrows(ResultMismatchException.class, () -> Concurrency.compare(0, 1,
                Concurrency.variant("sequential", () -> 10), Concurrency.variant("racy", () -> 9)));
        assertEquals("racy, repeat 1/1: the result differs from the result of 'sequential': expected 10 but was 9",
                e.getMessage());
    }

    @Test
    void rejectsDuplicateNames() {
        assertThrows(IllegalArgumentException.class, () -> Concurrency.compare(
                Concurrency.variant("x", () -> 1), Concurrency.variant("x", () -> 1)));
    }

    @Test
    void timeAndMeasureKeepResults() {
        Timed<Integer> t = Concurrency.time(() -> 6 * 7);
        assertEquals(42, t.value());
        assertEquals(42, Sink.last());
        assertTrue(t.toString().startsWith("took "));
        Timed<Void> v = Concurrency.time(() -> {
            Thread.sleep(1);
        });
        assertTrue(v.seconds() > 0);
        Measurement m = Concurrency.measure(2, 3, () -> 1);
        assertEquals(3, m.runs());
        assertThrows(TaskFailedException.class, () -> Concurrency.time(() -> {
            throw new java.io.IOException("disk");
        }));
    }
}
