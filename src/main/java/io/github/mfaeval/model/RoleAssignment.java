package io.github.mfaeval.model;

import java.util.Locale;

/** A directory role assignment: principal id and role template id (roleAssignments.json). */
public final class RoleAssignment {
    private final String principalId;
    private final String roleTemplateId;

    public RoleAssignment(String principalId, String roleTemplateId) {
        this.principalId = principalId.toLowerCase(Locale.ROOT);
        this.roleTemplateId = roleTemplateId.toLowerCase(Locale.ROOT);
    }

    public String getPrincipalId() { return principalId; }
    public String getRoleTemplateId() { return roleTemplateId; }
}
