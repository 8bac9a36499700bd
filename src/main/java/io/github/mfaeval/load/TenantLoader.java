package io.github.mfaeval.load;

import io.github.mfaeval.result.CollectionInfo;
import io.github.mfaeval.result.Rejection;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.mfaeval.load.format.PortalAuthDetails;
import io.github.mfaeval.load.format.SignInFiles;
import io.github.mfaeval.model.CaPolicy;
import io.github.mfaeval.model.PolicyCondition;
import io.github.mfaeval.model.CrossTenantDefault;
import io.github.mfaeval.model.CrossTenantPartner;
import io.github.mfaeval.model.ExternalAuthMethod;
import io.github.mfaeval.model.ExternalUsersCondition;
import io.github.mfaeval.model.FederatedDomain;
import io.github.mfaeval.model.MissingInput;
import io.github.mfaeval.model.NotifiedStart;
import io.github.mfaeval.model.RoleAssignment;
import io.github.mfaeval.model.SecurityDefaults;
import io.github.mfaeval.model.Tenant;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a tenant folder: the manifest (required) and whichever exports are present. */
public final class TenantLoader {
    public static final String MANIFEST = "tenant.json";
    private static final Pattern PHASE_KEY = Pattern.compile("phase(\\d+)", Pattern.CASE_INSENSITIVE);
    private static final Set<String> LICENSES = Set.of("free", "p1", "p2");

    /** The export files, in the order the README documents them, and what the rules cannot check without each. */
    public static final Map<String, String> EXPORTS = new java.util.LinkedHashMap<>();

    static {
        EXPORTS.put(SignInFiles.PATTERN, "the scope and MFA satisfaction of sign-ins");
        EXPORTS.put("users.json", "who the users are (guests, email addresses of Global Administrators)");
        EXPORTS.put("userRegistrationDetails.json", "which users have an MFA method or a phishing-resistant one");
        EXPORTS.put("conditionalAccessPolicies.json", "coverage by Conditional Access");
        EXPORTS.put("securityDefaults.json", "coverage by security defaults");
        EXPORTS.put("perUserMfa.json", "coverage by per-user MFA");
        EXPORTS.put("domains.json", "whether federated domains accept MFA done at their identity provider");
        EXPORTS.put("crossTenantAccessPolicy.json", "whether guests' home-tenant MFA is trusted");
        EXPORTS.put("authenticationMethodsPolicy.json", "external authentication methods");
        EXPORTS.put("roleAssignments.json", "who is a Global Administrator (notification, postponement) and role-based policy scope");
        EXPORTS.put("groupMembers.json", "group-based Conditional Access scope");
    }

    private TenantLoader() {
    }

    public static TenantData load(Path folder) throws InputException {
        TenantData data = read(folder);
        if (data.manifestProblem != null) throw data.manifestProblem;
        return data;
    }

    /**
     * Reads what the folder holds even when the manifest is missing or wrong ({@code inspect} shows the rest);
     * the manifest's problem is kept in {@link TenantData#manifestProblem} and {@link TenantData#tenant} is then null.
     */
    public static TenantData read(Path folder) throws InputException {
        if (!Files.isDirectory(folder)) {
            throw new InputException(folder + ": not a folder");
        }
        TenantData data = new TenantData();
        data.folder = folder;
        Path manifest = folder.resolve(MANIFEST);
        try {
            readSignInFileNames(folder, data);
            readActivityLogNames(folder, data);
            ScubaGearExport scuba = ScubaGearExport.find(folder, data);
            readUsers(folder, data);
            readRegistrations(folder, data);
            readPerUserMfa(folder, data);
            readRoleAssignments(folder, data, scuba);
            readConditionalAccess(folder, data, scuba);
            readGroupMembers(folder, data);
            readSecurityDefaults(folder, data);
            readDomains(folder, data);
            readCrossTenant(folder, data);
            readAuthenticationMethods(folder, data, scuba);
            readCollection(folder, data);
        } catch (IOException e) {
            throw new InputException(folder + ": cannot read: " + e.getMessage(), e);
        }
        if (!InputFiles.exists(manifest)) {
            data.manifestProblem = new InputException(manifest + ": missing; every tenant folder needs a tenant.json manifest (see README)");
            return data;
        }
        String notReadable = InputFiles.problem(manifest);
        if (notReadable != null) {
            data.manifestProblem = new InputException(manifest + ": " + notReadable);
            return data;
        }
        try {
            data.tenant = readManifest(manifest, data);
        } catch (InputException e) {
            data.manifestProblem = e;
        }
        return data;
    }

