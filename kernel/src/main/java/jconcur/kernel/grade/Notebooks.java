package jconcur.kernel.grade;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reading and writing .ipynb files (nbformat 4) and the nbgrader metadata of their cells. */
final class Notebooks {

    static final ObjectMapper JSON = new ObjectMapper();

    private Notebooks() {}

    static ObjectNode read(Path file) throws IOException {
        JsonNode node = JSON.readTree(file.toFile());
        if (!(node instanceof ObjectNode notebook) || !notebook.path("cells").isArray()) {
            throw new IOException(file + " is not a Jupyter notebook (no cells)");
        }
        if (notebook.path("nbformat").asInt() != 4) {
            throw new IOException(file + " is nbformat " + notebook.path("nbformat").asText("?") + "; only nbformat 4 is supported");
        }
        return notebook;
    }

    /** Written as nbformat writes notebooks: one-space indentation, a final newline. */
    static void write(ObjectNode notebook, Path file) throws IOException {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter(" ", "\n"))
                .withArrayIndenter(new DefaultIndenter(" ", "\n"));
        Files.writeString(file, JSON.writer(printer).writeValueAsString(notebook) + "\n");
    }

    static List<ObjectNode> cells(ObjectNode notebook) {
        List<ObjectNode> cells = new ArrayList<>();
        notebook.withArray("cells").forEach(c -> cells.add((ObjectNode) c));
        return cells;
    }

    /** A cell's source, whether stored as one string or as a list of lines. */
    static String source(JsonNode cell) {
        return multiline(cell.path("source"));
    }

    /** Text that nbformat stores as one string or as a list of lines (sources, stream text, MIME data). */
    static String multiline(JsonNode source) {
        if (source.isArray()) {
            StringBuilder b = new StringBuilder();
            source.forEach(line -> b.append(line.asText()));
            return b.toString();
        }
        return source.asText("");
    }

    /** Stores the source as a list of lines, as nbformat does. */
    static void setSource(ObjectNode cell, String text) {
        ArrayNode lines = cell.putArray("source");
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            end = end < 0 ? text.length() : end + 1;
            lines.add(text.substring(start, end));
            start = end;
        }
    }

    static Optional<ObjectNode> nbgrader(JsonNode cell) {
        JsonNode meta = cell.path("metadata").path("nbgrader");
        return meta instanceof ObjectNode o ? Optional.of(o) : Optional.empty();
    }

    static boolean flag(JsonNode cell, String name) {
        return nbgrader(cell).map(m -> m.path(name).asBoolean(false)).orElse(false);
    }

    static Optional<String> gradeId(JsonNode cell) {
        return nbgrader(cell).map(m -> m.path("grade_id").asText(null));
    }
}
