package io.github.mfaeval.model;

/**
 * A fact type that exists only for StagesWiredFromDataTest: the one model class a new decision table needs. It lives
 * in the model package, like every fact type, so a table's Action row and a rule can name it without an import.
 */
public final class WatchedApp extends ReferenceFact {
    private final String appId;

    public WatchedApp(String appId) {
        this.appId = appId;
    }

    public String getAppId() {
        return appId;
    }
}