    private static Tenant readManifest(Path file, TenantData data) throws InputException {
        JsonNode m;
        try {
            m = JsonRecords.readTree(file);
        } catch (IOException e) {
            throw new InputException(file + ": not valid JSON: " + JsonSyntax.describe(e));
        }
        if (m == null || !m.isObject()) {
            throw new InputException(file + ": must be a JSON object");
        }
        warnUnknownKeys(m, data);
        try {
            String tenantId = manifestText(file, m, "tenantId");
            if (tenantId == null) {
                throw new InputException(file + ": missing required field tenantId");
            }
            String license = manifestText(file, m, "license");
            if (license != null && !LICENSES.contains(license.toLowerCase(Locale.ROOT))) {
                throw new InputException(file + ": license must be free, P1 or P2, found \"" + license + "\"");
            }
            JsonNode enforcement = manifestObject(file, m, "enforcement");
            if (enforcement != null) {
                Iterator<Map.Entry<String, JsonNode>> it = enforcement.fields();
                while (it.hasNext()) {
                    Map.Entry<String, JsonNode> e = it.next();
                    Matcher pm = PHASE_KEY.matcher(e.getKey());
                    if (!pm.matches()) {
                        throw new InputException(file + ": enforcement." + e.getKey() + ": expected phase1, phase2, …");
                    }
                    if (!e.getValue().isNull()) {
                        if (!e.getValue().isTextual()) {
                            throw new InputException(file + ": enforcement." + e.getKey() + " must be a date string (yyyy-mm-dd), found " + e.getValue());
                        }
                        data.notifiedStarts.add(new NotifiedStart(Integer.parseInt(pm.group(1)), date(file, "enforcement." + e.getKey(), e.getValue().asText())));
                    }
                }
            }
            JsonNode post = manifestObject(file, m, "postponement");
            LocalDate requestedOn = null;
            String requestedBy = null;
            Boolean elevated = null;
            LocalDate chosenStart = null;
            if (post != null) {
                String chosen = manifestText(file, post, "startDate", "postponement.");
                chosenStart = chosen == null ? null : date(file, "postponement.startDate", chosen);
                String on = manifestText(file, post, "requestedOn", "postponement.");
                requestedOn = on == null ? null : date(file, "postponement.requestedOn", on);
                requestedBy = manifestText(file, post, "requestedBy", "postponement.");
                elevated = manifestBool(file, post, "elevatedAccess", "postponement.");
            }
            String requesterId = requestedBy == null ? null : resolveUser(requestedBy, data);
            Set<String> emergency = lowerSet(manifestStrings(file, m, "emergencyAccessAccounts"));
            Set<String> service = lowerSet(manifestStrings(file, m, "serviceAccounts"));
            String displayName = manifestText(file, m, "displayName");
            String asOf = manifestText(file, m, "asOf");
            return new Tenant(tenantId, displayName == null ? tenantId : displayName,
                    Boolean.TRUE.equals(manifestBool(file, m, "testTenant", "")), license,
                    Boolean.TRUE.equals(manifestBool(file, m, "optOutRequested", "")),
                    requestedOn, requestedBy, requesterId, elevated, emergency, service,
                    asOf == null ? null : date(file, "asOf", asOf))
                    .withCurrentFields(manifestText(file, m, "cloud"), chosenStart, phase2Postponement(file, m, data));
        } catch (IllegalArgumentException e) {
            throw new InputException(file + ": " + e.getMessage());
        }
    }

    /** The keys tenant.json may hold (README, "The tenant folder"). */
    static final List<String> MANIFEST_KEYS = List.of("tenantId", "displayName", "testTenant", "license", "enforcement",
            "postponement", "optOutRequested", "emergencyAccessAccounts", "serviceAccounts", "asOf", "cloud", "phase2Postponement");

