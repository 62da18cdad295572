package jconcur.charts;

import java.util.Locale;
import jconcur.concurrency.Comparison;
import jconcur.concurrency.Measurement;
import jconcur.concurrency.SweepPoint;
import jconcur.concurrency.SweepResult;
import jconcur.concurrency.TimeFormat;
import jconcur.concurrency.VariantResult;

/** HTML tables of sweeps and comparisons; every piece of text is escaped. */
final class HtmlTables {

    private static final String TABLE = "<table style=\"border-collapse:collapse;font-variant-numeric:tabular-nums\">";
    private static final String CELL = "<td style=\"text-align:right;padding:2px 10px\">";
    private static final String HEAD = "<th style=\"text-align:right;padding:2px 10px;border-bottom:1px solid #999\">";

    private HtmlTables() {
    }

    static String sweep(SweepResult<?> sweep) {
        StringBuilder html = new StringBuilder("<div class=\"jconcur-sweep\">")
                .append("<p><b>").append(escape(sweep.title())).append("</b></p>").append(TABLE).append("<tr>");
        for (String h : new String[] {"workers", "median", "min", "max", "MAD", "runs", "speedup", "efficiency",
            "Karp-Flatt", "pool start"}) {
            html.append(HEAD).append(escape(h)).append("</th>");
        }
        html.append("</tr>");
        if (sweep.sequential() != null) {
            Measurement s = sweep.sequential();
            row(html, "sequential", s, "1.00", "", "", "");
        }
        for (SweepPoint p : sweep.points()) {
            row(html, String.valueOf(p.workers()), p.time(), fixed(p.speedup(), 2), percent(p.efficiency()),
                    Double.isNaN(p.karpFlatt()) ? "" : fixed(p.karpFlatt(), 3),
                    p.poolStartup() == null ? "" : TimeFormat.seconds(p.poolStartup().median()));
        }
        html.append("</table><p>").append(escape(sweep.amdahl().toString())).append("</p>");
        warnings(html, sweep.warnings());
        return html.append("</div>").toString();
    }

    static String comparison(Comparison<?> comparison) {
        StringBuilder html = new StringBuilder("<div class=\"jconcur-comparison\">");
        if (!comparison.label().isBlank()) {
            html.append("<p><b>").append(escape(comparison.label())).append("</b></p>");
        }
        html.append(TABLE).append("<tr>");
        for (String h : new String[] {"variant", "median", "min", "max", "MAD", "runs", "speedup"}) {
            html.append(HEAD).append(escape(h)).append("</th>");
        }
        html.append("</tr>");
        for (VariantResult v : comparison.variants()) {
            Measurement t = v.time();
            html.append("<tr>").append(CELL.replace("right", "left")).append(escape(v.name())).append("</td>");
            for (String cell : new String[] {TimeFormat.seconds(t.median()), TimeFormat.seconds(t.min()),
                TimeFormat.seconds(t.max()), TimeFormat.seconds(t.mad()), String.valueOf(t.runs()),
                fixed(v.speedup(), 2)}) {
                html.append(CELL).append(escape(cell)).append("</td>");
            }
            html.append("</tr>");
        }
        html.append("</table><p>speedups relative to ")
                .append(escape("'" + comparison.variants().get(0).name() + "'")).append("</p>");
        warnings(html, comparison.warnings());
        return html.append("</div>").toString();
    }

    private static void row(StringBuilder html, String first, Measurement t, String speedup, String efficiency,
                            String karpFlatt, String poolStart) {
        html.append("<tr>").append(CELL).append(escape(first)).append("</td>");
        for (String cell : new String[] {TimeFormat.seconds(t.median()), TimeFormat.seconds(t.min()),
            TimeFormat.seconds(t.max()), TimeFormat.seconds(t.mad()), String.valueOf(t.runs()), speedup, efficiency,
            karpFlatt, poolStart}) {
            html.append(CELL).append(escape(cell)).append("</td>");
        }
        html.append("</tr>");
    }

    private static void warnings(StringBuilder html, java.util.List<String> warnings) {
        if (warnings.isEmpty()) {
            return;
        }
        html.append("<ul style=\"color:#a15c00\">");
        for (String w : warnings) {
            html.append("<li>").append(escape(w)).append("</li>");
        }
        html.append("</ul>");
    }

    /** Escapes text for HTML element content and attribute values. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String fixed(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * fraction);
    }
}
