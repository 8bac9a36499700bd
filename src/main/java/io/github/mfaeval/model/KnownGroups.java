package io.github.mfaeval.model;

import java.util.Set;

/** The groups whose members the tenant folder lists (groupMembers.json; none when the file is missing), lower case. */
public final class KnownGroups {
    private final Set<String> ids;

    public KnownGroups(Set<String> ids) {
        this.ids = Set.copyOf(ids);
    }

    public boolean contains(String id) { return ids.contains(id); }
}
