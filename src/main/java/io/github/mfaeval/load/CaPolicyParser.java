package io.github.mfaeval.load;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.mfaeval.model.CaPolicy;
import io.github.mfaeval.model.ExternalUsersCondition;
import io.github.mfaeval.model.PolicyCondition;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One Conditional Access policy record (Graph or PowerShell shape) as the data of a {@link CaPolicy}: what it
 * means for mandatory MFA is for the rules of the policy stage (rules/policy/) to decide.
 */
final class CaPolicyParser {
    private static final Set<String> POLICY_STATES = Set.of("enabled", "disabled", "enabledforreportingbutnotenforced");
    private static final Set<String> GRANT_OPERATORS = Set.of("and", "or");

    /**
     * A policy as read. The fields its coverage depends on are read strictly (see {@link StrictFields}): a wrong
     * type or an unknown enum value rejects the policy, and the report is then INCOMPLETE.
     */
    static CaPolicyRecord parse(JsonNode p) {
        String id = FolderReading.required(p, "id");
        String state = StrictFields.oneOf(p, "", "state", POLICY_STATES);
        JsonNode conditions = StrictFields.object(p, "", "conditions");
        JsonNode apps = StrictFields.object(conditions, "conditions.", "applications");
        JsonNode users = StrictFields.object(conditions, "conditions.", "users");
        JsonNode grant = StrictFields.object(p, "", "grantControls");
        String u = "conditions.users.";
        Set<String> includeGroups = StrictFields.strings(users, u, "includeGroups");
        Set<String> excludeGroups = StrictFields.strings(users, u, "excludeGroups");
        JsonNode strength = StrictFields.object(grant, "grantControls.", "authenticationStrength");
        // requirementsSatisfied is a flags enum: Graph writes "mfa" (comma-separated when several); an array is read too.
        JsonNode satisfied = Json.field(strength, "requirementsSatisfied");
        if (satisfied != null && !satisfied.isNull() && !satisfied.isTextual() && !satisfied.isArray()) {
            throw new IllegalArgumentException("field grantControls.authenticationStrength.requirementsSatisfied must be a string, found " + satisfied);
        }
        boolean strengthMfa = strength != null && Json.strings(strength, "requirementsSatisfied").stream().anyMatch(s -> s.equalsIgnoreCase("mfa"));
        CaPolicy policy = new CaPolicy(id, Json.text(p, "displayName"), state,
                StrictFields.strings(apps, "conditions.applications.", "includeApplications"),
                StrictFields.strings(apps, "conditions.applications.", "excludeApplications"),
                StrictFields.strings(users, u, "includeUsers"), StrictFields.strings(users, u, "excludeUsers"), includeGroups, excludeGroups,
                StrictFields.strings(users, u, "includeRoles"), StrictFields.strings(users, u, "excludeRoles"),
                externalUsers(users, u, "includeGuestsOrExternalUsers"), externalUsers(users, u, "excludeGuestsOrExternalUsers"),
                StrictFields.strings(grant, "grantControls.", "builtInControls"),
                StrictFields.oneOf(grant, "grantControls.", "operator", GRANT_OPERATORS),
                new ArrayList<>(StrictFields.strings(grant, "grantControls.", "customAuthenticationFactors")),
                new ArrayList<>(StrictFields.strings(grant, "grantControls.", "termsOfUse")),
                strength != null, strengthMfa, conditions(conditions));
        return new CaPolicyRecord(policy, !includeGroups.isEmpty() || !excludeGroups.isEmpty());
    }

