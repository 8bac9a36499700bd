package io.github.mfaeval.model;

import java.time.LocalDate;

/** The date the tenant is evaluated as of (--as-of), for rules that depend on what had happened by then. */
public final class EvaluationDate {
    private final LocalDate date;

    public EvaluationDate(LocalDate date) {
        this.date = date;
    }

    public LocalDate getDate() { return date; }
}
