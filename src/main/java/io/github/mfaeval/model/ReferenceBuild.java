package io.github.mfaeval.model;

/**
 * The single fact of the reference stage. Decision tables need a condition per row; the "Active" column
 * of each table is that condition, so an author can switch a row off without deleting it.
 */
public final class ReferenceBuild {
    public boolean active(boolean value) {
        return value;
    }
}
