package jconcur.concurrency;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jconcur.concurrency.names.WrapperNames;

/**
 * The top of a thread's stack for people, as the deadlock report shows it. Frames of notebook code are named
 * by what they are ("lambda (cell code)", "Grab.both (cell code)", "lambda in Grab.both (cell code)") instead
 * of JShell's wrapper names ({@code REPL.$JShell$12.lambda$do_it$Aux$0($JShell$12.java:8)}); frames of the
 * JDK's lock, thread, reflection and JShell machinery and of the demo runner itself are left out; other
 * frames keep class, method, file and line.
 *
 * <p>Notebook frames carry no line number: in the user VM their lines count lines of JShell's wrapper
 * source (package, imports, class header), not lines of the cell, so any number shown would be wrong.
 */
final class StackFrames {

    static final int MAX_FRAMES = 5;

    /** javac's name for a lambda body: lambda$enclosingMethod$n. */
    private static final Pattern LAMBDA = Pattern.compile("lambda\\$(.*)\\$\\d+");
    private static final List<String> INTERNAL_PACKAGES = List.of("java.util.concurrent.locks.", "jdk.internal.",
            "jdk.jshell.", "sun.", "java.lang.reflect.", "java.lang.invoke.");
    private static final List<String> INTERNAL_CLASSES = List.of("java.lang.Thread", "java.lang.VirtualThread",
            "java.lang.System", Actors.class.getName(), NamedLock.class.getName());

    private StackFrames() {
    }

    /** The first {@value #MAX_FRAMES} frames that are not internal, described. */
    static List<String> top(StackTraceElement[] stack) {
        List<String> frames = new ArrayList<>();
        for (StackTraceElement frame : stack) {
            if (!isInternal(frame)) {
                frames.add(describe(frame));
                if (frames.size() == MAX_FRAMES) {
                    break;
                }
            }
        }
        return frames;
    }

    /** Whether the frame belongs to lock, thread, reflection or JShell machinery, or to the demo runner. */
    static boolean isInternal(StackTraceElement frame) {
        String cls = frame.getClassName();
        return INTERNAL_PACKAGES.stream().anyMatch(cls::startsWith)
                || INTERNAL_CLASSES.stream().anyMatch(c -> cls.equals(c) || cls.startsWith(c + "$"));
    }

    /**
     * "Grab.both (cell code)" for notebook code; "java.util.concurrent.CountDownLatch.await(CountDownLatch.java:230)"
     * (without module or class loader) for everything else.
     */
    static String describe(StackTraceElement frame) {
        Optional<WrapperNames.WrapperClass> wrapper = WrapperNames.parse(frame.getClassName());
        if (wrapper.isEmpty()) {
            return new StackTraceElement(frame.getClassName(), frame.getMethodName(), frame.getFileName(),
                    frame.getLineNumber()).toString();
        }
        String declared = wrapper.get().declared();
        String type = declared.isEmpty() ? "" : typeName(declared);
        return callable(type, frame.getMethodName()) + " (cell code)";
    }

    /** "lambda", "lambda in Grab.both", "Grab.both", "new Grab", "top-level statement", ... */
    private static String callable(String type, String method) {
        Matcher lambda = LAMBDA.matcher(method);
        if (lambda.matches()) {
            String enclosing = callable(type, lambda.group(1));
            return enclosing.equals("top-level statement") ? "lambda" : "lambda in " + enclosing;
        }
        return switch (method) {
            // JShell runs a cell's statements and variable initializers in do_it$ and do_it$Aux.
            case "do_it$", "do_it$Aux" -> "top-level statement";
            case "<init>", "new" -> "new " + type;
            case "<clinit>", "static" -> type + " (static initializer)";
            default -> type.isEmpty() ? method : type + "." + method;
        };
    }

    /** "Outer$Inner" to "Outer.Inner"; local classes lose javac's number, anonymous ones are "anonymous". */
    private static String typeName(String binaryName) {
        List<String> parts = new ArrayList<>();
        for (String part : binaryName.split("\\$")) {
            String name = part.replaceFirst("^\\d+", "");
            parts.add(name.isEmpty() ? "anonymous" : name);
        }
        return String.join(".", parts);
    }
}
