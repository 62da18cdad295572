package jconcur.kernel.grade;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The release (student) version of an nbgrader source notebook, made by nbgrader's rules where nbgrader
 * itself is not installed: solution regions ({@code BEGIN SOLUTION} .. {@code END SOLUTION}) become a stub
 * (a solution cell without markers becomes the stub entirely), hidden test regions disappear, outputs go.
 */
final class StudentVersion {

    /** What replaces a code solution region; matches the nbgrader_config.py suggested in the README. */
    static final String CODE_STUB = "// YOUR CODE HERE\nthrow new UnsupportedOperationException(\"not implemented yet\");";
    static final String TEXT_STUB = "YOUR ANSWER HERE";

    private StudentVersion() {}

    static ObjectNode of(ObjectNode source) {
        ObjectNode release = source.deepCopy();
        for (ObjectNode cell : Notebooks.cells(release)) {
            boolean code = "code".equals(cell.path("cell_type").asText());
            String text = Notebooks.source(cell);
            if (Notebooks.flag(cell, "solution")) {
                text = replaceSolution(text, code ? CODE_STUB : TEXT_STUB);
            }
            text = removeRegions(text, "BEGIN HIDDEN TESTS", "END HIDDEN TESTS");
            Notebooks.setSource(cell, text);
            if (code) {
                cell.putArray("outputs");
                cell.putNull("execution_count");
            }
        }
        return release;
    }

    static String replaceSolution(String text, String stub) {
        List<String> out = new ArrayList<>();
        boolean inSolution = false;
        boolean replaced = false;
        for (String line : text.split("\n", -1)) {
            if (line.contains("BEGIN SOLUTION")) {
                inSolution = true;
                replaced = true;
                String indent = line.substring(0, line.length() - line.stripLeading().length());
                for (String stubLine : stub.split("\n")) out.add(indent + stubLine);
            } else if (line.contains("END SOLUTION")) {
                inSolution = false;
            } else if (!inSolution) {
                out.add(line);
            }
        }
        return replaced ? String.join("\n", out) : stub;
    }

    static String removeRegions(String text, String begin, String end) {
        if (!text.contains(begin)) {
            return text;
        }
        List<String> out = new ArrayList<>();
        boolean inside = false;
        for (String line : text.split("\n", -1)) {
            if (line.contains(begin)) inside = true;
            else if (line.contains(end)) inside = false;
            else if (!inside) out.add(line);
        }
        return String.join("\n", out);
    }
}
