package io.github.mfaeval.load.signin;

import io.github.mfaeval.load.text.Json;
import io.github.mfaeval.load.text.Position;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.mfaeval.load.text.Dates;
import io.github.mfaeval.model.AuthStep;
import io.github.mfaeval.model.SignIn;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Maps one sign-in record in Graph beta shape onto a {@link SignIn} fact, or says why it cannot.
 * The readers of the other formats bring their records into this shape first (renaming columns, unwrapping
 * envelopes); what differs only in spelling is accepted here, whatever the source: names in any case, nested
 * values given as JSON text (Log Analytics), dates as ISO-8601, {@code /Date(ms)/} or US-locale text, enum
 * members or their display text. Wrong types are refused, never guessed.
 */
public final class SignInMapper {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final List<String> REQUIREMENTS = List.of("singleFactorAuthentication", "multiFactorAuthentication");

    private SignInMapper() {
    }

    /** Thrown for a record that cannot be evaluated; the message says which field and why. */
    public static final class BadRecord extends Exception {
        public BadRecord(String message) {
            super(message);
        }
    }

    /**
     * @param labels what to call a field in messages when it came from elsewhere, by Graph path
     *               ("createdDateTime" -> "Date (UTC)" for the portal CSV); by default the name as the record spells it
     */
    public static SignIn read(JsonNode r, String file, Position at, Map<String, String> labels) throws BadRecord {
        if (r == null || !r.isObject()) {
            throw new BadRecord("not a JSON object" + (r == null ? "" : ", found " + describe(r)));
        }
        Fields f = new Fields(r, labels);
        String id = f.text(r, "id");
        if (id == null) throw new BadRecord(f.label(r, "id", "id") + " is missing");
        try {
            return read(f, r, id, file, at);
        } catch (BadRecord e) {
            throw new BadRecord("sign-in " + id + ": " + e.getMessage());
        }
    }

