package io.github.mfaeval.model;

public enum ScopeReason {
    LISTED_APP,
    APP_NOT_LISTED,
    WORKLOAD_IDENTITY,
    /** A listed application's sign-in to a resource the edition does not enforce MFA on (e.g. Microsoft Graph). */
    RESOURCE_NOT_IN_SCOPE
}
