package io.github.mfaeval.generate;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One synthetic sign-in: a full Graph beta {@code signIn} record (about 3.7 KB of JSON) whose every field is
 * decided by (seed, tenant, sign-in index), so any sign-in can be made again on its own.
 */
final class SignInRecord {
    enum File { INTERACTIVE, NON_INTERACTIVE, WORKLOAD }

    /** How the user authenticated, as the record's authenticationDetails and status will show it. */
    enum Outcome {
        MFA_STEP, PASSWORDLESS, CLAIM_IN_TOKEN, FEDERATED_CLAIM, EXTERNAL_METHOD, SINGLE_FACTOR, KEEP_SIGNED_IN,
        MFA_INTERRUPTED, MFA_FAILED, MFA_REGISTRATION_REQUIRED, NO_DETAILS_MFA, PASSWORD_GRANT
    }

    /** The window the sign-ins fall in, newest first (the order Graph returns them). */
    static final Instant WINDOW_END = Instant.parse("2025-11-27T23:59:59Z");
    static final long WINDOW_SECONDS = 30L * 24 * 3600;
    /** Addresses reserved for documentation (RFC 5737). */
    private static final String[] DOCUMENTATION_NETWORKS = {"203.0.113.", "198.51.100.", "192.0.2."};

    private record Step(String method, boolean succeeded, String result, String requirement) {
    }

    final File file;
    private final TenantProfile t;
    private final Rng r;
    private final long k;
    private final long total;
    private final Person person;
    private final TenantProfile.Workload workload;
    private final String[] app;
    private final boolean interactive;
    private Outcome outcome;
    private String mfaMethod;

    /** Sign-in {@code k} of {@code total} of the tenant. */
    SignInRecord(TenantProfile t, long k, long total) {
        this.t = t;
        this.k = k;
        this.total = Math.max(1, total);
        this.r = Rng.of(t.seed, t.index, TenantProfile.SIGN_INS, k);
        if (r.chance(0.08) || t.users == 0) {
            workload = t.workloads.get(r.nextInt(t.workloads.size()));
            person = null;
            interactive = false;
            file = File.WORKLOAD;
            app = new String[] {workload.appId(), workload.name(), "797f4846-ba00-4fd7-ba43-dac1f8f63013", "Windows Azure Service Management API"};
            return;
        }
        workload = null;
        Person p = t.person(r.nextInt(t.users));
        if (p.kind() == Person.Kind.BREAK_GLASS && t.users > 1 && r.chance(0.98)) p = t.person(1 + r.nextInt(t.users - 1));
        person = p;
        switch (p.kind()) {
            case SERVICE_ACCOUNT -> {
                interactive = false;
                app = r.chance(0.7) ? Names.LISTED_APPS[1 + r.nextInt(2)] : Names.OTHER_APPS[2];
            }
            case SYNC_ACCOUNT -> {
                interactive = false;
                app = new String[] {"cb1056e2-e479-49de-ae31-7812af012ed8", "Microsoft Azure Active Directory Connect",
                        "00000002-0000-0000-c000-000000000000", "Windows Azure Active Directory"};
            }
            case BREAK_GLASS -> {
                interactive = true;
                app = Names.LISTED_APPS[0];
            }
            default -> {
                interactive = r.chance(0.4);
                double listed = p.kind() == Person.Kind.ADMIN ? 0.6 : 0.2;
                app = r.chance(listed) ? Names.LISTED_APPS[pickListed()] : r.pick(Names.OTHER_APPS);
            }
        }
        file = interactive ? File.INTERACTIVE : File.NON_INTERACTIVE;
        outcome = outcome(p);
    }

    private int pickListed() {
        double x = r.nextDouble();
        return x < 0.55 ? 0 : x < 0.75 ? 1 : x < 0.95 ? 2 : 3;
    }

