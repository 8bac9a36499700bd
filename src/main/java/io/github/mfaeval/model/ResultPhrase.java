package io.github.mfaeval.model;

import java.util.Locale;

/**
 * A phrase in a step's result detail or in the sign-in status that proves MFA (evidence table).
 * Matched case-insensitively as a substring, because the logs wrap the phrases in full sentences.
 */
public final class ResultPhrase extends ReferenceFact {
    private final String phrase;
    private final SatisfiedBy meaning;

    public ResultPhrase(String phrase, SatisfiedBy meaning) {
        this.phrase = phrase.trim().toLowerCase(Locale.ROOT);
        this.meaning = meaning;
    }

    public String getPhrase() { return phrase; }
    public SatisfiedBy getMeaning() { return meaning; }
}
