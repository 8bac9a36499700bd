package io.github.mfaeval.load;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.mfaeval.model.AuthStep;
import io.github.mfaeval.model.SignIn;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Maps one Graph beta signIn record onto a {@link SignIn} fact, or says why it cannot. */
public final class SignInMapper {
    private SignInMapper() {
    }

    /** Thrown for a record that cannot be evaluated; the message says which field and why. */
    public static final class BadRecord extends Exception {
        public BadRecord(String message) {
            super(message);
        }
    }

    public static SignIn map(JsonNode r, String source) throws BadRecord {
        if (r == null || !r.isObject()) {
            throw new BadRecord("not a JSON object");
        }
        String id = Json.text(r, "id");
        if (id == null) {
            throw new BadRecord("missing required field id");
        }
        String created = Json.text(r, "createdDateTime");
        if (created == null) {
            throw new BadRecord("sign-in " + id + ": missing required field createdDateTime");
        }
        Instant when = instant(created, id);
        String appId = Json.text(r, "appId");
        String userId = Json.text(r, "userId");
        Set<String> eventTypes = new LinkedHashSet<>();
        for (String t : Json.strings(r, "signInEventTypes")) eventTypes.add(t.toLowerCase(Locale.ROOT));
        boolean workload = isWorkloadIdentity(r, eventTypes, userId);
        if (appId == null && !workload) {
            throw new BadRecord("sign-in " + id + ": missing required field appId");
        }

        Set<String> providers = new LinkedHashSet<>();
        JsonNode policies = Json.array(r, "authenticationRequirementPolicies");
        if (policies != null) {
            for (JsonNode p : policies) {
                String provider = Json.text(p, "requirementProvider");
                if (provider != null) providers.add(provider.toLowerCase(Locale.ROOT));
            }
        }
        List<AuthStep> steps = new ArrayList<>();
        JsonNode details = Json.array(r, "authenticationDetails");
        if (details != null) {
            for (JsonNode d : details) {
                Boolean ok;
                try {
                    ok = Json.bool(d, "succeeded");
                } catch (IllegalArgumentException e) {
                    throw new BadRecord("sign-in " + id + ": authenticationDetails: " + e.getMessage());
                }
                steps.add(new AuthStep(Json.text(d, "authenticationMethod"), Boolean.TRUE.equals(ok),
                        Json.text(d, "authenticationStepRequirement"), Json.text(d, "authenticationStepResultDetail")));
            }
        }
        JsonNode status = Json.field(r, "status");
        int errorCode = 0;
        String additional = null;
        if (status != null && status.isObject()) {
            JsonNode code = Json.field(status, "errorCode");
            if (code != null && !code.isNull()) {
                if (code.canConvertToInt() || (code.isTextual() && code.textValue().trim().matches("-?\\d+"))) {
                    errorCode = code.isTextual() ? Integer.parseInt(code.textValue().trim()) : code.intValue();
                } else {
                    throw new BadRecord("sign-in " + id + ": status.errorCode must be a number, found " + code);
                }
            }
            additional = Json.text(status, "additionalDetails");
        }
        return new SignIn(id, when, userId, Json.text(r, "userPrincipalName"), Json.text(r, "userType"), appId,
                Json.text(r, "appDisplayName"), Json.text(r, "homeTenantId"), Json.text(r, "resourceTenantId"), workload,
                Json.text(r, "authenticationRequirement"), providers, steps, errorCode, additional,
                Json.text(r, "authenticationProtocol"), source);
    }

    static Instant instant(String text, String id) throws BadRecord {
        try {
            return OffsetDateTime.parse(text.trim()).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(text.trim());
            } catch (DateTimeParseException e2) {
                throw new BadRecord("sign-in " + id + ": createdDateTime is not a date-time: \"" + text + "\"");
            }
        }
    }

    /** Service principals, managed identities and agents: by event type, or by the fields only they carry. */
    private static boolean isWorkloadIdentity(JsonNode r, Set<String> eventTypes, String userId) {
        if (eventTypes.contains("serviceprincipal") || eventTypes.contains("managedidentity")) return true;
        if (!eventTypes.isEmpty() && (eventTypes.contains("interactiveuser") || eventTypes.contains("noninteractiveuser"))) return false;
        JsonNode msi = Json.field(r, "managedServiceIdentity");
        String msiType = msi == null ? null : Json.text(msi, "msiType");
        if (msiType != null && !msiType.equalsIgnoreCase("none")) return true;
        JsonNode agent = Json.field(r, "agent");
        if (agent != null && agent.isObject() && agent.size() > 0 && Json.text(agent, "agentType") != null
                && !"notAgentic".equalsIgnoreCase(Json.text(agent, "agentType"))) return true;
        return userId == null && Json.text(r, "servicePrincipalId") != null;
    }
}
