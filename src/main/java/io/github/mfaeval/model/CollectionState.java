package io.github.mfaeval.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;

/**
 * The collection that made the tenant folder ({@code collection.json}), inserted in the tenant stage only for a
 * folder that has one: whether it finished, whether collect called it complete, and the sign-in window it
 * asked Graph for. A window whose bounds cannot be read is null, never guessed (fail closed).
 */
public final class CollectionState {
    private final boolean finished;
    private final Boolean complete;
    private final String error;
    private final Instant windowFrom;
    private final Instant windowTo;
    private final Set<String> signInFilterAppIds;

    public CollectionState(boolean finished, Boolean complete, String error, Instant windowFrom, Instant windowTo,
                           Set<String> signInFilterAppIds) {
        this.finished = finished;
        this.complete = complete;
        this.error = error;
        this.windowFrom = windowFrom;
        this.windowTo = windowTo;
        this.signInFilterAppIds = signInFilterAppIds == null ? null : Set.copyOf(signInFilterAppIds);
    }

    /** The sign-ins were fetched for some client applications only (collect's default). */
    public boolean isSignInsFiltered() { return signInFilterAppIds != null; }
    /** The client app ids (lower case) the sign-ins were fetched for; empty when not filtered. */
    public Set<String> getSignInFilterAppIds() { return signInFilterAppIds == null ? Set.of() : signInFilterAppIds; }

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
