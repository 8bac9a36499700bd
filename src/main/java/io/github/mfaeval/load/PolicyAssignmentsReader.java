package io.github.mfaeval.load;

import io.github.mfaeval.load.text.InputFiles;
import io.github.mfaeval.load.text.Json;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.mfaeval.load.text.Dates;
import io.github.mfaeval.model.AzureSubscription;
import io.github.mfaeval.model.MfaPolicyAssignment;
import io.github.mfaeval.result.Rejection;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * policyAssignments.json, written by collect: the Azure Policy assignments of the built-in MFA definitions (and
 * {@code sys.mfa-*}) at the tenant root, every readable management group and every readable subscription, and the
 * subscriptions with the assignments that apply to each. A record that cannot be used is rejected with its place.
 */
final class PolicyAssignmentsReader {
    static final String FILE = "policyAssignments.json";

    private PolicyAssignmentsReader() {
    }

    static void read(FolderReading f, Export export) {
        if (EnforcementSettingsReader.notCollected(f, FILE)) return;
        if (!InputFiles.exists(f.file(export)) || !f.present(export, true)) return;
        JsonNode node = f.object(export, "expected a JSON object with assignments and subscriptions");
        if (node == null) return;
        String name = FolderReading.nameOf(f.file(export));
        String root = f.data.tenant == null ? null : "/providers/microsoft.management/managementgroups/" + f.data.tenant.getTenantId().toLowerCase(Locale.ROOT);
        int n = 0;
        JsonNode assignments = Json.field(node, "assignments");
        if (assignments != null && !assignments.isNull() && !assignments.isArray()) {
            f.data.rejected.add(new Rejection(name, "assignments", "must be an array"));
        } else if (assignments != null) {
            int i = 0;
            for (JsonNode a : assignments) {
                String where = "assignments[" + i++ + "]";
                n++;
                f.one(name, where, a, (rec, at) -> f.data.policyAssignments.add(assignment(rec, root)));
            }
        }
        JsonNode subs = Json.field(node, "subscriptions");
        if (subs != null && !subs.isNull() && !subs.isArray()) {
            f.data.rejected.add(new Rejection(name, "subscriptions", "must be an array"));
        } else if (subs != null) {
            int i = 0;
            for (JsonNode s : subs) {
                String where = "subscriptions[" + i++ + "]";
                n++;
                f.one(name, where, s, (rec, at) -> f.data.subscriptions.add(subscription(rec)));
            }
        }
        f.data.filesRead.put(name, n);
    }

    private static MfaPolicyAssignment assignment(JsonNode a, String root) {
        if (!a.isObject()) throw new IllegalArgumentException("must be a JSON object");
        String id = lower(FolderReading.requiredText(a, "id"));
        String scope = lower(FolderReading.requiredText(a, "scope"));
        String definition = FolderReading.requiredText(a, "policyDefinitionId");
        String definitionId = lower(definition.substring(definition.lastIndexOf('/') + 1));
        List<String> notScopes = new ArrayList<>();
        for (String s : StrictFields.strings(a, "", "notScopes")) notScopes.add(lower(s.replaceAll("/+$", "")));
        String created = StrictFields.text(a, "", "createdOn");
        LocalDate createdOn = null;
        if (created != null) {
            Instant t = Dates.parse(created);
            if (t == null) throw new IllegalArgumentException("field createdOn is not a date and time: \"" + created + "\"");
            createdOn = t.atZone(ZoneOffset.UTC).toLocalDate();
        }
        String name = StrictFields.text(a, "", "name");
        boolean atRoot = scope.equals("/") || scope.equals(root);
        return new MfaPolicyAssignment(id, name == null ? id.substring(id.lastIndexOf('/') + 1) : name,
                StrictFields.text(a, "", "displayName"), scope.replaceAll("/+$", "").isEmpty() ? "/" : scope.replaceAll("/+$", ""),
                definitionId, StrictFields.text(a, "", "enforcementMode"), StrictFields.text(a, "", "effect"), notScopes, createdOn, atRoot);
    }

    private static AzureSubscription subscription(JsonNode s) {
        if (!s.isObject()) throw new IllegalArgumentException("must be a JSON object");
        String id = lower(FolderReading.requiredText(s, "subscriptionId"));
        String status = StrictFields.text(s, "", "status");
        Set<String> applied = new LinkedHashSet<>();
        for (String a : StrictFields.strings(s, "", "assignments")) applied.add(lower(a));
        return new AzureSubscription(id, StrictFields.text(s, "", "displayName"), status == null || status.equals("collected"), applied);
    }

    private static String lower(String s) {
        return s.trim().toLowerCase(Locale.ROOT);
    }
}