    /** An unknown key changes no verdict, but may be a misspelt one that should have: warn, with the nearest known key. */
    private static void warnUnknownKeys(JsonNode m, TenantData data) {
        Iterator<String> names = m.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (name.startsWith("$") || name.startsWith("_") || MANIFEST_KEYS.contains(name)) continue;
            String nearest = null;
            int best = Integer.MAX_VALUE;
            for (String known : MANIFEST_KEYS) {
                int d = distance(name.toLowerCase(Locale.ROOT), known.toLowerCase(Locale.ROOT));
                if (d < best) {
                    best = d;
                    nearest = known;
                }
            }
            data.warnings.add(MANIFEST + ": unknown key \"" + name + "\" is ignored"
                    + (best <= Math.max(2, name.length() / 3) ? "; did you mean \"" + nearest + "\"?" : ""));
        }
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    private static String manifestText(Path file, JsonNode node, String name) throws InputException {
        return manifestText(file, node, name, "");
    }

    /** A manifest field of the wrong type is an input error naming it, never a silent default. */
    private static String manifestText(Path file, JsonNode node, String name, String path) throws InputException {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) return null;
        if (!v.isTextual()) throw new InputException(file + ": " + path + name + " must be a string, found " + v);
        return v.textValue().isEmpty() ? null : v.textValue();
    }

    private static Boolean manifestBool(Path file, JsonNode node, String name, String path) throws InputException {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) return null;
        if (!v.isBoolean()) throw new InputException(file + ": " + path + name + " must be true or false, found " + v);
        return v.booleanValue();
    }

    private static JsonNode manifestObject(Path file, JsonNode node, String name) throws InputException {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) return null;
        if (!v.isObject()) throw new InputException(file + ": " + name + " must be an object, found " + v);
        return v;
    }

    private static Set<String> manifestStrings(Path file, JsonNode node, String name) throws InputException {
        JsonNode v = node.get(name);
        Set<String> out = new LinkedHashSet<>();
        if (v == null || v.isNull()) return out;
        if (!v.isArray()) throw new InputException(file + ": " + name + " must be an array of strings, found " + v);
        for (JsonNode e : v) {
            if (!e.isTextual()) throw new InputException(file + ": " + name + " must hold strings, found " + e);
            if (!e.textValue().isBlank()) out.add(e.textValue());
        }
        return out;
    }

    /** {@code phase2Postponement} {requestedOn, requestedBy, startDate}, read by editions that have a Phase 2 postponement. */
    private static Tenant.Phase2Postponement phase2Postponement(Path file, JsonNode m, TenantData data) throws InputException {
        JsonNode p2 = Json.field(m, "phase2Postponement");
        if (p2 == null || p2.isNull()) return null;
        if (!p2.isObject()) throw new InputException(file + ": phase2Postponement must be an object {requestedOn, requestedBy, startDate}");
        String on = Json.text(p2, "requestedOn");
        String by = Json.text(p2, "requestedBy");
        String start = Json.text(p2, "startDate");
        return new Tenant.Phase2Postponement(on == null ? null : date(file, "phase2Postponement.requestedOn", on), by,
                by == null ? null : resolveUser(by, data), start == null ? null : date(file, "phase2Postponement.startDate", start));
    }

    private static LocalDate date(Path file, String field, String text) throws InputException {
        try {
            return LocalDate.parse(text.trim().length() > 10 ? text.trim().substring(0, 10) : text.trim());
        } catch (DateTimeParseException e) {
            throw new InputException(file + ": " + field + " must be a date (yyyy-mm-dd), found \"" + text + "\"");
        }
    }

    private static String resolveUser(String upnOrId, TenantData data) {
        String key = upnOrId.toLowerCase(Locale.ROOT);
        for (DirectoryUser u : data.users.values()) {
            if (u.userPrincipalName() != null && u.userPrincipalName().equalsIgnoreCase(key)) return u.id();
        }
        return key;
    }

    private static Set<String> lowerSet(Set<String> values) {
        Set<String> out = new LinkedHashSet<>();
        for (String v : values) out.add(v.toLowerCase(Locale.ROOT));
        return out;
    }

    /**
     * Sign-in exports by name (see {@link SignInFiles}); each is read when evaluated, by content. The portal's
     * authentication-details downloads, told apart by their header, are read now: their steps join the sign-ins.
     */
    private static void readSignInFileNames(Path folder, TenantData data) throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(folder)) {
            for (Path p : ds) {
                if (SignInFiles.isSignInName(p.getFileName().toString())) files.add(p);
            }
        }
        files.sort(null);
        for (Path p : files) {
            if (InputFiles.problem(p) == null && Files.isRegularFile(p) && SignInFiles.isSupported(p.getFileName().toString()) && PortalAuthDetails.isDetailsFile(p)) {
                data.authDetailFiles.add(p);
            } else {
                data.signInFiles.add(p);
            }
        }
        if (!data.authDetailFiles.isEmpty()) {
            data.authDetails = new PortalAuthDetails();
            for (Path p : data.authDetailFiles) data.authDetails.read(p);
            data.rejected.addAll(data.authDetails.problems());
            data.authDetails.rowsPerFile().forEach((name, rows) -> data.filesRead.put(name, rows.intValue()));
        }
        if (data.signInFiles.isEmpty()) missing(data, SignInFiles.PATTERN);
    }

    /** Activity Log exports by name; each is read, by content, when evaluated. Absent is no error: editions decide. */
    private static void readActivityLogNames(Path folder, TenantData data) throws IOException {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(folder)) {
            for (Path p : ds) {
                if (io.github.mfaeval.load.format.ActivityLogFiles.isActivityLogName(p.getFileName().toString())) data.activityLogFiles.add(p);
            }
        }
        data.activityLogFiles.sort(null);
    }

    private static boolean present(Path folder, String name, TenantData data) {
        return present(folder, name, data, false);
    }

    /** {@code elsewhere}: the facts come from another file (ScubaGear) when this one is absent, so it is not missing. */
    private static boolean present(Path folder, String name, TenantData data, boolean elsewhere) {
        Path file = folder.resolve(name);
        if (InputFiles.exists(file)) {
            String problem = InputFiles.problem(file);
            if (problem == null) return true;
            data.rejected.add(new Rejection(name, "", problem));
        }
        if (!elsewhere) missing(data, name);
        return false;
    }

    private static void missing(TenantData data, String name) {
        data.missing.add(new MissingInput(name, EXPORTS.get(name)));
    }

    /** Each record of a list export, with rejections for records that fail. */
    private static void records(Path folder, String name, TenantData data, BiConsumer<JsonNode, String> each) throws IOException {
        int[] count = {0};
        try {
            JsonRecords.read(folder.resolve(name), (node, pos) -> {
                count[0]++;
                one(name, pos.toString(), node, data, each);
            }, (pos, reason) -> data.rejected.add(new Rejection(name, pos.toString(), reason)));
        } catch (java.nio.file.AccessDeniedException e) {
            data.rejected.add(new Rejection(name, "", "cannot be read: permission denied"));
        } catch (IOException e) {
            // a cut gzip stream, a read error: the records before it stand, the rest is refused
            data.rejected.add(new Rejection(name, "", "cannot be read: " + e.getMessage() + "; the rest of the file is not read"));
        }
        data.filesRead.put(name, count[0]);
    }

    /** The records of an array inside another file (a ScubaGear export), named "section[i]". */
    private static void records(ScubaGearExport scuba, String section, JsonNode array, TenantData data, BiConsumer<JsonNode, String> each) {
        int i = 0;
        for (JsonNode node : array) {
            one(scuba.name, section + "[" + i++ + "]", node, data, each);
        }
        data.filesRead.put(scuba.name + " " + section, i);
    }

    private static void one(String name, String where, JsonNode node, TenantData data, BiConsumer<JsonNode, String> each) {
        String cut = PowerShellDump.cutAt(node);
        if (cut != null) {
            data.rejected.add(new Rejection(name, where, PowerShellDump.problem(cut, node)));
            return;
        }
        try {
            each.accept(node, where);
        } catch (IllegalArgumentException e) {
            data.rejected.add(new Rejection(name, where, e.getMessage()));
        }
    }

    /** A required string field: a number or an object there is a wrong type, not an id. */
    private static String requiredText(JsonNode node, String field) {
        String v = StrictFields.text(node, "", field);
        if (v == null) throw new IllegalArgumentException("missing required field " + field);
        return v;
    }

    private static String required(JsonNode node, String field) {
        String v = Json.text(node, field);
        if (v == null) throw new IllegalArgumentException("missing required field " + field);
        return v;
    }

    private static void readUsers(Path folder, TenantData data) throws IOException {
        if (!present(folder, "users.json", data)) return;
        records(folder, "users.json", data, (u, pos) -> {
            String id = required(u, "id").toLowerCase(Locale.ROOT);
            String type = StrictFields.text(u, "", "userType");
            String upn = StrictFields.text(u, "", "userPrincipalName");
            StrictFields.text(u, "", "mail");
            boolean guest = "guest".equalsIgnoreCase(type) || (upn != null && upn.contains("#EXT#"));
            data.users.put(id, new DirectoryUser(id, upn, Json.text(u, "mail"), type, guest, ExternalUserType.of(u, type, upn)));
        });
    }

    private static void readRegistrations(Path folder, TenantData data) throws IOException {
        if (!present(folder, "userRegistrationDetails.json", data)) return;
        records(folder, "userRegistrationDetails.json", data, (r, pos) -> {
            String id = required(r, "id").toLowerCase(Locale.ROOT);
            Boolean capable = Json.bool(r, "isMfaCapable");
            if (capable == null) capable = Json.bool(r, "isMfaRegistered");
            data.registrations.put(id, new Registration(capable, lowerSet(StrictFields.strings(r, "", "methodsRegistered"))));
        });
    }

    private static void readPerUserMfa(Path folder, TenantData data) throws IOException {
        if (!present(folder, "perUserMfa.json", data)) return;
        records(folder, "perUserMfa.json", data, (r, pos) ->
        {
            String state = StrictFields.oneOf(r, "", "perUserMfaState", PER_USER_MFA_STATES);
            if (state == null) throw new IllegalArgumentException("missing required field perUserMfaState");
            data.perUserMfa.put(required(r, "userId").toLowerCase(Locale.ROOT), state);
        });
    }

    private static void readRoleAssignments(Path folder, TenantData data, ScubaGearExport scuba) throws IOException {
        JsonNode roles = scuba == null ? null : scuba.privilegedRoles();
        if (present(folder, "roleAssignments.json", data, roles != null)) {
            records(folder, "roleAssignments.json", data, (r, pos) ->
                    data.roleAssignments.add(new RoleAssignment(requiredText(r, "principalId"), requiredText(r, "roleDefinitionId"))));
        } else if (roles != null) {
            // only the privileged roles: enough for Global Administrators; a policy scoped to another role sees
            // nobody in it, which errs towards "not covered", never towards "ready"
            records(scuba, "privileged_roles", roles, data, (role, pos) -> {
                String template = Json.text(role, "RoleTemplateId");
                JsonNode assignments = Json.array(role, "Assignments");
                if (assignments == null) return;
                for (JsonNode a : assignments) {
                    String roleId = Json.text(a, "RoleDefinitionId");
                    data.roleAssignments.add(new RoleAssignment(required(a, "PrincipalId"),
                            roleId != null ? roleId : Objects.requireNonNullElse(template, "")));
                }
            });
        }
    }

    private static void readGroupMembers(Path folder, TenantData data) throws IOException {
        Path file = folder.resolve("groupMembers.json");
        String problem = InputFiles.problem(file);
        if (problem != null) data.rejected.add(new Rejection("groupMembers.json", "", problem));
        if (problem != null || !Files.isRegularFile(file)) {
            if (data.caPolicies.stream().anyMatch(CaPolicyRecord::usesGroups)) missing(data, "groupMembers.json");
            return;
        }
        JsonNode groups;
        try {
            groups = JsonRecords.readTree(file);
        } catch (IOException e) {
            data.rejected.add(new Rejection("groupMembers.json", "", "malformed JSON: " + JsonSyntax.describe(e)));
            return;
        }
        if (groups == null || !groups.isObject()) {
            data.rejected.add(new Rejection("groupMembers.json", "", "expected an object {groupId: [userId, …]}"));
            return;
        }
        int count = 0;
        Iterator<Map.Entry<String, JsonNode>> it = groups.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            count++;
            if (!e.getValue().isArray()) {
                data.rejected.add(new Rejection("groupMembers.json", "group " + e.getKey(), "members must be an array of user ids"));
                continue;
            }
            data.knownGroups.add(e.getKey().toLowerCase(Locale.ROOT));
            for (JsonNode member : e.getValue()) {
                data.groupsOfUser.computeIfAbsent(member.asText().toLowerCase(Locale.ROOT), k -> new HashSet<>())
                        .add(e.getKey().toLowerCase(Locale.ROOT));
            }
        }
        data.filesRead.put("groupMembers.json", count);
    }

    private static void readConditionalAccess(Path folder, TenantData data, ScubaGearExport scuba) throws IOException {
        JsonNode policies = scuba == null ? null : scuba.conditionalAccessPolicies();
        if (present(folder, "conditionalAccessPolicies.json", data, policies != null)) {
            records(folder, "conditionalAccessPolicies.json", data, (p, pos) -> data.caPolicies.add(caPolicy(p)));
        } else if (policies != null) {
            records(scuba, "conditional_access_policies", policies, data, (p, pos) -> data.caPolicies.add(caPolicy(p)));
        }
    }

    private static final Set<String> PER_USER_MFA_STATES = Set.of("disabled", "enabled", "enforced");
    private static final Set<String> IDP_MFA_BEHAVIOURS = Set.of("acceptifmfadonebyfederatedidp", "enforcemfabyfederatedidp",
            "rejectmfabyfederatedidp");
    private static final Set<String> POLICY_STATES = Set.of("enabled", "disabled", "enabledforreportingbutnotenforced");
    private static final Set<String> GRANT_OPERATORS = Set.of("and", "or");

    /**
     * A policy as read. The fields its coverage depends on are read strictly (see {@link StrictFields}): a wrong
     * type or an unknown enum value rejects the policy, and the report is then INCOMPLETE.
     */
    static CaPolicyRecord caPolicy(JsonNode p) {
        String id = required(p, "id");
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

    private static void readSecurityDefaults(Path folder, TenantData data) throws IOException {
        if (!present(folder, "securityDefaults.json", data)) return;
        JsonNode node = readConfigObject(folder, "securityDefaults.json", data);
        if (node == null) return;
        try {
            Boolean enabled = Json.bool(node, "isEnabled");
            if (enabled == null) {
                data.rejected.add(new Rejection("securityDefaults.json", "", "missing required field isEnabled"));
                return;
            }
            data.securityDefaults = new SecurityDefaults(enabled);
            data.filesRead.put("securityDefaults.json", 1);
        } catch (IllegalArgumentException e) {
            data.rejected.add(new Rejection("securityDefaults.json", "", e.getMessage()));
        }
    }

    private static JsonNode readConfigObject(Path folder, String name, TenantData data) {
        try {
            JsonNode node = JsonRecords.readTree(folder.resolve(name));
            if (node == null || !node.isObject()) {
                data.rejected.add(new Rejection(name, "", "expected a JSON object"));
                return null;
            }
            return node;
        } catch (IOException e) {
            data.rejected.add(new Rejection(name, "", "malformed JSON: " + JsonSyntax.describe(e)));
            return null;
        }
    }

    private static void readDomains(Path folder, TenantData data) throws IOException {
        if (!present(folder, "domains.json", data)) return;
        Map<String, String> configured = new java.util.LinkedHashMap<>();
        List<String> unconfigured = new ArrayList<>();
        records(folder, "domains.json", data, (d, pos) -> {
            String name = required(d, "id");
            JsonNode fedField = Json.field(d, "federationConfiguration");
            if (fedField != null && !fedField.isNull() && !fedField.isArray()) {
                throw new IllegalArgumentException("field federationConfiguration must be an array, found " + fedField);
            }
            JsonNode fed = Json.array(d, "federationConfiguration");
            String type = StrictFields.oneOf(d, "", "authenticationType", Set.of("managed", "federated"));
            if (fed != null && !fed.isEmpty()) {
                if (!fed.get(0).isObject()) throw new IllegalArgumentException("field federationConfiguration[0] must be an object, found " + fed.get(0));
                configured.put(name.toLowerCase(Locale.ROOT),
                        StrictFields.oneOf(fed.get(0), "federationConfiguration[0].", "federatedIdpMfaBehavior", IDP_MFA_BEHAVIOURS));
            } else if ("federated".equalsIgnoreCase(type)) {
                unconfigured.add(name.toLowerCase(Locale.ROOT));
            }
        });
        configured.forEach((name, behaviour) -> data.federatedDomains.add(new FederatedDomain(name, behaviour)));
        // (decision) A federated subdomain without a configuration of its own uses its nearest parent's.
        for (String name : unconfigured) {
            String behaviour = null;
            for (String parent = parentOf(name); parent != null; parent = parentOf(parent)) {
                if (configured.containsKey(parent)) {
                    behaviour = configured.get(parent);
                    break;
                }
            }
            data.federatedDomains.add(new FederatedDomain(name, behaviour));
        }
    }

    private static String parentOf(String domain) {
        int dot = domain.indexOf('.');
        return dot < 0 || domain.indexOf('.', dot + 1) < 0 ? null : domain.substring(dot + 1);
    }

    private static void readCrossTenant(Path folder, TenantData data) {
        if (!present(folder, "crossTenantAccessPolicy.json", data)) return;
        JsonNode node = readConfigObject(folder, "crossTenantAccessPolicy.json", data);
        if (node == null) return;
        try {
            JsonNode def = Json.field(node, "default");
            Boolean accepted = def == null ? null : Json.bool(Json.field(def, "inboundTrust"), "isMfaAccepted");
            data.crossTenantDefault = new CrossTenantDefault(Boolean.TRUE.equals(accepted));
            JsonNode partners = Json.field(node, "partners");
            if (partners != null && partners.has("value")) partners = partners.get("value");
            int count = 1;
            if (partners != null && partners.isArray()) {
                int index = 0;
                for (JsonNode p : partners) {
                    index++;
                    String tenantId = Json.text(p, "tenantId");
                    if (tenantId == null) {
                        data.rejected.add(new Rejection("crossTenantAccessPolicy.json", "partner " + index, "missing required field tenantId"));
                        continue;
                    }
                    JsonNode trust = Json.field(p, "inboundTrust");
                    data.crossTenantPartners.add(new CrossTenantPartner(tenantId, trust == null || trust.isNull() ? null : Json.bool(trust, "isMfaAccepted")));
                    count++;
                }
            }
            data.filesRead.put("crossTenantAccessPolicy.json", count);
        } catch (IllegalArgumentException e) {
            data.rejected.add(new Rejection("crossTenantAccessPolicy.json", "", e.getMessage()));
        }
    }

    /** collection.json, written by collect: shown in the report's inputs; not an export, so never "missing". */
    private static void readCollection(Path folder, TenantData data) {
        Path file = folder.resolve(CollectionInfo.FILE);
        if (!Files.isRegularFile(file)) return;
        JsonNode node = readConfigObject(folder, CollectionInfo.FILE, data);
        if (node != null) data.collection = CollectionInfo.of(node);
    }

    private static void readAuthenticationMethods(Path folder, TenantData data, ScubaGearExport scuba) {
        JsonNode fromScuba = scuba == null ? null : scuba.authenticationMethodConfigurations();
        if (!present(folder, "authenticationMethodsPolicy.json", data, fromScuba != null)) {
            if (fromScuba != null) {
                records(scuba, "authentication_method_feature_settings", fromScuba, data, (c, pos) -> authenticationMethod(c, data));
            }
            return;
        }
        JsonNode node = readConfigObject(folder, "authenticationMethodsPolicy.json", data);
        if (node == null) return;
        JsonNode configs = Json.array(node, "authenticationMethodConfigurations");
        int count = 0;
        if (configs != null) {
            for (JsonNode c : configs) {
                one("authenticationMethodsPolicy.json", "authenticationMethodConfigurations[" + count++ + "]", c, data,
                        (n, pos) -> authenticationMethod(n, data));
            }
        }
        data.filesRead.put("authenticationMethodsPolicy.json", count);
    }

    private static void authenticationMethod(JsonNode c, TenantData data) {
        String type = Json.text(c, "@odata.type");
        if (type != null && type.toLowerCase(Locale.ROOT).contains("externalauthenticationmethodconfiguration")) {
            data.externalMethods.add(new ExternalAuthMethod(Json.text(c, "id"), Json.text(c, "displayName"),
                    "enabled".equalsIgnoreCase(Json.text(c, "state"))));
        }
    }
}
