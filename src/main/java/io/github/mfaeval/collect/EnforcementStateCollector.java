package io.github.mfaeval.collect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The tenant's enforcement state from Azure Resource Manager, for {@code collect}:
 * <ul>
 *   <li>enforcementSettings.json: {@code GET /providers/Microsoft.PortalServices/settings/default} (api-version
 *       2025-04-01-preview) exactly as ARM returns it; a 404 (the tenant never changed the setting) is written as
 *       {@code {"notFound": true, ...}}, a fact and not nothing;</li>
 *   <li>policyAssignments.json: the Azure Policy assignments of the two built-in MFA definitions, and any named
 *       {@code sys.mfa-*}, at the tenant root and every readable management group and subscription (each
 *       subscription's list includes what it inherits, {@code $filter=atScope()}), with the subscriptions and the
 *       assignments that apply to each.</li>
 * </ul>
 * A 403 or a failure propagates as {@link ApiException}, so that collection.json says {@code forbidden} (with the
 * role) or {@code failed}; evaluate then reads the state as unknown, never as Microsoft's default.
 */
final class EnforcementStateCollector {
    static final String SETTINGS_API = "2025-04-01-preview";
    static final String POLICY_API = "2023-04-01";
    static final String MANAGEMENT_GROUPS_API = "2021-04-01";
    /** The built-in definitions that require MFA on create/update and on delete (Microsoft Learn, Azure Policy tutorial mfa-enforcement). */
    static final Set<String> MFA_DEFINITIONS = Set.of("4e6c27d5-a6ee-49cf-b2b4-d8fe90fa2b8b", "db4a9d17-db75-4f46-9fcb-9f9526604417");
    static final String SYSTEM_PREFIX = "sys.mfa-";

    private final Api arm;
    private final Consumer<String> warn;

    EnforcementStateCollector(Api arm, Consumer<String> warn) {
        this.arm = arm;
        this.warn = warn;
    }

    /** The settings resource as ARM returns it, or the 404 fact. */
    JsonNode settings() throws ApiException, AuthException {
        try {
            return arm.get(arm.url("/providers/Microsoft.PortalServices/settings/default?api-version=" + SETTINGS_API));
        } catch (ApiException e) {
            if (!e.notFound()) throw e;
            ObjectNode fact = Api.MAPPER.createObjectNode();
            fact.put("notFound", true);
            fact.put("status", 404);
            fact.put("meaning", "Azure Resource Manager has no Microsoft.PortalServices/settings/default for this tenant: "
                    + "the tenant never changed its enforcement settings, so Microsoft's schedule applies");
            return fact;
        }
    }

    /** What policyAssignments.json holds, and the number of assignments and subscriptions in it. */
    record Assignments(ObjectNode document, long records) {
    }

    /**
     * Every readable scope's MFA assignments. The management groups the identity cannot list, and subscriptions whose
     * assignments it cannot read, are noted (warnings, and a subscription's {@code status}); when nothing at all
     * could be read, the last 403 is thrown.
     */
    Assignments assignments(List<Subscription> subscriptions) throws ApiException, AuthException, java.io.IOException {
        Map<String, ObjectNode> found = new LinkedHashMap<>();
        Map<String, JsonNode> definitionEffects = new HashMap<>();
        ApiException forbidden = null;
        int scopesRead = 0;
        List<String> groups = new ArrayList<>();
        try {
            arm.pages(arm.url("/providers/Microsoft.Management/managementGroups?api-version=" + MANAGEMENT_GROUPS_API), Api.Paging.ARM,
                    values -> values.forEach(g -> groups.add(g.path("name").asText(g.path("id").asText()))));
        } catch (ApiException e) {
            if (!e.forbidden() && !e.notFound()) throw e;
            if (e.forbidden()) forbidden = e;
            warn.accept("policyAssignments.json: the management groups could not be listed (" + e.getMessage()
                    + "); assignments inherited from them are still read on each subscription");
        }
        for (String group : groups) {
            try {
                collect(arm.url("/providers/Microsoft.Management/managementGroups/" + encode(group)
                        + "/providers/Microsoft.Authorization/policyAssignments?api-version=" + POLICY_API + "&$filter=" + encode("atScope()")), found, null);
                scopesRead++;
            } catch (ApiException e) {
                if (!e.forbidden()) throw e;
                forbidden = e;
                warn.accept("policyAssignments.json: management group " + group + " not read: " + e.getMessage());
            }
        }
        ArrayNode subs = Api.MAPPER.createArrayNode();
        for (Subscription s : subscriptions) {
            ObjectNode entry = subs.addObject();
            entry.put("subscriptionId", s.id());
            if (s.displayName() != null) entry.put("displayName", s.displayName());
            List<String> applied = new ArrayList<>();
            try {
                collect(arm.url("/subscriptions/" + encode(s.id()) + "/providers/Microsoft.Authorization/policyAssignments?api-version="
                        + POLICY_API + "&$filter=" + encode("atScope()")), found, applied);
                entry.put("status", "collected");
                scopesRead++;
            } catch (ApiException e) {
                if (!e.forbidden()) throw e;
                forbidden = e;
                entry.put("status", "forbidden");
                entry.put("reason", e.getMessage());
                warn.accept("policyAssignments.json: subscription " + s.id() + " not read: " + e.getMessage());
            }
            ArrayNode a = entry.putArray("assignments");
            applied.forEach(a::add);
        }
        if (scopesRead == 0 && forbidden != null) throw forbidden;
        ArrayNode assignments = Api.MAPPER.createArrayNode();
        for (ObjectNode a : found.values()) {
            if (a.path("effect").isMissingNode() || a.path("effect").isNull()) a.put("effect", defaultEffect(a, definitionEffects));
            if (a.path("effect").isNull()) a.remove("effect");
            assignments.add(a);
        }
        ObjectNode doc = Api.MAPPER.createObjectNode();
        doc.set("assignments", assignments);
        doc.set("subscriptions", subs);
        return new Assignments(doc, assignments.size() + (long) subs.size());
    }

    /** A subscription the identity can list. */
    record Subscription(String id, String displayName) {
    }

    /** The MFA assignments of one list, kept by id; {@code applied} gets the ids of those that apply to a subscription. */
    private void collect(String url, Map<String, ObjectNode> found, List<String> applied) throws ApiException, AuthException, java.io.IOException {
        arm.pages(url, Api.Paging.ARM, values -> {
            for (JsonNode a : values) {
                JsonNode p = a.path("properties");
                String definition = p.path("policyDefinitionId").asText("");
                String definitionId = definition.substring(definition.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
                String name = a.path("name").asText("");
                if (!MFA_DEFINITIONS.contains(definitionId) && !name.toLowerCase(Locale.ROOT).startsWith(SYSTEM_PREFIX)) continue;
                String id = a.path("id").asText("");
                if (applied != null) applied.add(id);
                if (found.containsKey(id.toLowerCase(Locale.ROOT))) continue;
                ObjectNode kept = Api.MAPPER.createObjectNode();
                kept.put("id", id);
                kept.put("name", name);
                if (p.hasNonNull("displayName")) kept.put("displayName", p.path("displayName").asText());
                kept.put("scope", p.path("scope").asText(scopeOf(id)));
                kept.put("policyDefinitionId", definition);
                kept.put("enforcementMode", p.path("enforcementMode").asText("Default"));
                JsonNode effect = p.path("parameters").path("effect").path("value");
                if (effect.isTextual()) {
                    kept.put("effect", effect.asText());
                    kept.put("effectFrom", "parameters");
                }
                ArrayNode notScopes = kept.putArray("notScopes");
                p.path("notScopes").forEach(notScopes::add);
                JsonNode created = a.path("systemData").path("createdAt");
                if (created.isTextual()) kept.put("createdOn", created.asText());
                found.put(id.toLowerCase(Locale.ROOT), kept);
            }
        });
    }

    /** The definition's default effect, read once per definition; null (effect unknown) when it cannot be read. */
    private String defaultEffect(ObjectNode assignment, Map<String, JsonNode> cache) {
        String definition = assignment.path("policyDefinitionId").asText("");
        if (definition.isEmpty()) return null;
        JsonNode d = cache.computeIfAbsent(definition.toLowerCase(Locale.ROOT), k -> {
            try {
                return arm.get(arm.url(definition + "?api-version=" + POLICY_API));
            } catch (ApiException | AuthException e) {
                warn.accept("policyAssignments.json: the default effect of " + definition + " could not be read (" + e.getMessage()
                        + "): assignment " + assignment.path("name").asText() + " has no effect of its own, so its effect is unknown");
                return Api.MAPPER.nullNode();
            }
        });
        JsonNode v = d.path("properties").path("parameters").path("effect").path("defaultValue");
        if (!v.isTextual()) return null;
        assignment.put("effectFrom", "definition default");
        return v.asText();
    }

    private static String scopeOf(String assignmentId) {
        int at = assignmentId.toLowerCase(Locale.ROOT).indexOf("/providers/microsoft.authorization/policyassignments/");
        return at < 0 ? "" : assignmentId.substring(0, at);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
