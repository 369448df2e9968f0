package io.offstream.tests.runbenchmark;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A Markdown table with its columns padded, so that it reads well on a console and pastes into a
 * README as it is.
 */
public final class TableWriter {

    private final List<String> headers;

    private final boolean[] rightAligned;

    private final List<List<String>> rows = new ArrayList<>();

    /** @param rightAlignedColumns the indexes of columns of figures, aligned on the right */
    public TableWriter(List<String> headers, int... rightAlignedColumns) {
        this.headers = List.copyOf(headers);
        this.rightAligned = new boolean[headers.size()];
        for (int column : rightAlignedColumns) {
            rightAligned[column] = true;
        }
    }

    public TableWriter row(List<String> cells) {
        if (cells.size() != headers.size()) {
            throw new IllegalArgumentException("a row of " + cells.size() + " cells in a table of " + headers.size() + " columns");
        }
        rows.add(List.copyOf(cells));
        return this;
    }

    public void print(PrintStream out) {
        int[] widths = new int[headers.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = Math.max(3, headers.get(c).length());
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        out.println(line(headers, widths));
        StringBuilder rule = new StringBuilder("|");
        for (int c = 0; c < widths.length; c++) {
            rule.append(' ').append("-".repeat(widths[c] - 1)).append(rightAligned[c] ? ':' : '-').append(" |");
        }
        out.println(rule);
        for (List<String> row : rows) {
            out.println(line(row, widths));
        }
    }

    private String line(List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder("|");
        for (int c = 0; c < widths.length; c++) {
            String cell = cells.get(c);
            String pad = " ".repeat(widths[c] - cell.length());
            line.append(' ').append(rightAligned[c] ? pad + cell : cell + pad).append(" |");
        }
        return line.toString();
    }
}
