package io.github.mfaeval.model;

/** A reference fact produced by a decision-table row; verdicts that use it cite that row's rule id. */
public interface Sourced {
    String getSourceRule();
}
