package jconcur.kernel.magic;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Turns the paths and globs given to %classpath and %jars into existing absolute paths, or says which is missing. */
final class ClasspathChange {

    private ClasspathChange() {}

    static List<String> expand(List<String> arguments) throws MagicFailedException {
        List<String> paths = new ArrayList<>();
        for (String argument : arguments) {
            for (String part : argument.split(java.io.File.pathSeparator)) {
                if (!part.isBlank()) {
                    paths.addAll(expandOne(part));
                }
            }
        }
        return paths;
    }

    private static List<String> expandOne(String pattern) throws MagicFailedException {
        String expanded = pattern.startsWith("~/") ? System.getProperty("user.home") + pattern.substring(1) : pattern;
        if (!expanded.contains("*") && !expanded.contains("?") && !expanded.contains("[") && !expanded.contains("{")) {
            Path path = Path.of(expanded).toAbsolutePath().normalize();
            if (!Files.exists(path)) {
                throw new MagicFailedException("FileNotFoundError", "no such file or directory: " + path);
            }
            return List.of(path.toString());
        }
        Path absolute = Path.of(expanded).toAbsolutePath();
        Path base = absolute.getRoot();
        int fixed = 0;
        for (Path name : absolute.getRoot().relativize(absolute)) {
            if (name.toString().matches(".*[*?\\[{].*")) break;
            base = base.resolve(name);
            fixed++;
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + absolute.toString().replace("\\", "\\\\"));
        int depth = absolute.getNameCount() - fixed;
        List<String> matches = new ArrayList<>();
        if (Files.isDirectory(base)) {
            try (Stream<Path> walk = Files.walk(base, pattern.contains("**") ? Integer.MAX_VALUE : depth)) {
                walk.filter(matcher::matches).sorted().forEach(p -> matches.add(p.normalize().toString()));
            } catch (IOException e) {
                throw new MagicFailedException("FileNotFoundError", "cannot list " + base + ": " + e.getMessage());
            }
        }
        if (matches.isEmpty()) {
            throw new MagicFailedException("FileNotFoundError", "no file matches " + pattern);
        }
        return matches;
    }
}
