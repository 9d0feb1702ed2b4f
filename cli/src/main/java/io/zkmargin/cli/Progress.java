package io.zkmargin.cli;

import io.zkmargin.prover.SetupListener;
import java.io.PrintWriter;

/** Prints setup progress as one line per quarter of each phase, readable in a terminal and in a log. */
final class Progress implements SetupListener {
    private final PrintWriter out;
    private final String prefix;
    private String lastPhase = "";
    private long lastQuarter = -1;
    private final long start = System.nanoTime();

    Progress(PrintWriter out, String prefix) {
        this.out = out;
        this.prefix = prefix;
    }

    @Override
    public synchronized void progress(String phase, long done, long total) {
        long quarter = total <= 0 ? 4 : Math.min(4, done * 4 / total);
        if (!phase.equals(lastPhase)) {
            lastPhase = phase;
            lastQuarter = -1;
        }
        if (quarter == lastQuarter) return;
        lastQuarter = quarter;
        String bar = "#".repeat((int) quarter * 5) + ".".repeat(20 - (int) quarter * 5);
        out.printf("%s[%s] %3d%%  %-10s %6.1fs%n", prefix, bar, quarter * 25, phase, (System.nanoTime() - start) / 1e9);
        out.flush();
    }
}
