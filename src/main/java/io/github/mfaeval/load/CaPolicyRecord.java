package io.github.mfaeval.load;

import io.github.mfaeval.model.CaPolicy;

/** A Conditional Access policy as read; the evaluator classifies it against the rules' reference data. */
public record CaPolicyRecord(CaPolicy policy, boolean usesGroups) {
}
