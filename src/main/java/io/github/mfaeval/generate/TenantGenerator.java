package io.github.mfaeval.generate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes synthetic tenant folders in the format {@code evaluate} reads: the manifest, every export the
 * README lists, and sign-ins split as Graph exports them (interactive, non-interactive, workload identities).
 * Everything is streamed: a user or a sign-in is made from its index, written, and forgotten, so a tenant of
 * any size needs no more memory than a small one. The same seed gives the same bytes.
 */
public final class TenantGenerator {
    private static final String GRAPH = "https://graph.microsoft.com/beta/$metadata#";
    private static final long DUPLICATES = 3;
    /** Share of sign-ins that appear a second time, as when exports overlap. */
    private static final double DUPLICATE_SHARE = 0.002;
    private static final JsonFactory FACTORY = new JsonFactory();

    private final long seed;
    private final int users;
    private final long signIns;
    private final boolean pages;

    /**
     * @param pages write sign-in files as Graph pages ({@code {"value": [...]}}) rather than one record per line
     */
    public TenantGenerator(long seed, int users, long signIns, boolean pages) {
        if (users < 1) throw new IllegalArgumentException("a tenant needs at least one user");
        if (signIns < 0) throw new IllegalArgumentException("sign-ins cannot be negative");
        this.seed = seed;
        this.users = users;
        this.signIns = signIns;
        this.pages = pages;
    }

    /** The folder name of tenant {@code index} (0-based). */
    public static String folderName(int index) {
        return String.format(Locale.ROOT, "tenant-%05d", index + 1);
    }

    /** Writes tenant {@code index} into {@code folder} (created if needed). */
    public void write(int index, Path folder) throws IOException {
        Files.createDirectories(folder);
        TenantProfile t = new TenantProfile(seed, index, users);
        writeManifest(t, folder.resolve("tenant.json"));
        writeUsers(t, folder);
        writeRoleAssignments(t, folder.resolve("roleAssignments.json"));
        writePolicies(t, folder);
        writeConfiguration(t, folder);
        writeSignIns(t, folder);
    }

    private static JsonGenerator pretty(OutputStream out) throws IOException {
        JsonGenerator g = FACTORY.createGenerator(out);
        // "\n" whatever the platform, so that a seed gives the same bytes everywhere.
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        g.setPrettyPrinter(new DefaultPrettyPrinter().withObjectIndenter(indenter).withArrayIndenter(indenter));
        return g;
    }

    private interface Content {
        void write(JsonGenerator g) throws IOException;
    }

