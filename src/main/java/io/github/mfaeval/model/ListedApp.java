package io.github.mfaeval.model;

import java.util.Locale;

/** A client application subject to mandatory MFA, with its enforcement phase (applications table). */
public final class ListedApp extends ReferenceFact {
    private final String appId;
    private final String name;
    private final int phase;

    public ListedApp(String appId, String name, int phase) {
        this.appId = appId.trim().toLowerCase(Locale.ROOT);
        this.name = name.trim();
        this.phase = phase;
    }

    public String getAppId() { return appId; }
    public String getName() { return name; }
    public int getPhase() { return phase; }
}
