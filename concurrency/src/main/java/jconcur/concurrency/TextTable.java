package jconcur.concurrency;

import java.util.ArrayList;
import java.util.List;

/** A right-aligned plain-text table (first column left-aligned), used by the results' toString. */
final class TextTable {

    private final List<String[]> rows = new ArrayList<>();

    TextTable(String... header) {
        rows.add(header);
    }

    TextTable row(String... cells) {
        if (cells.length != rows.get(0).length) {
            throw new IllegalArgumentException("expected " + rows.get(0).length + " cells, got " + cells.length);
        }
        rows.add(cells);
        return this;
    }

    @Override
    public String toString() {
        int columns = rows.get(0).length;
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int c = 0; c < columns; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            for (int c = 0; c < columns; c++) {
                String cell = row[c];
                String pad = " ".repeat(widths[c] - cell.length());
                out.append(c == 0 ? cell + pad : "  " + pad + cell);
            }
            out.append('\n');
        }
        return out.toString();
    }
}
