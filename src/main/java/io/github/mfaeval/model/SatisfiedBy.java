package io.github.mfaeval.model;

/** What satisfied the MFA requirement of a sign-in, strongest first (the report shows the strongest). */
public enum SatisfiedBy {
    ENTRA_MFA,
    EXTERNAL_AUTHENTICATION_METHOD,
    FEDERATED_IDP_CLAIM,
    HOME_TENANT_MFA,
    PREVIOUS_MFA_CLAIM
}
