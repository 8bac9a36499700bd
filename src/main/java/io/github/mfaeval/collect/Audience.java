package io.github.mfaeval.collect;

/** The API a token is for: each has its own endpoint, token and environment variable. */
public enum Audience {
    GRAPH("Microsoft Graph"), ARM("Azure Resource Manager");

    public final String title;

    Audience(String title) {
        this.title = title;
    }
}