    private static SignIn read(Fields f, JsonNode r, String id, String file, Position at) throws BadRecord {
        String created = f.text(r, "createdDateTime");
        if (created == null) throw new BadRecord(f.label(r, "createdDateTime", "createdDateTime") + " is missing");
        Instant when = Dates.parse(created);
        if (when == null) {
            throw new BadRecord(f.label(r, "createdDateTime", "createdDateTime") + " \"" + created + "\" is not a date");
        }
        String appId = f.text(r, "appId");
        String userId = f.text(r, "userId");

        Set<String> eventTypes = new LinkedHashSet<>();
        JsonNode types = f.structure(r, "signInEventTypes", true);
        if (types != null) {
            for (JsonNode t : types) {
                if (!t.isNull() && !t.asText().isBlank()) eventTypes.add(t.asText().trim().toLowerCase(Locale.ROOT));
            }
        }
        boolean workload = isWorkloadIdentity(f, r, eventTypes, userId);
        if (appId == null && !workload) throw new BadRecord(f.label(r, "appId", "appId") + " is missing");

        GraphEnums enums = GraphEnums.bundled();
        Set<String> providers = new LinkedHashSet<>();
        JsonNode policies = f.structure(r, "authenticationRequirementPolicies", true);
        if (policies != null) {
            int i = 0;
            for (JsonNode p : policies) {
                String path = "authenticationRequirementPolicies[" + i++ + "]";
                if (!p.isObject()) throw new BadRecord(path + " must be an object, found " + describe(p));
                String provider = f.text(p, "requirementProvider");
                if (provider != null) providers.add(enums.canonical("requirementProvider", provider).toLowerCase(Locale.ROOT));
            }
        }
        List<AuthStep> steps = new ArrayList<>();
        JsonNode details = f.structure(r, "authenticationDetails", true);
        if (details != null) {
            int i = 0;
            for (JsonNode d : details) {
                String path = f.label(r, "authenticationDetails", "authenticationDetails") + "[" + i++ + "]";
                if (!d.isObject()) {
                    if (d.isTextual() && PowerShellDump.isStandIn(d.textValue())) {
                        throw new BadRecord(PowerShellDump.problem(path, null) + " (found \"" + d.textValue() + "\")");
                    }
                    throw new BadRecord(path + " must be an object, found " + describe(d));
                }
                Boolean ok;
                try {
                    ok = Json.bool(d, "succeeded");
                } catch (IllegalArgumentException e) {
                    throw new BadRecord(path + ".succeeded must be true or false, found " + Json.field(d, "succeeded"));
                }
                steps.add(new AuthStep(f.text(d, "authenticationMethod"), Boolean.TRUE.equals(ok),
                        f.text(d, "authenticationStepRequirement"), f.text(d, "authenticationStepResultDetail")));
            }
        }
        JsonNode status = f.structure(r, "status", false);
        int errorCode = 0;
        boolean outcomeKnown = false;
        String additional = null;
        if (status != null) {
            JsonNode code = Json.field(status, "errorCode");
            String label = f.label(r, "status.errorCode", f.label(r, "status", "status") + ".errorCode");
            if (code != null && !code.isNull() && !(code.isTextual() && code.textValue().isBlank())) {
                outcomeKnown = true;
                if (code.canConvertToInt() && code.isIntegralNumber()) {
                    errorCode = code.intValue();
                } else if (code.isTextual() && code.textValue().trim().matches("-?\\d{1,9}")) {
                    errorCode = Integer.parseInt(code.textValue().trim());
                } else {
                    throw new BadRecord(label + " must be a number, found " + describe(code));
                }
            }
            additional = f.text(status, "additionalDetails");
        }
        // (decision, fail closed) Every export names a sign-in's outcome (Graph's status.errorCode, Log Analytics'
        // ResultType, the portal's Status): a record without one is no evidence that the sign-in succeeded or
        // failed, and reading it as either would judge on a guess (a success with its MFA requirement met, or a
        // failure that needs nothing). It is refused, so the tenant is INCOMPLETE until the export is whole.
        if (!outcomeKnown) {
            throw new BadRecord(f.label(r, "status.errorCode", f.label(r, "status", "status") + ".errorCode")
                    + " is missing: whether the sign-in succeeded is not known");
        }
        String requirement = f.text(r, "authenticationRequirement");
        if (requirement != null) {
            String k = requirement.replaceAll("[^A-Za-z]", "").toLowerCase(Locale.ROOT);
            for (String member : REQUIREMENTS) {
                if (member.toLowerCase(Locale.ROOT).equals(k)) requirement = member;
            }
        }
        String userType = f.text(r, "userType");
        String protocol = f.text(r, "authenticationProtocol");
        SignIn signIn = new SignIn(id, when, userId, f.text(r, "userPrincipalName"),
                userType == null ? null : enums.canonical("signInUserType", userType), appId,
                f.text(r, "appDisplayName"), f.text(r, "homeTenantId"), f.text(r, "resourceTenantId"), workload,
                requirement, providers, steps, errorCode, additional,
                protocol == null ? null : enums.canonical("protocolType", protocol), file, at.index(), at.line());
        // Log Analytics names the target resource ResourceIdentity (its ResourceId is the tenant's path).
        String resource = f.text(r, "ResourceIdentity");
        signIn.withResourceId(resource != null ? resource : f.text(r, "resourceId"));
        signIn.setKind(kind(f, r, eventTypes, workload).code());
        return signIn;
    }

    private static SignInKind kind(Fields f, JsonNode r, Set<String> eventTypes, boolean workload) throws BadRecord {
        if (workload) return SignInKind.WORKLOAD;
        if (eventTypes.contains("interactiveuser")) return SignInKind.INTERACTIVE;
        if (eventTypes.contains("noninteractiveuser")) return SignInKind.NON_INTERACTIVE;
        Boolean interactive;
        try {
            interactive = Json.bool(r, "isInteractive");
        } catch (IllegalArgumentException e) {
            throw new BadRecord(f.label(r, "isInteractive", "isInteractive") + " must be true or false, found "
                    + describe(Json.field(r, "isInteractive")));
        }
        if (interactive == null) return SignInKind.USER;
        return interactive ? SignInKind.INTERACTIVE : SignInKind.NON_INTERACTIVE;
    }

