package io.github.mfaeval.load;

import io.github.mfaeval.load.text.Json;
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
     * Every field a narrowing rule reads, and every list of {@code conditions}, is read strictly
     * ({@link StrictFields}): a location, platform or device condition that is not an object, risk levels that are
     * not a list of strings, authentication flows given as a string reject the policy rather than be read as absent.
     */
    private static List<PolicyCondition> conditions(JsonNode c) {
        List<PolicyCondition> out = new ArrayList<>();
        if (c == null) return out;
        String at = "conditions.";
        JsonNode loc = StrictFields.object(c, at, "locations");
        Set<String> includeLocations = StrictFields.strings(loc, at + "locations.", "includeLocations");
        Set<String> excludeLocations = StrictFields.strings(loc, at + "locations.", "excludeLocations");
        if (isSet(loc)) out.add(new PolicyCondition("locations", includeLocations, excludeLocations, out.size()));
        JsonNode platforms = StrictFields.object(c, at, "platforms");
        Set<String> includePlatforms = StrictFields.strings(platforms, at + "platforms.", "includePlatforms");
        Set<String> excludePlatforms = StrictFields.strings(platforms, at + "platforms.", "excludePlatforms");
        if (isSet(platforms)) out.add(new PolicyCondition("platforms", includePlatforms, excludePlatforms, out.size()));
        for (String levels : List.of("signInRiskLevels", "userRiskLevels")) {
            Set<String> values = StrictFields.strings(c, at, levels);
            if (!values.isEmpty()) out.add(new PolicyCondition(levels, values, Set.of(), out.size()));
        }
        // a flags enum: Graph writes one comma-separated string ("minor,moderate"); a list of strings is read too
        Set<String> insider = flags(c, at, "insiderRiskLevels");
        if (!insider.isEmpty()) out.add(new PolicyCondition("insiderRiskLevels", insider, Set.of(), out.size()));
        Set<String> clientApps = StrictFields.strings(c, at, "clientAppTypes");
        if (!clientApps.isEmpty()) out.add(new PolicyCondition("clientAppTypes", clientApps, Set.of(), out.size()));
        JsonNode devices = StrictFields.object(c, at, "devices");
        for (String list : List.of("includeDevices", "excludeDevices", "includeDeviceStates", "excludeDeviceStates")) {
            StrictFields.strings(devices, at + "devices.", list);
        }
        JsonNode filter = StrictFields.object(devices, at + "devices.", "deviceFilter");
        if (isSet(filter)) out.add(new PolicyCondition("devices.deviceFilter", Set.of(filterRule(filter, at + "devices.deviceFilter.")), Set.of(), out.size()));
        JsonNode flows = StrictFields.object(c, at, "authenticationFlows");
        Set<String> transfer = flags(flows, at + "authenticationFlows.", "transferMethods");
        if (!transfer.isEmpty()) out.add(new PolicyCondition("authenticationFlows.transferMethods", Set.of(String.join(",", transfer)), Set.of(), out.size()));
        // lists no narrowing rule reads today, read strictly all the same so that a policy is never half-read
        StrictFields.strings(c, at, "servicePrincipalRiskLevels");
        JsonNode clientApplications = StrictFields.object(c, at, "clientApplications");
        StrictFields.strings(clientApplications, at + "clientApplications.", "includeServicePrincipals");
        StrictFields.strings(clientApplications, at + "clientApplications.", "excludeServicePrincipals");
        JsonNode apps = StrictFields.object(c, at, "applications");
        StrictFields.strings(apps, at + "applications.", "includeUserActions");
        StrictFields.strings(apps, at + "applications.", "includeAuthenticationContextClassReferences");
        return out;
    }

    /** A flags enum's values: one comma-separated string (as Graph writes it) or a list of strings; empty when absent. */
    private static Set<String> flags(JsonNode node, String path, String name) {
        JsonNode v = Json.field(node, name);
        if (v != null && v.isArray()) return StrictFields.strings(node, path, name);
        Set<String> out = new LinkedHashSet<>();
        String text = StrictFields.text(node, path, name);
        if (text != null) {
            for (String part : text.split(",")) if (!part.isBlank()) out.add(part.trim());
        }
        return out;
    }

    /** A device filter's rule: {@code mode} include or exclude, {@code rule} a string; the filter as given when it has no rule. */
    private static String filterRule(JsonNode filter, String path) {
        StrictFields.oneOf(filter, path, "mode", Set.of("include", "exclude"));
        String rule = StrictFields.text(filter, path, "rule");
        return rule != null ? rule : filter.toString();
    }

    private CaPolicyParser() {
    }
}
