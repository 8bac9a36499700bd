package io.github.mfaeval.model;

import java.time.LocalDate;

/**
 * A date the manifest (tenant.json) gives a phase: its notified start, or the start chosen when postponing. The
 * tenant's collected enforcement settings are compared with it.
 */
public final class ManifestPhaseDate {
    private final int phase;
    private final LocalDate date;
    private final String field;
    private final boolean postponement;

    public ManifestPhaseDate(int phase, LocalDate date, String field, boolean postponement) {
        this.phase = phase;
        this.date = date;
        this.field = field;
        this.postponement = postponement;
    }

    public int getPhase() { return phase; }
    /** Null for a postponement the manifest records without a chosen date. */
    public LocalDate getDate() { return date; }
    /** The manifest field it comes from, e.g. {@code enforcement.phase1}. */
    public String getField() { return field; }
    /** A postponement's chosen date rather than a notified start. */
    public boolean isPostponement() { return postponement; }
    /** As the finding names it: "enforcement.phase1 2024-10-15". */
    public String getShown() { return date == null ? field : field + " " + date; }
}
