package io.github.mfaeval.model;

import java.time.LocalDate;

/** Derived: the tenant's postponement request met every condition. */
public final class ValidPostponement {
    private final LocalDate postponedStart;

    public ValidPostponement(LocalDate postponedStart) {
        this.postponedStart = postponedStart;
    }

    public LocalDate getPostponedStart() { return postponedStart; }
}
