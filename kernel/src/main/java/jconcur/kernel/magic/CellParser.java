package jconcur.kernel.magic;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the magics at the start of a cell. Only leading lines count: a line starting with '%' later in a
 * cell is Java (the modulo operator of a continued expression). Blank lines between leading magics are
 * skipped; a cell magic must be the first non-blank line.
 */
final class CellParser {

    private static final Pattern MAGIC_LINE = Pattern.compile("^[ \\t]*(%%?)([^\\s?]*)(\\?)?(?:[ \\t]+(.*))?$");

    private CellParser() {}

    static ParsedCell parse(String cell) {
        List<MagicCall> lineMagics = new ArrayList<>();
        int pos = 0;
        while (pos < cell.length()) {
            int lineEnd = cell.indexOf('\n', pos);
            int next = lineEnd < 0 ? cell.length() : lineEnd + 1;
            String line = cell.substring(pos, lineEnd < 0 ? cell.length() : lineEnd).stripTrailing();
            if (line.isBlank()) {
                pos = next;
                continue;
            }
            Matcher m = MAGIC_LINE.matcher(line);
            if (!line.stripLeading().startsWith("%") || !m.matches()) {
                break;
            }
            boolean isCell = m.group(1).equals("%%");
            MagicCall call = new MagicCall(m.group(2), m.group(4) == null ? "" : m.group(4).strip(),
                    isCell, m.group(3) != null);
            if (isCell) {
                if (!lineMagics.isEmpty()) {
                    // IPython also requires the cell magic to open the cell; say so rather than run half of it.
                    return new ParsedCell(lineMagics, Optional.of(call), cell.substring(next), next);
                }
                return new ParsedCell(List.of(), Optional.of(call), cell.substring(next), next);
            }
            lineMagics.add(call);
            pos = next;
        }
        return new ParsedCell(List.copyOf(lineMagics), Optional.empty(), cell.substring(pos), pos);
    }
}
