package io.github.mfaeval.model;

import java.time.LocalDate;

/** When a postponement could be requested, and the start date it moves enforcement to (schedule table). */
public final class PostponementWindow extends ReferenceFact {
    private final LocalDate opensOn;
    private final LocalDate closesOn;
    private final LocalDate postponedStart;

    public PostponementWindow(LocalDate opensOn, LocalDate closesOn, LocalDate postponedStart) {
        this.opensOn = opensOn;
        this.closesOn = closesOn;
        this.postponedStart = postponedStart;
    }

    public LocalDate getOpensOn() { return opensOn; }
    public LocalDate getClosesOn() { return closesOn; }
    public LocalDate getPostponedStart() { return postponedStart; }

    public boolean acceptsRequestOn(LocalDate day) {
        return day != null && !day.isBefore(opensOn) && !day.isAfter(closesOn);
    }
}
