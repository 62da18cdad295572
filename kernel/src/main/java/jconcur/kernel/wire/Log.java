package jconcur.kernel.wire;

import java.io.PrintStream;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The kernel's log: one line per event on stderr, which Jupyter servers keep in their log.
 * Debug lines appear only with env JCONCUR_LOG=debug. Never used for user output.
 */
public final class Log {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");
    private static final boolean DEBUG =
            "debug".equalsIgnoreCase(System.getenv().getOrDefault("JCONCUR_LOG", ""));
    private static final PrintStream OUT = System.err;

    private Log() {}

    public static void debug(String format, Object... args) {
        if (DEBUG) {
            write("DEBUG", format, args);
        }
    }

    public static void info(String format, Object... args) {
        write("INFO", format, args);
    }

    public static void warn(String format, Object... args) {
        write("WARN", format, args);
    }

    public static void error(String message, Throwable cause) {
        write("ERROR", "%s: %s", message, cause);
        if (DEBUG) {
            cause.printStackTrace(OUT);
        }
    }

    private static void write(String level, String format, Object... args) {
        String line = "[jconcur " + level + " " + LocalTime.now().format(TIME) + "] "
                + String.format(Locale.ROOT, format, args);
        synchronized (OUT) {
            OUT.println(line);
        }
    }
}
