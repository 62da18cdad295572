package jconcur.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class NumberFormatsTest {

    private static String format(int decimals, double value) {
        return new DecimalFormat(NumberFormats.pattern(decimals), DecimalFormatSymbols.getInstance(Locale.ROOT))
                .format(value);
    }

    @Test
    void patternsArePlain() {
        assertEquals("10,000", format(0, 1e4));
        assertEquals("0.001", format(3, 0.001), "a leading zero");
        assertEquals("1.5", format(3, 1.5), "no trailing zeros");
        assertEquals("2,000,000,000,000", format(0, 2e12), "never scientific");
    }

    @Test
    void integerDataGetsNoDecimals() {
        assertEquals(0, NumberFormats.axisDecimals(new double[] {3, 2, 1}));
        assertEquals(0, NumberFormats.axisDecimals(new double[] {1e12, 3e12}));
    }

    @Test
    void decimalsFollowTheSpan() {
        assertEquals(1, NumberFormats.axisDecimals(new double[] {1.5, 2.5, 3.5}), "span 2: ticks 0.2 apart");
        assertEquals(4, NumberFormats.axisDecimals(new double[] {0.0011, 0.0042}), "span 0.003");
        assertEquals(3, NumberFormats.axisDecimals(new double[] {0.25}), "one value: three significant digits (0.250)");
    }

    @Test
    void aMeasurementPrintsToItsSpread() {
        assertEquals(0, NumberFormats.spreadDecimals(1.6, 352.56), "MAD 1.6 ms: 353 ms");
        assertEquals(1, NumberFormats.spreadDecimals(0.2, 55.3), "MAD 0.2 ms: 55.3 ms");
        assertEquals(0, NumberFormats.spreadDecimals(0, 352.56), "no spread: three significant digits");
        assertEquals(3, NumberFormats.significantDecimals(0.7043, 3));
    }

    @Test
    void aLogAxisShowsItsSmallestDecade() {
        assertEquals(0, NumberFormats.logDecimals(1));
        assertEquals(3, NumberFormats.logDecimals(0.001));
    }
}
