package jconcur.kernel.log;

import java.io.PrintStream;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The kernel JVM's one log, used by every package of the kernel: one line per event on stderr, which Jupyter
 * servers keep in their log. One switch: debug lines appear only with env {@code JCONCUR_LOG=debug}.
 * Never used for user output (that goes to the notebook).
 */
public final class Log {

    /** The environment variable that turns debug lines on. */
    public static final String SWITCH = "JCONCUR_LOG";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");
    private static final boolean DEBUG = "debug".equalsIgnoreCase(System.getenv().getOrDefault(SWITCH, ""));
    private static final PrintStream OUT = System.err;

    private Log() {}

    public static void debug(String format, Object... args) {
        if (DEBUG) {
            write("DEBUG", String.format(Locale.ROOT, format, args));
        }
    }

    /** A debug line whose text is only built when debug lines are on. */
    public static void debug(Supplier<String> message) {
        if (DEBUG) {
            write("DEBUG", message.get());
        }
    }

    public static void info(String format, Object... args) {
        write("INFO", String.format(Locale.ROOT, format, args));
    }

    public static void warn(String format, Object... args) {
        write("WARN", String.format(Locale.ROOT, format, args));
    }

    public static void error(String message, Throwable cause) {
        write("ERROR", message + ": " + cause);
        if (DEBUG) {
            cause.printStackTrace(OUT);
        }
    }

    private static void write(String level, String text) {
        String line = "[jconcur " + level + " " + LocalTime.now().format(TIME) + "] " + text;
        synchronized (OUT) {
            OUT.println(line);
        }
    }
}
