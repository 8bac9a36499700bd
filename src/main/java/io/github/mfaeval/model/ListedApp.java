package io.github.mfaeval.model;

import java.time.LocalDate;
import java.util.Locale;

/**
 * A client application subject to mandatory MFA, with its enforcement phase (applications table) and, where the
 * page gives it a later start than its phase's (the Microsoft 365 admin center from February 2025), the day
 * enforcement begins for it; null when the phase's start is the application's.
 */
public final class ListedApp extends ReferenceFact {
    private final String appId;
    private final String name;
    private final int phase;
    private final LocalDate enforcedFrom;

    public ListedApp(String appId, String name, int phase) {
        this(appId, name, phase, null);
    }

    public ListedApp(String appId, String name, int phase, LocalDate enforcedFrom) {
        this.appId = appId.trim().toLowerCase(Locale.ROOT);
        this.name = name.trim();
        this.phase = phase;
        this.enforcedFrom = enforcedFrom;
    }

    public String getAppId() { return appId; }
    public String getName() { return name; }
    public int getPhase() { return phase; }
    /** The application's own first day of enforcement, when later than its phase's; null otherwise. */
    public LocalDate getEnforcedFrom() { return enforcedFrom; }
}
