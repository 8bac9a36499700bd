package io.github.mfaeval.model;

/** One finding of the report: what, about whom, why, and which rule and source section say so. */
public record Finding(String code, String rule, Severity severity, String subject, String message, String section) {
}