    private static void small(Path file, Content content) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); JsonGenerator g = pretty(out)) {
            content.write(g);
            g.writeRaw('\n');
        }
    }

    private void writeManifest(TenantProfile t, Path file) throws IOException {
        small(file, g -> {
            g.writeStartObject();
            g.writeStringField("tenantId", t.tenantId);
            g.writeStringField("displayName", t.displayName);
            // A frozen snapshot: its sign-ins end on 2025-11-27, so it is evaluated as of the next day unless --as-of says otherwise.
            g.writeStringField("asOf", "2025-11-28");
            g.writeBooleanField("testTenant", t.testTenant);
            g.writeStringField("license", t.license);
            if (t.notified) {
                g.writeObjectFieldStart("enforcement");
                g.writeStringField("phase1", "2024-10-15");
                g.writeStringField("phase2", "2025-10-01");
                g.writeEndObject();
            }
            if (t.postponed) {
                Person admin = t.person(Math.min(2, users - 1));
                g.writeObjectFieldStart("postponement");
                g.writeStringField("requestedOn", "2024-09-16");
                g.writeStringField("requestedBy", admin.userPrincipalName());
                g.writeBooleanField("elevatedAccess", true);
                g.writeEndObject();
            }
            g.writeBooleanField("optOutRequested", false);
            g.writeArrayFieldStart("emergencyAccessAccounts");
            g.writeString(t.person(0).userPrincipalName());
            g.writeEndArray();
            g.writeArrayFieldStart("serviceAccounts");
            for (int j = 0; j < users; j++) {
                Person p = t.person(j);
                if (p.kind() == Person.Kind.SERVICE_ACCOUNT) g.writeString(p.userPrincipalName());
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    private void writeUsers(TenantProfile t, Path folder) throws IOException {
        try (RecordFile directory = new RecordFile(folder.resolve("users.json"), true, GRAPH + "users");
             RecordFile registrations = new RecordFile(folder.resolve("userRegistrationDetails.json"), true,
                     GRAPH + "reports/authenticationMethods/userRegistrationDetails");
             RecordFile perUser = new RecordFile(folder.resolve("perUserMfa.json"), true, GRAPH + "users/authentication/requirements")) {
            for (int j = 0; j < users; j++) {
                Person p = t.person(j);
                JsonGenerator g = directory.next();
                g.writeStartObject();
                g.writeStringField("id", p.id());
                g.writeStringField("displayName", p.displayName());
                g.writeStringField("userPrincipalName", p.userPrincipalName());
                if (p.mail() == null) g.writeNullField("mail");
                else g.writeStringField("mail", p.mail());
                g.writeStringField("userType", p.guest() ? "Guest" : "Member");
                g.writeBooleanField("accountEnabled", true);
                if (p.federated()) g.writeBooleanField("onPremisesSyncEnabled", true);
                else g.writeNullField("onPremisesSyncEnabled");
                g.writeEndObject();

                g = registrations.next();
                boolean capable = p.hasMethods();
                g.writeStartObject();
                g.writeStringField("id", p.id());
                g.writeStringField("userPrincipalName", p.userPrincipalName());
                g.writeStringField("userDisplayName", p.displayName());
                g.writeStringField("userType", p.guest() ? "guest" : "member");
                g.writeBooleanField("isAdmin", p.kind() == Person.Kind.ADMIN);
                g.writeBooleanField("isSsprRegistered", capable);
                g.writeBooleanField("isSsprEnabled", true);
                g.writeBooleanField("isSsprCapable", capable);
                g.writeBooleanField("isMfaRegistered", capable);
                g.writeBooleanField("isMfaCapable", capable);
                g.writeBooleanField("isPasswordlessCapable", p.hasPasswordless());
                g.writeStringField("lastUpdatedDateTime", "2025-11-02T07:41:12Z");
                g.writeArrayFieldStart("methodsRegistered");
                for (String m : p.methods()) g.writeString(m);
                g.writeEndArray();
                g.writeBooleanField("isSystemPreferredAuthenticationMethodEnabled", true);
                g.writeArrayFieldStart("systemPreferredAuthenticationMethods");
                if (capable) g.writeString(p.methods()[0].equals("mobilePhone") ? "sms" : "push");
                g.writeEndArray();
                g.writeStringField("userPreferredMethodForSecondaryAuthentication", capable ? "push" : "none");
                g.writeEndObject();

                g = perUser.next();
                g.writeStartObject();
                g.writeStringField("userId", p.id());
                g.writeStringField("perUserMfaState", p.perUserMfa());
                g.writeEndObject();
            }
        }
    }

    private void writeRoleAssignments(TenantProfile t, Path file) throws IOException {
        try (RecordFile roles = new RecordFile(file, true, GRAPH + "roleManagement/directory/roleAssignments")) {
            Rng r = Rng.of(seed, t.index, 4);
            for (int j = 0; j < Math.min(users, 2 + t.admins); j++) {
                Person p = t.person(j);
                JsonGenerator g = roles.next();
                g.writeStartObject();
                g.writeStringField("id", r.uuid());
                g.writeStringField("principalId", p.id());
                // Global Administrator, or Directory Synchronization Accounts for the sync account.
                g.writeStringField("roleDefinitionId", p.kind() == Person.Kind.SYNC_ACCOUNT
                        ? "d29b2b05-8046-44ba-8758-1e26182fcf32" : "62e90394-69f5-4237-9190-012177145e10");
                g.writeStringField("directoryScopeId", "/");
                g.writeEndObject();
            }
        }
    }

    private void writePolicies(TenantProfile t, Path folder) throws IOException {
        boolean groups = t.policies.stream().anyMatch(p -> p.kind().equals("ALL_USERS"));
        small(folder.resolve("conditionalAccessPolicies.json"), g -> {
            g.writeStartObject();
            g.writeStringField("@odata.context", GRAPH + "identity/conditionalAccess/policies");
            g.writeArrayFieldStart("value");
            for (TenantProfile.Policy p : t.policies) policy(g, t, p);
            g.writeEndArray();
            g.writeEndObject();
        });
        if (groups) {
            small(folder.resolve("groupMembers.json"), g -> {
                g.writeStartObject();
                g.writeArrayFieldStart(t.exclusionGroupId);
                g.writeString(t.person(0).id());
                g.writeEndArray();
                g.writeEndObject();
            });
        }
    }

    private static void policy(JsonGenerator g, TenantProfile t, TenantProfile.Policy p) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", p.id());
        g.writeNullField("templateId");
        g.writeStringField("displayName", p.displayName());
        g.writeStringField("createdDateTime", "2024-05-02T09:12:44Z");
        g.writeStringField("modifiedDateTime", "2024-09-30T14:01:10Z");
        g.writeStringField("state", p.state());
        g.writeNullField("sessionControls");
        g.writeObjectFieldStart("conditions");
        g.writeArrayFieldStart("signInRiskLevels");
        g.writeEndArray();
        g.writeArrayFieldStart("userRiskLevels");
        g.writeEndArray();
        g.writeArrayFieldStart("clientAppTypes");
        if (p.kind().equals("BLOCK_LEGACY")) {
            g.writeString("exchangeActiveSync");
            g.writeString("other");
        } else {
            g.writeString("all");
        }
        g.writeEndArray();
        g.writeNullField("platforms");
        if (p.kind().equals("UNTRUSTED_LOCATIONS")) {
            g.writeObjectFieldStart("locations");
            g.writeArrayFieldStart("includeLocations");
            g.writeString("All");
            g.writeEndArray();
            g.writeArrayFieldStart("excludeLocations");
            g.writeString("AllTrusted");
            g.writeEndArray();
            g.writeEndObject();
        } else {
            g.writeNullField("locations");
        }
        g.writeNullField("devices");
        g.writeObjectFieldStart("applications");
        g.writeArrayFieldStart("includeApplications");
        g.writeString(p.kind().equals("ADMIN_PORTALS") ? "MicrosoftAdminPortals" : "All");
        if (p.kind().equals("ADMIN_PORTALS")) g.writeString("797f4846-ba00-4fd7-ba43-dac1f8f63013");
        g.writeEndArray();
        g.writeArrayFieldStart("excludeApplications");
        g.writeEndArray();
        g.writeArrayFieldStart("includeUserActions");
        g.writeEndArray();
        g.writeEndObject();
        g.writeObjectFieldStart("users");
        g.writeArrayFieldStart("includeUsers");
        g.writeString("All");
        g.writeEndArray();
        g.writeArrayFieldStart("excludeUsers");
        g.writeEndArray();
        g.writeArrayFieldStart("includeGroups");
        g.writeEndArray();
        g.writeArrayFieldStart("excludeGroups");
        if (p.kind().equals("ALL_USERS")) g.writeString(t.exclusionGroupId);
        g.writeEndArray();
        g.writeArrayFieldStart("includeRoles");
        g.writeEndArray();
        g.writeArrayFieldStart("excludeRoles");
        g.writeString("d29b2b05-8046-44ba-8758-1e26182fcf32");
        g.writeEndArray();
        g.writeNullField("includeGuestsOrExternalUsers");
        g.writeNullField("excludeGuestsOrExternalUsers");
        g.writeEndObject();
        g.writeEndObject();
        g.writeObjectFieldStart("grantControls");
        g.writeStringField("operator", "OR");
        g.writeArrayFieldStart("builtInControls");
        if (p.kind().equals("BLOCK_LEGACY")) g.writeString("block");
        else if (!p.kind().equals("CUSTOM_CONTROL")) g.writeString("mfa");
        g.writeEndArray();
        g.writeArrayFieldStart("customAuthenticationFactors");
        if (p.kind().equals("CUSTOM_CONTROL")) g.writeString("Duo MFA");
        g.writeEndArray();
        g.writeArrayFieldStart("termsOfUse");
        g.writeEndArray();
        g.writeNullField("authenticationStrength");
        g.writeEndObject();
        g.writeEndObject();
    }

    private void writeConfiguration(TenantProfile t, Path folder) throws IOException {
        small(folder.resolve("securityDefaults.json"), g -> {
            g.writeStartObject();
            g.writeStringField("id", "00000000-0000-0000-0000-000000000005");
            g.writeStringField("displayName", "Security Defaults");
            g.writeBooleanField("isEnabled", t.securityDefaults);
            g.writeEndObject();
        });
        small(folder.resolve("domains.json"), g -> {
            g.writeStartObject();
            g.writeStringField("@odata.context", GRAPH + "domains");
            g.writeArrayFieldStart("value");
            domain(g, t.domain, "Managed", true);
            g.writeEndObject();
            domain(g, t.initialDomain, "Managed", false);
            g.writeEndObject();
            if (t.federatedDomain != null) {
                domain(g, t.federatedDomain, "Federated", false);
                g.writeArrayFieldStart("federationConfiguration");
                g.writeStartObject();
                g.writeStringField("id", Rng.of(seed, t.index, 5).uuid());
                g.writeStringField("displayName", t.company + " AD FS");
                g.writeStringField("issuerUri", "http://sts." + t.federatedDomain + "/adfs/services/trust");
                g.writeStringField("federatedIdpMfaBehavior", t.federatedAcceptsMfa ? "acceptIfMfaDoneByFederatedIdp" : "rejectMfaByFederatedIdp");
                g.writeStringField("preferredAuthenticationProtocol", "wsFed");
                g.writeEndObject();
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        });
        small(folder.resolve("crossTenantAccessPolicy.json"), g -> {
            g.writeStartObject();
            g.writeObjectFieldStart("default");
            g.writeObjectFieldStart("inboundTrust");
            g.writeBooleanField("isMfaAccepted", t.defaultTrust);
            g.writeBooleanField("isCompliantDeviceAccepted", false);
            g.writeBooleanField("isHybridAzureADJoinedDeviceAccepted", false);
            g.writeEndObject();
            g.writeEndObject();
            g.writeArrayFieldStart("partners");
            for (int i = 0; i < t.partnerTenants.length; i++) {
                g.writeStartObject();
                g.writeStringField("tenantId", t.partnerTenants[i]);
                if (t.partnerTrust[i] == null) {
                    g.writeNullField("inboundTrust");
                } else {
                    g.writeObjectFieldStart("inboundTrust");
                    g.writeBooleanField("isMfaAccepted", t.partnerTrust[i]);
                    g.writeBooleanField("isCompliantDeviceAccepted", false);
                    g.writeEndObject();
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        });
        small(folder.resolve("authenticationMethodsPolicy.json"), g -> {
            g.writeStartObject();
            g.writeStringField("@odata.context", GRAPH + "authenticationMethodsPolicy");
            g.writeStringField("id", "authenticationMethodsPolicy");
            g.writeStringField("displayName", "Authentication Methods Policy");
            g.writeStringField("policyVersion", "1.5");
            g.writeStringField("policyMigrationState", "migrationComplete");
            g.writeArrayFieldStart("authenticationMethodConfigurations");
            methodConfiguration(g, "microsoftAuthenticatorAuthenticationMethodConfiguration", "MicrosoftAuthenticator", null, "enabled");
            methodConfiguration(g, "fido2AuthenticationMethodConfiguration", "Fido2", null, "enabled");
            methodConfiguration(g, "smsAuthenticationMethodConfiguration", "Sms", null, "enabled");
            if (t.externalMethod) {
                methodConfiguration(g, "externalAuthenticationMethodConfiguration", Rng.of(seed, t.index, 6).uuid(),
                        "External authentication method", "enabled");
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    private static void domain(JsonGenerator g, String name, String type, boolean isDefault) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", name);
        g.writeStringField("authenticationType", type);
        g.writeBooleanField("isDefault", isDefault);
        g.writeBooleanField("isVerified", true);
    }

    private static void methodConfiguration(JsonGenerator g, String type, String id, String displayName, String state) throws IOException {
        g.writeStartObject();
        g.writeStringField("@odata.type", "#microsoft.graph." + type);
        g.writeStringField("id", id);
        if (displayName != null) g.writeStringField("displayName", displayName);
        g.writeStringField("state", state);
        g.writeEndObject();
    }

    private void writeSignIns(TenantProfile t, Path folder) throws IOException {
        String context = GRAPH + "auditLogs/signIns";
        try (RecordFile interactive = new RecordFile(folder.resolve("signIns.json"), pages, context);
             RecordFile nonInteractive = new RecordFile(folder.resolve("signIns-nonInteractive.json"), pages, context);
             RecordFile workload = new RecordFile(folder.resolve("signIns-workload.json"), pages, context)) {
            for (long k = 0; k < signIns; k++) {
                // Overlapping exports: now and then a sign-in comes again (the evaluator counts it once).
                long which = k > 0 && Rng.of(seed, t.index, DUPLICATES, k).chance(DUPLICATE_SHARE) ? k - 1 : k;
                SignInRecord s = new SignInRecord(t, which, signIns);
                RecordFile file = switch (s.file) {
                    case INTERACTIVE -> interactive;
                    case NON_INTERACTIVE -> nonInteractive;
                    case WORKLOAD -> workload;
                };
                s.write(file.next());
            }
        }
    }
}
