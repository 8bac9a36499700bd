package io.github.mfaeval.model;

public enum ScopeReason {
    LISTED_APP,
    APP_NOT_LISTED,
    WORKLOAD_IDENTITY,
    /** A listed application's sign-in to a resource the edition does not enforce MFA on (e.g. Microsoft Graph). */
    RESOURCE_NOT_IN_SCOPE,
    /**
     * A client the applications table does not list, signing in to a resource whose requests a phase enforces
     * (edition 2026-04-03: any client to Azure Resource Manager is Phase 2: REST API, Azure SDK, IaC, ...).
     */
    ENFORCED_RESOURCE
}
