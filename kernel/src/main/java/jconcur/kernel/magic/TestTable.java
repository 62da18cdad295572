package jconcur.kernel.magic;

import java.util.List;
import java.util.Map;
import jconcur.display.MimeBundle;
import jconcur.kernel.uservm.magic.TestCase;

/** The pass/fail table of a %%test cell, as text and HTML. */
final class TestTable {

    private TestTable() {}

    static String summary(List<TestCase> results) {
        long passed = count(results, TestCase.PASSED);
        long failed = count(results, TestCase.FAILED);
        long skipped = count(results, TestCase.SKIPPED) + count(results, TestCase.ABORTED);
        return passed + " passed, " + failed + " failed" + (skipped > 0 ? ", " + skipped + " skipped" : "");
    }

    private static long count(List<TestCase> results, String status) {
        return results.stream().filter(r -> r.status().equals(status)).count();
    }

    static MimeBundle bundle(List<TestCase> results) {
        return new MimeBundle(Map.of("text/plain", text(results), "text/html", html(results)), Map.of());
    }

    static String text(List<TestCase> results) {
        int width = results.stream().mapToInt(r -> r.name().length()).max().orElse(4);
        StringBuilder out = new StringBuilder("Tests: ").append(summary(results)).append('\n');
        for (TestCase r : results) {
            out.append(String.format("  %-7s  %-" + width + "s  %6d ms%n", mark(r), r.name(), r.millis()));
            if (r.message() != null && !r.status().equals(TestCase.PASSED)) {
                for (String line : r.message().strip().split("\n")) {
                    out.append("           ").append(line).append('\n');
                }
            }
        }
        return out.toString();
    }

    private static String mark(TestCase r) {
        return switch (r.status()) {
            case TestCase.PASSED -> "PASS";
            case TestCase.FAILED -> "FAIL";
            case TestCase.ABORTED -> "ABORTED";
            default -> "SKIPPED";
        };
    }

    static String html(List<TestCase> results) {
        StringBuilder out = new StringBuilder("<table class=\"jconcur-tests\">\n<caption style=\"text-align:left\">Tests: ")
                .append(escape(summary(results)))
                .append("</caption>\n<thead><tr><th style=\"text-align:left\">Result</th>"
                        + "<th style=\"text-align:left\">Test</th><th>Time</th>"
                        + "<th style=\"text-align:left\">Message</th></tr></thead>\n<tbody>\n");
        for (TestCase r : results) {
            String colour = switch (r.status()) {
                case TestCase.PASSED -> "#1a7f37";
                case TestCase.FAILED -> "#cf222e";
                default -> "#9a6700";
            };
            out.append("<tr><td style=\"color:").append(colour).append(";font-weight:bold\">").append(mark(r))
                    .append("</td><td style=\"text-align:left\"><code>").append(escape(r.name()))
                    .append("</code></td><td>").append(r.millis()).append(" ms</td><td style=\"text-align:left\"><pre style=\"margin:0\">")
                    .append(r.message() == null ? "" : escape(r.message())).append("</pre></td></tr>\n");
        }
        return out.append("</tbody>\n</table>").toString();
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
