package io.github.mfaeval.model;

/** Finding severities. INFO findings explain; every other severity means action is required. */
public enum Severity {
    HIGH, MEDIUM, LOW, INFO;

    public boolean requiresAction() {
        return this != INFO;
    }
}