    /**
     * includeGuestsOrExternalUsers / excludeGuestsOrExternalUsers: {@code guestOrExternalUserTypes} (Graph writes
     * the flags as one comma-separated string; an array is accepted too) and {@code externalTenants} (all, or
     * {@code members}). Null when the condition is not set.
     */
    private static ExternalUsersCondition externalUsers(JsonNode users, String path, String name) {
        JsonNode c = StrictFields.object(users, path, name);
        if (c == null || c.isEmpty()) return null;
        String where = path + name + ".";
        JsonNode typesNode = Json.field(c, "guestOrExternalUserTypes");
        Set<String> types = new LinkedHashSet<>();
        if (typesNode != null && typesNode.isArray()) {
            types.addAll(StrictFields.strings(c, where, "guestOrExternalUserTypes"));
        } else {
            String text = StrictFields.text(c, where, "guestOrExternalUserTypes");
            if (text != null) {
                for (String part : text.split(",")) if (!part.isBlank()) types.add(part.trim());
            }
        }
        for (String t : types) {
            if (!ExternalUsersCondition.TYPES.contains(t.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("field " + where + "guestOrExternalUserTypes: unknown value \"" + t + "\"");
            }
        }
        if (types.isEmpty()) throw new IllegalArgumentException("field " + where + "guestOrExternalUserTypes: missing");
        JsonNode tenants = StrictFields.object(c, where, "externalTenants");
        Set<String> members = null;
        if (tenants != null) {
            String kind = StrictFields.oneOf(tenants, where + "externalTenants.", "membershipKind", Set.of("all", "enumerated", "unknownfuturevalue"));
            String type = Json.text(tenants, "@odata.type");
            boolean enumerated = "enumerated".equalsIgnoreCase(kind) || (type != null && type.toLowerCase(Locale.ROOT).contains("enumerated"));
            if (enumerated || "unknownfuturevalue".equalsIgnoreCase(kind)) {
                members = StrictFields.strings(tenants, where + "externalTenants.", "members");
            }
        }
        return new ExternalUsersCondition(types, members);
    }

    private static boolean isSet(JsonNode node) {
        return node != null && !node.isNull() && !(node.isObject() && node.isEmpty());
    }

    /**
     * The conditions the policy sets, as the export has them (which of them narrow the policy to some sign-ins is
     * for the rules to decide: rules/policy/narrowing.drl). A condition the export leaves empty is not listed.
     */
    private static List<PolicyCondition> conditions(JsonNode c) {
        List<PolicyCondition> out = new ArrayList<>();
        if (c == null) return out;
        JsonNode loc = Json.field(c, "locations");
        if (isSet(loc)) {
            out.add(new PolicyCondition("locations", Json.strings(loc, "includeLocations"), Json.strings(loc, "excludeLocations"), out.size()));
        }
        JsonNode platforms = Json.field(c, "platforms");
        if (isSet(platforms)) {
            out.add(new PolicyCondition("platforms", Json.strings(platforms, "includePlatforms"), Json.strings(platforms, "excludePlatforms"), out.size()));
        }
        for (String levels : List.of("signInRiskLevels", "userRiskLevels")) {
            Set<String> values = Json.strings(c, levels);
            if (!values.isEmpty()) out.add(new PolicyCondition(levels, values, Set.of(), out.size()));
        }
        JsonNode insider = Json.field(c, "insiderRiskLevels");
        if (isSet(insider)) out.add(new PolicyCondition("insiderRiskLevels", valuesOf(insider), Set.of(), out.size()));
        Set<String> clientApps = Json.strings(c, "clientAppTypes");
        if (!clientApps.isEmpty()) out.add(new PolicyCondition("clientAppTypes", clientApps, Set.of(), out.size()));
        JsonNode filter = Json.field(Json.field(c, "devices"), "deviceFilter");
        if (isSet(filter)) out.add(new PolicyCondition("devices.deviceFilter", valuesOf(filter), Set.of(), out.size()));
        JsonNode flows = Json.field(c, "authenticationFlows");
        String transfer = isSet(flows) ? Json.text(flows, "transferMethods") : null;
        if (transfer != null) out.add(new PolicyCondition("authenticationFlows.transferMethods", Set.of(transfer), Set.of(), out.size()));
        return out;
    }

    /** The text of a set value, for a condition that is a single value or an object (a device filter's rule). */
    private static Set<String> valuesOf(JsonNode node) {
        if (node.isValueNode()) return Set.of(node.asText());
        JsonNode rule = Json.field(node, "rule");
        return Set.of(rule != null && rule.isValueNode() ? rule.asText() : node.toString());
    }

    private CaPolicyParser() {
    }
}
