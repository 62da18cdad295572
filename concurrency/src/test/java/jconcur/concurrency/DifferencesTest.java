package jconcur.concurrency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DifferencesTest {

    @Test
    void equalValuesHaveNoDifference() {
        assertEquals(Optional.empty(), Differences.first(List.of(1, 2, 3), List.of(1, 2, 3)));
        assertEquals(Optional.empty(), Differences.first(new int[] {1, 2}, new int[] {1, 2}));
        assertEquals(Optional.empty(), Differences.first(new long[][] {{1}, {2}}, new long[][] {{1}, {2}}));
    }

    @Test
    void listDifferenceNamesIndexAndBothValues() {
        assertEquals(Optional.of("at [2]: expected 3 but was 4 (sizes 4 and 4)"),
                Differences.first(List.of(1, 2, 3, 5), List.of(1, 2, 4, 5)));
    }

    @Test
    void arraySizesDiffer() {
        assertEquals(Optional.of("sizes differ: expected 3 elements but was 2; first missing element at index 2: 30"),
                Differences.first(new long[] {10, 20, 30}, new long[] {10, 20}));
    }

    @Test
    void nestedAndMapDifferences() {
        assertEquals(Optional.of("at [1][0]: expected 3 but was 9 (sizes 2 and 2)"),
                Differences.first(List.of(List.of(1, 2), List.of(3)), List.of(List.of(1, 2), List.of(9))));
        assertEquals(Optional.of("at [\"b\"]: expected 2 but was 3"),
                Differences.first(Map.of("a", 1, "b", 2), Map.of("a", 1, "b", 3)));
        assertEquals(Optional.of("key \"c\" is missing (expected value 1)"),
                Differences.first(Map.of("c", 1), Map.of()));
    }

    @Test
    void scalarsStringsAndSets() {
        assertEquals(Optional.of("expected 160000000004204 but was 160000000004205"),
                Differences.first(160000000004204L, 160000000004205L));
        assertTrue(Differences.first("hello world", "hello wurld").orElseThrow()
                .startsWith("strings differ at character 7"));
        assertEquals(Optional.of("sets differ: sizes 2 and 2; missing [2]; unexpected [3]"),
                Differences.first(Set.of(1, 2), Set.of(1, 3)));
    }

    @Test
    void ignoringOrderComparesMultisets() {
        assertEquals(Optional.empty(), Differences.firstIgnoringOrder(List.of(3, 1, 2), List.of(1, 2, 3)));
        assertEquals(Optional.of("the elements differ (order ignored): sizes 3 and 3; missing [2]; unexpected [4]"),
                Differences.firstIgnoringOrder(List.of(1, 2, 2), List.of(2, 1, 4)));
    }
}
