package io.github.mfaeval.model;

public enum ScopeReason {
    LISTED_APP,
    APP_NOT_LISTED,
    WORKLOAD_IDENTITY
}
