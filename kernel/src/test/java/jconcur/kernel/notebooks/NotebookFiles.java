package jconcur.kernel.notebooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Finds the repository's notebooks and reads them as JSON; shared by the notebook tests. */
public final class NotebookFiles {

    /** Chapter and index notebooks at the top of notebooks/: 00-index.ipynb, 01-....ipynb, ... */
    private static final Pattern NUMBERED = Pattern.compile("\\d\\d-.+\\.ipynb");

    private static final ObjectMapper JSON = new ObjectMapper();

    private NotebookFiles() {
    }

    /** The repository root: system property jconcur.repoRoot (set by the build), else found above the working directory. */
    static Path repoRoot() {
        String property = System.getProperty("jconcur.repoRoot");
        if (property != null && !property.isBlank()) {
            return Path.of(property).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("kernel"))) {
                return dir;
            }
        }
        throw new IllegalStateException("repository root (with mvnw and kernel/) not found above " + Path.of("").toAbsolutePath());
    }

    static Path notebooksDir() {
        return repoRoot().resolve("notebooks");
    }

    /** Every .ipynb under notebooks/, recursively, without Jupyter's .ipynb_checkpoints copies; sorted. */
    static List<Path> all() {
        return list(notebooksDir(), Integer.MAX_VALUE);
    }

    /**
     * The notebooks NotebooksIT executes: notebooks/NN-*.ipynb (the index and the chapters), sorted. The
     * assignments run in NbgraderRoundTripIT, through nbgrader, as model solution, wrong and untouched release.
     */
    static List<Path> executable() {
        return list(notebooksDir(), 1).stream().filter(p -> NUMBERED.matcher(p.getFileName().toString()).matches())
                .sorted().toList();
    }

    /** The path relative to notebooks/, with forward slashes, e.g. "assignments/source/x/x.ipynb". */
    static String name(Path notebook) {
        return notebooksDir().relativize(notebook).toString().replace('\\', '/');
    }

    static JsonNode read(Path notebook) throws IOException {
        return JSON.readTree(notebook.toFile());
    }

    /** A cell's source, which nbformat stores as a string or a list of lines. */
    public static String source(JsonNode cell) {
        JsonNode source = cell.path("source");
        if (source.isTextual()) {
            return source.asText();
        }
        StringBuilder text = new StringBuilder();
        source.forEach(line -> text.append(line.asText()));
        return text.toString();
    }

    private static List<Path> list(Path dir, int depth) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir, depth)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(".ipynb"))
                    .filter(p -> !p.toString().contains(".ipynb_checkpoints"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("could not list " + dir, e);
        }
    }
}
