package jconcur.kernel.uservm.magic;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Durations written as IPython writes them (IPython.core.magics.execution._format_time), for the output of
 * %time and %timeit; the helper package writes its own durations with {@link jconcur.concurrency.TimeFormat}.
 */
public final class IPythonTimeFormat {

    private static final String[] UNITS = {"s", "ms", "\u00b5s", "ns"};
    private static final double[] SCALING = {1, 1e3, 1e6, 1e9};

    private IPythonTimeFormat() {}

    /** E.g. 1.23 ms, 456 ns, 2.5 s, 1min 5s, with precision significant digits below a minute. */
    public static String format(double seconds, int precision) {
        if (seconds >= 60.0) {
            return minutesAndMore(seconds);
        }
        int order = seconds > 0.0 ? Math.min(-Math.floorDiv((int) Math.floor(Math.log10(seconds)), 3), 3) : 3;
        return cFormatG(seconds * SCALING[order], precision) + " " + UNITS[order];
    }

    private static String minutesAndMore(double seconds) {
        String[] suffixes = {"d", "h", "min", "s"};
        double[] lengths = {86400, 3600, 60, 1};
        StringBuilder out = new StringBuilder();
        double leftover = seconds;
        for (int i = 0; i < suffixes.length; i++) {
            long value = (long) (leftover / lengths[i]);
            if (value > 0) {
                leftover = leftover % lengths[i];
                if (!out.isEmpty()) out.append(' ');
                out.append(value).append(suffixes[i]);
            }
            if (leftover < 1) {
                break;
            }
        }
        return out.toString();
    }

    /** C's printf("%.*g", precision, value): significant digits, trailing zeros removed, e+NN when large or tiny. */
    static String cFormatG(double value, int precision) {
        int p = Math.max(precision, 1);
        if (value == 0) return "0";
        if (Double.isNaN(value)) return "nan";
        if (Double.isInfinite(value)) return value > 0 ? "inf" : "-inf";
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(p, RoundingMode.HALF_EVEN));
        int exponent = rounded.precision() - rounded.scale() - 1;
        if (exponent < -4 || exponent >= p) {
            BigDecimal mantissa = rounded.movePointLeft(exponent).setScale(p - 1, RoundingMode.HALF_EVEN);
            String digits = stripZeros(mantissa.toPlainString());
            return digits + (exponent < 0 ? "e-" : "e+") + String.format("%02d", Math.abs(exponent));
        }
        return stripZeros(rounded.setScale(Math.max(p - 1 - exponent, 0), RoundingMode.HALF_EVEN).toPlainString());
    }

    private static String stripZeros(String fixed) {
        if (!fixed.contains(".")) return fixed;
        String s = fixed.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