    private Outcome outcome(Person p) {
        double x = r.nextDouble();
        switch (p.kind()) {
            case SERVICE_ACCOUNT:
                return x < 0.4 ? Outcome.PASSWORD_GRANT : Outcome.SINGLE_FACTOR;
            case SYNC_ACCOUNT:
                return Outcome.SINGLE_FACTOR;
            case BREAK_GLASS:
                return p.hasPasswordless() ? Outcome.PASSWORDLESS : Outcome.MFA_STEP;
            case GUEST:
                return x < 0.6 ? Outcome.CLAIM_IN_TOKEN : x < 0.9 ? Outcome.SINGLE_FACTOR : Outcome.MFA_INTERRUPTED;
            default:
                break;
        }
        if (!p.hasMethods()) {
            return x < 0.75 ? Outcome.SINGLE_FACTOR : x < 0.9 ? Outcome.MFA_REGISTRATION_REQUIRED : Outcome.KEEP_SIGNED_IN;
        }
        if (p.federated() && x < 0.6) return Outcome.FEDERATED_CLAIM;
        if (!interactive) {
            return x < 0.7 ? Outcome.CLAIM_IN_TOKEN : x < 0.98 ? Outcome.SINGLE_FACTOR : Outcome.NO_DETAILS_MFA;
        }
        if (x < 0.55) return p.hasPasswordless() && r.chance(0.5) ? Outcome.PASSWORDLESS : Outcome.MFA_STEP;
        if (x < 0.60) return t.externalMethod ? Outcome.EXTERNAL_METHOD : Outcome.MFA_STEP;
        if (x < 0.68) return Outcome.KEEP_SIGNED_IN;
        if (x < 0.85) return Outcome.SINGLE_FACTOR;
        if (x < 0.93) return Outcome.MFA_INTERRUPTED;
        if (x < 0.96) return Outcome.MFA_FAILED;
        return Outcome.NO_DETAILS_MFA;
    }

    private List<Step> steps() {
        List<Step> steps = new ArrayList<>();
        if (outcome == null) return steps;
        String primaryResult = person.federated() ? "Federated" : "Correct password";
        Step password = new Step("Password", true, primaryResult, "Primary authentication");
        String second = secondFactor();
        switch (outcome) {
            case MFA_STEP -> {
                steps.add(password);
                steps.add(new Step(second, true, "MFA successfully completed", "Multifactor authentication"));
                mfaMethod = second;
            }
            case PASSWORDLESS -> {
                String m = passwordless();
                steps.add(new Step(m, true, "Authentication succeeded", "Primary authentication"));
                mfaMethod = m;
            }
            case CLAIM_IN_TOKEN -> {
                steps.add(new Step("Previously satisfied", true, "First factor requirement satisfied by claim in the token", "Primary authentication"));
                steps.add(new Step("Previously satisfied", true, "MFA requirement satisfied by claim in the token", "Multifactor authentication"));
            }
            case FEDERATED_CLAIM -> {
                steps.add(password);
                steps.add(new Step("Previously satisfied", true, "MFA requirement satisfied by claim provided by external provider", "Multifactor authentication"));
            }
            case EXTERNAL_METHOD -> {
                steps.add(password);
                steps.add(new Step("External authentication method", true, "MFA successfully completed", "Multifactor authentication"));
                mfaMethod = "External authentication method";
            }
            case SINGLE_FACTOR, PASSWORD_GRANT, MFA_REGISTRATION_REQUIRED, MFA_INTERRUPTED -> steps.add(password);
            case KEEP_SIGNED_IN -> {
                steps.add(password);
                steps.add(new Step("Password", true, "Keep me signed in", "Primary authentication"));
            }
            case MFA_FAILED -> {
                steps.add(password);
                steps.add(new Step(second, false, "MFA denied; user declined the authentication", "Multifactor authentication"));
            }
            case NO_DETAILS_MFA -> {
                // a trimmed export: no step details
            }
        }
        return steps;
    }

    /** A second factor the person has registered, as sign-in logs name it. */
    private String secondFactor() {
        List<String> logged = new ArrayList<>();
        for (String m : person.methods()) {
            for (String[] known : Names.METHODS) {
                if (known[0].equals(m) && !m.equals("fido2SecurityKey") && !m.equals("windowsHelloForBusiness")
                        && !m.equals("passKeyDeviceBound")) logged.add(known[1]);
            }
        }
        return logged.isEmpty() ? "Mobile app notification" : logged.get(r.nextInt(logged.size()));
    }

    private String passwordless() {
        for (String m : person.methods()) {
            if (m.equals("fido2SecurityKey")) return "FIDO2 security key";
            if (m.equals("windowsHelloForBusiness")) return "Windows Hello for Business";
            if (m.equals("passKeyDeviceBound")) return "Passkey";
        }
        return "FIDO2 security key";
    }

