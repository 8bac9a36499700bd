package io.github.mfaeval.load;

import io.github.mfaeval.load.text.Json;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.mfaeval.model.RoleAssignment;

import java.util.Objects;

/** roleAssignments.json, or else the privileged roles of a ScubaGear export: who holds which directory role. */
final class RoleAssignmentsReader {
    private RoleAssignmentsReader() {
    }

    static void read(FolderReading f, Export export) {
        JsonNode roles = f.scuba == null ? null : f.scuba.privilegedRoles();
        if (f.present(export, roles != null)) {
            f.records(export, (r, pos) -> f.data.roleAssignments.add(
                    new RoleAssignment(FolderReading.requiredText(r, "principalId"), FolderReading.requiredText(r, "roleDefinitionId"))));
        } else if (roles != null) {
            // only the privileged roles: enough for Global Administrators; a policy scoped to another role sees
            // nobody in it, which errs towards "not covered", never towards "ready"
            f.records("privileged_roles", roles, (role, pos) -> {
                String template = Json.text(role, "RoleTemplateId");
                JsonNode assignments = Json.array(role, "Assignments");
                if (assignments == null) return;
                for (JsonNode a : assignments) {
                    String roleId = Json.text(a, "RoleDefinitionId");
                    f.data.roleAssignments.add(new RoleAssignment(FolderReading.required(a, "PrincipalId"),
                            roleId != null ? roleId : Objects.requireNonNullElse(template, "")));
                }
            });
        }
    }
}
