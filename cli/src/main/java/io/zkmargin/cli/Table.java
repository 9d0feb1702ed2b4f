package io.zkmargin.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** A plain-text table with aligned columns. */
final class Table {
    private final String[] header;
    private final List<String[]> rows = new ArrayList<>();

    Table(String... header) {
        this.header = header;
    }

    Table row(Object... cells) {
        String[] r = new String[header.length];
        for (int i = 0; i < r.length; i++) r[i] = i < cells.length && cells[i] != null ? cells[i].toString() : "";
        rows.add(r);
        return this;
    }

    void print(PrintWriter out) {
        int[] w = new int[header.length];
        for (int i = 0; i < w.length; i++) w[i] = header[i].length();
        for (String[] r : rows) for (int i = 0; i < w.length; i++) w[i] = Math.max(w[i], r[i].length());
        line(out, header, w);
        StringBuilder sep = new StringBuilder();
        for (int i = 0; i < w.length; i++) sep.append(i == 0 ? "" : "-+-").append("-".repeat(w[i]));
        out.println("  " + sep);
        for (String[] r : rows) line(out, r, w);
        out.flush();
    }

    private static void line(PrintWriter out, String[] cells, int[] w) {
        StringBuilder sb = new StringBuilder("  ");
        for (int i = 0; i < w.length; i++) {
            if (i > 0) sb.append(" | ");
            sb.append(String.format("%-" + w[i] + "s", cells[i]));
        }
        out.println(sb.toString().stripTrailing());
    }
}
