package io.zkmargin.service.audit;

import java.util.List;

/** Outcome of re-verifying an audit bundle; {@link #ok()} only when no problem was found. */
public record AuditReport(int epochsChecked, int registrationsChecked, int proofsChecked, int proofsValid,
                          List<String> problems) {
    public AuditReport {
        problems = List.copyOf(problems);
    }

    public boolean ok() {
        return problems.isEmpty() && proofsValid == proofsChecked;
    }
}
