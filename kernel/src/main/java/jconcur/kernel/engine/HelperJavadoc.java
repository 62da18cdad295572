package jconcur.kernel.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Javadoc of the preloaded helper package (concurrency, charts, display), which JShell does not find: it reads
 * javadoc only from the JDK's src.zip. The build copies the helper sources into the kernel jar; this finds the
 * comment of a member or type there from the signature JShell shows for it.
 */
final class HelperJavadoc {

    private static final String SOURCES = "/jconcur/kernel/helper-sources/";
    private static final List<String> PACKAGES = List.of("jconcur/concurrency/", "jconcur/charts/", "jconcur/display/");
    /** "SweepResult<T> Concurrency.<T>sweep(Callable<T> sequential, ...)": owner type, member, parameters. */
    private static final Pattern METHOD_SIGNATURE =
            Pattern.compile("(?:^|\\s)(\\w+)(?:<[^()]*?>)?(?:\\.\\w+(?:<[^()]*?>)?)*\\.(?:<[^()]*?>)?(\\w+)\\((.*)\\)\\s*$");
    /** "jconcur.concurrency.Sweep<T>": a type. */
    private static final Pattern TYPE_SIGNATURE = Pattern.compile("^(?:[\\w.]+\\.)?(\\w+)(?:<.*>)?$");
    /** What may stand between a javadoc comment and its declaration: white space and annotations. */
    private static final String ANNOTATIONS = "\\s*(?:@\\w+(?:\\([^)]*\\))?\\s*)*";

    /** A javadoc comment's text and where the source goes on after it. */
    private record Comment(String text, int end) {}

    private final ConcurrentHashMap<String, Optional<String>> sources = new ConcurrentHashMap<>();

    /** The raw javadoc for a signature JShell showed, if it is the helper package's and documented. */
    Optional<String> find(String signature) {
        Matcher method = METHOD_SIGNATURE.matcher(signature.strip());
        if (method.find()) {
            return source(method.group(1)).flatMap(text -> methodComment(text, method.group(2), parameterNames(method.group(3))));
        }
        Matcher type = TYPE_SIGNATURE.matcher(signature.strip());
        if (type.matches()) {
            Pattern declaration = Pattern.compile(
                    ANNOTATIONS + "[\\w\\s]*?\\b(?:class|record|interface|enum)\\s+" + type.group(1) + "\\b");
            return source(type.group(1)).flatMap(text -> commentBefore(text, declaration, parameters -> true));
        }
        return Optional.empty();
    }

    private Optional<String> source(String topLevelType) {
        return sources.computeIfAbsent(topLevelType, name -> {
            for (String pkg : PACKAGES) {
                try (InputStream in = HelperJavadoc.class.getResourceAsStream(SOURCES + pkg + name + ".java")) {
                    if (in != null) {
                        return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    }
                } catch (IOException e) {
                    return Optional.empty();
                }
            }
            return Optional.empty();
        });
    }

    /** The comment before a declaration of name whose parameter names are those given. */
    static Optional<String> methodComment(String source, String name, List<String> parameters) {
        Pattern declaration = Pattern.compile(ANNOTATIONS + "[^;{}()=]*?\\b" + name + "\\s*\\(([^)]*)\\)");
        return commentBefore(source, declaration, m -> parameterNames(m.group(1)).equals(parameters));
    }

    /** The first javadoc comment that the declaration follows directly and that the test accepts. */
    private static Optional<String> commentBefore(String source, Pattern declaration, Predicate<Matcher> test) {
        for (Comment comment : comments(source)) {
            Matcher m = declaration.matcher(source).region(comment.end(), source.length());
            if (m.lookingAt() && test.test(m)) {
                return Optional.of(body(comment.text()));
            }
        }
        return Optional.empty();
    }

    /**
     * The javadoc comments of a source file, found by scanning rather than by a regular expression: a pattern
     * for "anything but the closing star-slash" repeats a group once per character, which overflows the stack of
     * the kernel's threads on a long comment.
     */
    private static List<Comment> comments(String source) {
        List<Comment> found = new ArrayList<>();
        int open = source.indexOf("/**");
        while (open >= 0) {
            int close = source.indexOf("*/", open + 3);
            if (close < 0) {
                break;
            }
            found.add(new Comment(source.substring(open + 3, close), close + 2));
            open = source.indexOf("/**", close + 2);
        }
        return found;
    }

    /** "Callable<T> sequential, Map<K, V> m" -> [sequential, m]. */
    private static List<String> parameterNames(String parameters) {
        if (parameters.isBlank()) {
            return List.of();
        }
        StringBuilder depthFree = new StringBuilder();
        int depth = 0;
        for (char c : parameters.toCharArray()) {
            depth += c == '<' ? 1 : c == '>' ? -1 : 0;
            depthFree.append(depth > 0 && c == ',' ? ';' : c);
        }
        return Arrays.stream(depthFree.toString().split(","))
                .map(p -> p.strip().replaceAll(".*[\\s>\\]]", "")).toList();
    }

    /** The comment's text without the leading '*' of each line. */
    private static String body(String comment) {
        return comment.lines().map(line -> line.replaceFirst("^\\s*\\*? ?", "")).reduce((a, b) -> a + "\n" + b)
                .orElse("").strip();
    }
}
