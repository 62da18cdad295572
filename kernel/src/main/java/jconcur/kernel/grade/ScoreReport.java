package jconcur.kernel.grade;

import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The result of grading one notebook: per graded cell its grade_id, points, maximum, status and error, the
 * total of the automatically graded cells, and any problem running the notebook. Written as JSON and HTML.
 */
public record ScoreReport(String notebook, double score, double maxScore, double manualPoints,
                          List<CellGrade> cells, String executionProblem) {

    public ScoreReport {
        cells = List.copyOf(cells);
    }

    static ScoreReport of(String notebook, List<CellGrade> cells, String executionProblem) {
        double score = cells.stream().filter(c -> c.points() != null).mapToDouble(CellGrade::points).sum();
        double max = cells.stream().filter(c -> c.points() != null).mapToDouble(CellGrade::maxPoints).sum();
        double manual = cells.stream().filter(c -> c.points() == null).mapToDouble(CellGrade::maxPoints).sum();
        return new ScoreReport(notebook, score, max, manual, cells, executionProblem);
    }

    void writeJson(Path file) throws IOException {
        Notebooks.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), this);
    }

    void writeHtml(Path file) throws IOException {
        Files.writeString(file, html());
    }

    String summary() {
        return notebook + ": " + number(score) + " / " + number(maxScore) + " points"
                + (manualPoints > 0 ? " (+ " + number(manualPoints) + " to grade by hand)" : "");
    }

    String text() {
        StringBuilder out = new StringBuilder(summary()).append('\n');
        int width = cells.stream().mapToInt(c -> c.gradeId().length()).max().orElse(8);
        for (CellGrade c : cells) {
            out.append(String.format(Locale.ROOT, "  %-" + width + "s  %7s / %-5s %-8s %s%n", c.gradeId(),
                    c.points() == null ? "-" : number(c.points()), number(c.maxPoints()), c.status(),
                    c.error() == null ? "" : c.error().replace("\n", " ")));
        }
        if (executionProblem != null) {
            out.append("Execution problem: ").append(executionProblem).append('\n');
        }
        return out.toString();
    }

    String html() {
        StringBuilder out = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>")
                .append(escape(notebook)).append(" - grades</title>\n<style>body{font-family:sans-serif}"
                        + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;text-align:left}"
                        + ".passed{color:#1a7f37}.failed,.missing,.not-run{color:#cf222e}.partial,.manual{color:#9a6700}"
                        + "pre{margin:0;white-space:pre-wrap}</style></head><body>\n<h1>")
                .append(escape(notebook)).append("</h1>\n<p><b>Score: ").append(number(score)).append(" / ")
                .append(number(maxScore)).append("</b>");
        if (manualPoints > 0) {
            out.append(" (+ ").append(number(manualPoints)).append(" points to grade by hand)");
        }
        out.append("</p>\n");
        if (executionProblem != null) {
            out.append("<p class=\"failed\">Execution problem: ").append(escape(executionProblem)).append("</p>\n");
        }
        out.append("<table>\n<tr><th>Cell (grade_id)</th><th>Points</th><th>Max</th><th>Result</th><th>Error</th></tr>\n");
        for (CellGrade c : cells) {
            out.append("<tr><td><code>").append(escape(c.gradeId())).append("</code></td><td>")
                    .append(c.points() == null ? "&ndash;" : number(c.points())).append("</td><td>")
                    .append(number(c.maxPoints())).append("</td><td class=\"").append(c.status().replace(' ', '-'))
                    .append("\">").append(escape(c.status())).append("</td><td><pre>")
                    .append(c.error() == null ? "" : escape(c.error())).append("</pre></td></tr>\n");
        }
        return out.append("</table>\n</body></html>\n").toString();
    }

    static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.2f", value);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
