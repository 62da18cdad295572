package jconcur.kernel.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Settings of the user VM that come from the kernel's environment (the kernelspec's env). */
public final class UserVmOptions {

    /** Environment variable with the user VM's JVM options, whitespace separated. */
    static final String OPTIONS_VARIABLE = "JCONCUR_USER_VM_OPTS";
    /** Environment variable with the per-cell output limit, e.g. 1m, 500k, 2000000. */
    static final String OUTPUT_LIMIT_VARIABLE = "JCONCUR_OUTPUT_LIMIT";

    /**
     * The user VM's defaults. The heap may grow to half of the machine's (or container's) memory, room for the
     * kernel JVM and Jupyter; G1 gives back what a big cell needed: after an idle second without a collection
     * (G1PeriodicGCInterval) it collects and uncommits all but 30 % free heap, so an idle kernel stays small on
     * Binder or a JupyterHub node, and freed native memory goes back too ({@link #nativeHeapTrim}). On JDK 25+
     * compact object headers (JEP 519) make every object 4 bytes smaller.
     */
    public static final List<String> DEFAULTS = defaults(Runtime.version());

    static List<String> defaults(Runtime.Version jdk) {
        List<String> options = new ArrayList<>(List.of(
                "-ea",
                "-XX:MaxRAMPercentage=50",
                "-XX:+UseG1GC",
                "-XX:G1PeriodicGCInterval=1000",
                "-XX:MinHeapFreeRatio=10",
                "-XX:MaxHeapFreeRatio=30"));
        if (jdk.feature() >= 25) {
            options.add("-XX:+UseCompactObjectHeaders");
        }
        options.addAll(nativeHeapTrim(jdk, System.getProperty("os.name")));
        options.add("-Djava.awt.headless=true");
        return List.copyOf(options);
    }

    /**
     * The option that makes a JVM give freed native memory back every second. glibc keeps what the JIT compilers'
     * arenas and the GC freed: after chapter 1 that was about 35 MB of the user VM's resident memory. The option
     * exists from JDK 21.0.1 (22 upstream) and trims only glibc's heap, so it is used on Linux only; older JDKs
     * would refuse to start with it.
     */
    public static List<String> nativeHeapTrim(Runtime.Version jdk, String osName) {
        boolean known = jdk.feature() > 21 || jdk.update() >= 1;
        return known && osName.startsWith("Linux") ? List.of("-XX:TrimNativeHeapInterval=1000") : List.of();
    }

    static final long DEFAULT_OUTPUT_LIMIT = 1 << 20;

    private UserVmOptions() {}

    static List<String> fromEnvironment(Map<String, String> env) {
        String value = env.get(OPTIONS_VARIABLE);
        if (value == null || value.isBlank()) {
            return DEFAULTS;
        }
        return Arrays.stream(value.trim().split("\\s+")).toList();
    }

    static long outputLimit(Map<String, String> env) {
        String value = env.get(OUTPUT_LIMIT_VARIABLE);
        return value == null || value.isBlank() ? DEFAULT_OUTPUT_LIMIT : parseSize(value.trim(), OUTPUT_LIMIT_VARIABLE);
    }

    /** Parses 123, 64k, 1m, 2g (binary units); rejects anything else with a message naming the setting. */
    static long parseSize(String text, String what) {
        String t = text.toLowerCase(Locale.ROOT);
        long unit = switch (t.isEmpty() ? ' ' : t.charAt(t.length() - 1)) {
            case 'k' -> 1L << 10;
            case 'm' -> 1L << 20;
            case 'g' -> 1L << 30;
            default -> 1;
        };
        String digits = unit == 1 ? t : t.substring(0, t.length() - 1);
        try {
            long n = Long.parseLong(digits.strip());
            if (n <= 0) {
                throw new NumberFormatException();
            }
            return Math.multiplyExact(n, unit);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException(what + " must be a positive size like 1m, 500k or 2000000, not '"
                    + text + "'");
        }
    }
}