    /** Service principals, managed identities and agents: by event type, or by the fields only they carry. */
    private static boolean isWorkloadIdentity(Fields f, JsonNode r, Set<String> eventTypes, String userId) throws BadRecord {
        if (eventTypes.contains("serviceprincipal") || eventTypes.contains("managedidentity")) return true;
        if (eventTypes.contains("interactiveuser") || eventTypes.contains("noninteractiveuser")) return false;
        JsonNode msi = f.structure(r, "managedServiceIdentity", false);
        String msiType = msi == null ? null : f.text(msi, "msiType");
        if (msiType != null && !GraphEnums.bundled().canonical("msiType", msiType).equals("none")) return true;
        JsonNode agent = f.structure(r, "agent", false);
        if (agent != null && agent.size() > 0 && Json.text(agent, "agentType") != null
                && !"notAgentic".equalsIgnoreCase(Json.text(agent, "agentType"))) return true;
        return userId == null && f.text(r, "servicePrincipalId") != null;
    }

    static String describe(JsonNode v) {
        if (v == null) return "nothing";
        if (v.isObject()) return "an object";
        if (v.isArray()) return "a list";
        if (v.isTextual()) return "\"" + abbreviate(v.textValue()) + "\"";
        return v.toString();
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }

    /** Field reads that name the field as the user knows it when they fail. */
    private static final class Fields {
        final JsonNode root;
        final Map<String, String> labels;

        Fields(JsonNode root, Map<String, String> labels) {
            this.root = root;
            this.labels = labels;
        }

        String label(JsonNode node, String path, String fallback) {
            String given = labels.get(path);
            if (given != null) return given;
            if (node == root && !path.contains(".")) {
                String key = Json.key(node, path);
                if (key != null) return key;
            }
            return fallback;
        }

        /** A scalar as text; null when absent, null or empty. */
        String text(JsonNode node, String name) throws BadRecord {
            JsonNode v = Json.field(node, name);
            if (v == null || v.isNull()) return null;
            if (v.isContainerNode()) {
                throw new BadRecord(label(node, name, name) + " must be text, found " + describe(v));
            }
            String s = v.asText().trim();
            if (s.isEmpty()) return null;
            if (PowerShellDump.isStandIn(s)) throw new BadRecord(PowerShellDump.problem(label(node, name, name), null) + " (found \"" + abbreviate(s) + "\")");
            return s;
        }

        /**
         * An object ({@code array == false}) or a list; given as JSON text in Log Analytics exports. A list of
         * strings may also be comma-separated text. Null when absent, null or empty text.
         */
        JsonNode structure(JsonNode node, String name, boolean array) throws BadRecord {
            JsonNode v = Json.field(node, name);
            String label = label(node, name, name);
            if (v == null || v.isNull()) return null;
            if (v.isTextual()) {
                String s = v.textValue().trim();
                if (s.isEmpty()) return null;
                if (PowerShellDump.isStandIn(s)) throw new BadRecord(PowerShellDump.problem(label, null) + " (found \"" + abbreviate(s) + "\")");
                if (s.startsWith("[") || s.startsWith("{")) {
                    try {
                        v = MAPPER.readTree(s);
                    } catch (JsonProcessingException e) {
                        throw new BadRecord(label + " is not valid JSON: " + e.getOriginalMessage());
                    }
                } else if (array) {
                    v = MAPPER.createArrayNode();
                    for (String part : s.split(",")) {
                        if (!part.isBlank()) ((com.fasterxml.jackson.databind.node.ArrayNode) v).add(part.trim());
                    }
                    return v;
                }
            }
            if (array && !v.isArray()) throw new BadRecord(label + " must be a list, found " + describe(v));
            if (!array && !v.isObject()) throw new BadRecord(label + " must be an object, found " + describe(v));
            return v;
        }
    }
}
