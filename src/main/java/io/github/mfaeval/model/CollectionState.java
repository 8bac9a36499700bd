package io.github.mfaeval.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The collection that made the tenant folder ({@code collection.json}), inserted in the user stage only for a
 * folder that has one: whether it finished, whether collect called it complete, and the sign-in window it
 * asked Graph for. A window whose bounds cannot be read is null, never guessed (fail closed).
 */
public final class CollectionState {
    private final boolean finished;
    private final Boolean complete;
    private final String error;
    private final Instant windowFrom;
    private final Instant windowTo;

    public CollectionState(boolean finished, Boolean complete, String error, Instant windowFrom, Instant windowTo) {
        this.finished = finished;
        this.complete = complete;
        this.error = error;
        this.windowFrom = windowFrom;
        this.windowTo = windowTo;
    }

    /** collection.json has a finishedAt: the run got to its end (a killed run leaves none). */
    public boolean isFinished() { return finished; }
    /** collect's own verdict: true, false, or null when the file does not say. */
    public Boolean getComplete() { return complete; }
    public String getError() { return error == null ? "" : error; }
    /** " (the error)" or "", for messages. */
    public String getErrorWords() { return error == null ? "" : " (" + error + ")"; }
    public Instant getWindowFrom() { return windowFrom; }
    public Instant getWindowTo() { return windowTo; }
    /** The UTC day the sign-in window ends on, or null. */
    public LocalDate getWindowToDay() { return windowTo == null ? null : windowTo.atZone(ZoneOffset.UTC).toLocalDate(); }
}