    private boolean mfaRequired() {
        return outcome != null && switch (outcome) {
            case SINGLE_FACTOR, KEEP_SIGNED_IN, PASSWORD_GRANT -> false;
            default -> true;
        };
    }

    private int errorCode() {
        if (outcome == null) return 0;
        return switch (outcome) {
            case MFA_INTERRUPTED -> 50074;
            case MFA_FAILED -> 500121;
            case MFA_REGISTRATION_REQUIRED -> 50079;
            default -> 0;
        };
    }

    private String failureReason(int code) {
        return switch (code) {
            case 50074 -> "Strong Authentication is required.";
            case 500121 -> "Authentication failed during strong authentication request.";
            case 50079 -> "Due to a configuration change made by your administrator, or because you moved to a new location, you must enroll in multi-factor authentication to access this resource.";
            default -> "Other.";
        };
    }

    /** Writes the record as one JSON object. */
    void write(JsonGenerator g) throws IOException {
        // Evenly spread over the window, newest first, a random second within the slot.
        long slotMillis = WINDOW_SECONDS * 1000 / total;
        Instant when = WINDOW_END.minusMillis(k * slotMillis + (slotMillis > 1 ? (r.nextLong() >>> 1) % slotMillis : 0))
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        List<Step> steps = steps();
        int error = errorCode();
        boolean mfa = mfaRequired();
        String[] place = r.pick(Names.PLACES);
        String[] device = workload != null ? Names.DEVICES[5] : person.kind() == Person.Kind.SERVICE_ACCOUNT ? Names.DEVICES[5] : r.pick(Names.DEVICES);
        String ip = r.pick(DOCUMENTATION_NETWORKS) + (1 + r.nextInt(254));
        String correlationId = r.uuid();
        boolean guest = person != null && person.guest();

        g.writeStartObject();
        g.writeStringField("id", r.uuid());
        g.writeStringField("createdDateTime", when.toString());
        if (person != null) {
            g.writeStringField("userDisplayName", person.displayName());
            g.writeStringField("userPrincipalName", person.signInUpn());
            g.writeStringField("userId", person.id());
        } else {
            g.writeNullField("userDisplayName");
            g.writeNullField("userPrincipalName");
            g.writeStringField("userId", "");
        }
        g.writeStringField("appId", app[0]);
        g.writeStringField("appDisplayName", app[1]);
        g.writeStringField("ipAddress", ip);
        g.writeStringField("clientAppUsed", workload != null ? "" : interactive ? "Browser" : "Mobile Apps and Desktop clients");
        g.writeStringField("userAgent", device[2]);
        g.writeStringField("correlationId", correlationId);
        g.writeStringField("conditionalAccessStatus", t.policies.isEmpty() || workload != null ? "notApplied" : error != 0 ? "failure" : "success");
        g.writeStringField("originalRequestId", r.uuid());
        g.writeBooleanField("isInteractive", interactive);
        g.writeStringField("tokenIssuerName", person != null && person.federated() ? "http://sts." + t.federatedDomain + "/adfs/services/trust" : "");
        g.writeStringField("tokenIssuerType", person != null && person.federated() ? "ADFederationServices" : "AzureAD");
        g.writeStringField("clientCredentialType", workload == null ? "none" : workload.managedIdentity() ? "managedIdentity" : r.chance(0.5) ? "clientSecret" : "certificate");
        g.writeNumberField("processingTimeInMilliseconds", 20 + r.nextInt(400));
        g.writeStringField("riskDetail", "none");
        g.writeStringField("riskLevelAggregated", "none");
        g.writeStringField("riskLevelDuringSignIn", "none");
        g.writeStringField("riskState", "none");
        g.writeArrayFieldStart("riskEventTypes_v2");
        g.writeEndArray();
        g.writeStringField("resourceDisplayName", app[3]);
        g.writeStringField("resourceId", app[2]);
        g.writeStringField("resourceTenantId", t.tenantId);
        g.writeStringField("homeTenantId", guest ? person.homeTenantId() : t.tenantId);
        g.writeStringField("homeTenantName", guest ? "" : t.company);
        g.writeArrayFieldStart("authenticationMethodsUsed");
        for (Step s : steps) {
            if (s.succeeded() && !s.method().equals("Previously satisfied")) g.writeString(s.method());
        }
        g.writeEndArray();
        g.writeStringField("authenticationRequirement", mfa ? "multiFactorAuthentication" : "singleFactorAuthentication");
        g.writeStringField("signInIdentifier", person == null ? "" : person.signInUpn());
        g.writeStringField("signInIdentifierType", person == null ? "" : "userPrincipalName");
        g.writeStringField("servicePrincipalName", workload == null ? "" : workload.name());
        g.writeArrayFieldStart("signInEventTypes");
        g.writeString(workload != null ? (workload.managedIdentity() ? "managedIdentity" : "servicePrincipal")
                : interactive ? "interactiveUser" : "nonInteractiveUser");
        g.writeEndArray();
        g.writeStringField("servicePrincipalId", workload == null ? "" : workload.servicePrincipalId());
        if (person == null) g.writeNullField("userType");
        else g.writeStringField("userType", guest ? "guest" : "member");
        g.writeBooleanField("flaggedForReview", false);
        g.writeBooleanField("isTenantRestricted", false);
        g.writeNumberField("autonomousSystemNumber", 8075 + r.nextInt(3));
        g.writeStringField("crossTenantAccessType", guest ? "b2bCollaboration" : "none");
        g.writeStringField("servicePrincipalCredentialKeyId", workload != null && !workload.managedIdentity() ? r.uuid() : "");
        g.writeStringField("uniqueTokenIdentifier", r.hex(16) + r.hex(6));
        g.writeStringField("incomingTokenType", outcome == Outcome.CLAIM_IN_TOKEN ? "primaryRefreshToken" : "none");
        g.writeStringField("authenticationProtocol", outcome == Outcome.PASSWORD_GRANT ? "ropc" : person != null && person.federated() ? "wsFederation" : "oAuth2");
        g.writeStringField("resourceServicePrincipalId", r.uuid());
        g.writeArrayFieldStart("conditionalAccessAudiences");
        g.writeString(app[2]);
        g.writeEndArray();
        g.writeStringField("sessionId", workload == null ? r.uuid() : "");

        g.writeObjectFieldStart("mfaDetail");
        if (mfaMethod != null) g.writeStringField("authMethod", mfaMethod);
        else g.writeNullField("authMethod");
        g.writeNullField("authDetail");
        g.writeEndObject();

        g.writeObjectFieldStart("status");
        g.writeNumberField("errorCode", error);
        g.writeStringField("failureReason", failureReason(error));
        if (error == 50074) g.writeStringField("additionalDetails", "MFA required in Azure AD");
        else if (error == 500121) g.writeStringField("additionalDetails", "The user didn't complete the MFA prompt.");
        else g.writeNullField("additionalDetails");
        g.writeEndObject();

        g.writeObjectFieldStart("deviceDetail");
        boolean managed = workload == null && r.chance(0.4);
        g.writeStringField("deviceId", managed ? r.uuid() : "");
        g.writeStringField("displayName", managed ? "PC-" + r.hex(6).toUpperCase(java.util.Locale.ROOT) : "");
        g.writeStringField("operatingSystem", device[0]);
        g.writeStringField("browser", device[1]);
        g.writeBooleanField("isCompliant", managed);
        g.writeBooleanField("isManaged", managed);
        g.writeStringField("trustType", managed ? "Azure AD joined" : "");
        g.writeEndObject();

        g.writeObjectFieldStart("location");
        g.writeStringField("city", place[0]);
        g.writeStringField("state", place[1]);
        g.writeStringField("countryOrRegion", place[2]);
        g.writeObjectFieldStart("geoCoordinates");
        g.writeNullField("altitude");
        g.writeNumberField("latitude", new java.math.BigDecimal(place[3]));
        g.writeNumberField("longitude", new java.math.BigDecimal(place[4]));
        g.writeEndObject();
        g.writeEndObject();

        g.writeArrayFieldStart("appliedConditionalAccessPolicies");
        if (workload == null) {
            for (TenantProfile.Policy p : t.policies) writeAppliedPolicy(g, p, error);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("authenticationContextClassReferences");
        g.writeEndArray();

        g.writeArrayFieldStart("authenticationProcessingDetails");
        keyValue(g, "Legacy TLS (TLS 1.0, 1.1, 3DES)", "False");
        keyValue(g, "Is CAE Token", r.chance(0.3) ? "True" : "False");
        if (workload == null) keyValue(g, "Root Key Type", "Unknown");
        g.writeEndArray();
        g.writeArrayFieldStart("networkLocationDetails");
        g.writeEndArray();

        g.writeArrayFieldStart("authenticationDetails");
        long stepTime = when.getEpochSecond();
        for (Step s : steps) {
            g.writeStartObject();
            g.writeStringField("authenticationStepDateTime", Instant.ofEpochSecond(stepTime).toString());
            g.writeStringField("authenticationMethod", s.method());
            g.writeStringField("authenticationMethodDetail", s.method().equals("Password") ? "Password in the cloud" : s.method().equals("Previously satisfied") ? null : s.method());
            g.writeBooleanField("succeeded", s.succeeded());
            g.writeStringField("authenticationStepResultDetail", s.result());
            g.writeStringField("authenticationStepRequirement", s.requirement());
            g.writeEndObject();
        }
        g.writeEndArray();

        g.writeArrayFieldStart("authenticationRequirementPolicies");
        if (mfa) {
            g.writeStartObject();
            if (t.securityDefaults) {
                g.writeStringField("requirementProvider", "securityDefaults");
                g.writeStringField("detail", "Security defaults");
            } else if (person != null && !person.perUserMfa().equals("disabled")) {
                g.writeStringField("requirementProvider", "user");
                g.writeStringField("detail", "Per-user MFA");
            } else if (!t.policies.isEmpty()) {
                g.writeStringField("requirementProvider", "multiConditionalAccess");
                g.writeStringField("detail", "Conditional Access");
            } else {
                g.writeStringField("requirementProvider", "request");
                g.writeStringField("detail", "App requires MFA");
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("sessionLifetimePolicies");
        if (outcome == Outcome.KEEP_SIGNED_IN) {
            g.writeStartObject();
            g.writeStringField("expirationRequirement", "rememberMultifactorAuthenticationOnTrustedDevices");
            g.writeStringField("detail", "Remember MFA on trusted devices");
            g.writeEndObject();
        }
        g.writeEndArray();

        g.writeArrayFieldStart("appliedEventListeners");
        g.writeEndArray();
        g.writeNullField("authenticationAppDeviceDetails");
        g.writeObjectFieldStart("managedServiceIdentity");
        g.writeStringField("msiType", workload != null && workload.managedIdentity() ? "systemAssigned" : "none");
        g.writeNullField("associatedResourceId");
        g.writeNullField("federatedTokenId");
        g.writeNullField("federatedTokenIssuer");
        g.writeEndObject();
        g.writeEndObject();
    }

    private void writeAppliedPolicy(JsonGenerator g, TenantProfile.Policy p, int error) throws IOException {
        boolean portal = app == Names.LISTED_APPS[0] || app == Names.LISTED_APPS[1] || app == Names.LISTED_APPS[2] || app == Names.LISTED_APPS[3];
        boolean applies = switch (p.kind()) {
            case "ADMIN_PORTALS" -> portal;
            case "BLOCK_LEGACY" -> false;
            case "UNTRUSTED_LOCATIONS" -> r.chance(0.3);
            default -> true;
        };
        String result = !applies ? "notApplied"
                : p.state().equals("enabledForReportingButNotEnforced") ? (error != 0 ? "reportOnlyInterrupted" : "reportOnlySuccess")
                : error != 0 ? "failure" : "success";
        g.writeStartObject();
        g.writeStringField("id", p.id());
        g.writeStringField("displayName", p.displayName());
        g.writeArrayFieldStart("enforcedGrantControls");
        if (applies) g.writeString(p.kind().equals("BLOCK_LEGACY") ? "Block" : p.kind().equals("CUSTOM_CONTROL") ? "Duo MFA" : "Mfa");
        g.writeEndArray();
        g.writeArrayFieldStart("enforcedSessionControls");
        g.writeEndArray();
        g.writeStringField("result", result);
        if (applies) {
            g.writeArrayFieldStart("includeRulesSatisfied");
            g.writeStartObject();
            g.writeStringField("conditionalAccessCondition", "application");
            g.writeStringField("ruleSatisfied", portal ? "appId" : "allApps");
            g.writeEndObject();
            g.writeStartObject();
            g.writeStringField("conditionalAccessCondition", "users");
            g.writeStringField("ruleSatisfied", "allUsers");
            g.writeEndObject();
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private static void keyValue(JsonGenerator g, String key, String value) throws IOException {
        g.writeStartObject();
        g.writeStringField("key", key);
        g.writeStringField("value", value);
        g.writeEndObject();
    }
}
