package io.github.mfaeval.engine;

/** A rule of the catalogue: its metadata and where it is written. */
public record RuleInfo(String id, String title, String section, String severity, String stage, String file) {
}
