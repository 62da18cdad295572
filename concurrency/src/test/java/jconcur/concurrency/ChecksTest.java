package jconcur.concurrency;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChecksTest {

    @Test
    void expectPassesOnEqualValues() {
        assertDoesNotThrow(() -> Checks.expect("sum", 190L, 190L));
        assertDoesNotThrow(() -> Checks.expect("list", List.of(1, 2), List.of(1, 2)));
        assertDoesNotThrow(() -> Checks.expect("null", null, null));
    }

    @Test
    void expectFailsWithBothValuesInTheMessage() {
        AssertionError e = assertThrows(AssertionError.class, () -> Checks.expect("sum", 190L, 28L));
        assertEquals("sum: expected 190 but was 28", e.getMessage());
        // an Integer is not equal to a Long of the same value
        assertThrows(AssertionError.class, () -> Checks.expect("boxed", 190L, 190));
    }

    @Test
    void requireFailsOnlyOnFalse() {
        assertDoesNotThrow(() -> Checks.require(true, "holds"));
        AssertionError e = assertThrows(AssertionError.class, () -> Checks.require(false, "no lost update"));
        assertEquals("does not hold: no lost update", e.getMessage());
    }
}
