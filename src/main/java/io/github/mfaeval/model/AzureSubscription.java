package io.github.mfaeval.model;

import java.util.Set;

/**
 * A subscription collect could list (policyAssignments.json), with the ids of the MFA assignments that apply to it
 * as ARM listed them; {@code readable} false when its assignments could not be read (then only a tenant-root
 * assignment is known to reach it).
 */
public final class AzureSubscription {
    private final String id;
    private final String displayName;
    private final boolean readable;
    private final Set<String> assignments;

    public AzureSubscription(String id, String displayName, boolean readable, Set<String> assignments) {
        this.id = id;
        this.displayName = displayName;
        this.readable = readable;
        this.assignments = Set.copyOf(assignments);
    }

    /** Lower case. */
    public String getId() { return id; }
    public String getDisplayName() { return displayName; }
    public boolean isReadable() { return readable; }
    public Set<String> getAssignments() { return assignments; }

    /** As findings name it: "Production (0b1c...)". */
    public String getShown() {
        return displayName == null || displayName.isBlank() ? id : displayName + " (" + id + ")";
    }
}
