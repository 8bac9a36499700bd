package io.github.mfaeval.load;

import io.github.mfaeval.model.DirectoryUser;
import io.github.mfaeval.load.text.InputFiles;
import io.github.mfaeval.load.text.Json;
import io.github.mfaeval.load.text.JsonRecords;
import io.github.mfaeval.load.text.JsonSyntax;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.mfaeval.model.NotifiedStart;
import io.github.mfaeval.model.Tenant;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * tenant.json, the manifest every tenant folder needs: the tenant, its licence, notified dates, postponement and
 * accounts. Read last (it names the postponement's requester by principal name, resolved among the users read).
 * A problem with it is kept in {@link TenantData#manifestProblem}, so that {@code inspect} still shows the rest.
 */
final class ManifestReader {
    private static final Pattern PHASE_KEY = Pattern.compile("phase(\\d+)", Pattern.CASE_INSENSITIVE);
    private static final Set<String> LICENSES = Set.of("free", "p1", "p2");
    /**
     * The clouds tenant.json may name, in any case, each under the name reports give it: ours, Azure's (as
     * {@code az cloud list} prints them) and Microsoft Graph's national cloud names. Anything else is refused: read
     * as "not public" it would switch enforcement off (fail closed), read as public it would hide a typo.
     */
    private static final Map<String, String> CLOUDS = Map.ofEntries(
            Map.entry("public", "public"), Map.entry("azurecloud", "public"), Map.entry("global", "public"),
            Map.entry("usgov", "usgov"), Map.entry("azureusgovernment", "usgov"), Map.entry("usgovl4", "usgov"),
            Map.entry("usgovdod", "usgovdod"), Map.entry("dod", "usgovdod"), Map.entry("usgovl5", "usgovdod"),
            Map.entry("china", "china"), Map.entry("azurechinacloud", "china"));

    private ManifestReader() {
    }

    static void read(FolderReading f, Export export) {
        TenantData data = f.data;
        Path manifest = f.folder.resolve(export.name());
        if (!InputFiles.exists(manifest)) {
            data.manifestProblem = new InputException(manifest + ": missing; every tenant folder needs a tenant.json manifest (see README)");
            return;
        }
        String notReadable = InputFiles.problem(manifest);
        if (notReadable != null) {
            data.manifestProblem = new InputException(manifest + ": " + notReadable);
            return;
        }
        try {
            data.tenant = readManifest(manifest, data);
        } catch (InputException e) {
            data.manifestProblem = e;
        }
    }

    private static Tenant readManifest(Path file, TenantData data) throws InputException {
        JsonNode m;
        try {
            m = JsonRecords.readTree(file);
        } catch (io.github.mfaeval.load.text.JsonRecords.NotJson e) {
            throw new InputException(file + ": " + e.getMessage());
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
            Set<String> emergency = FolderReading.lowerSet(manifestStrings(file, m, "emergencyAccessAccounts"));
            Set<String> service = FolderReading.lowerSet(manifestStrings(file, m, "serviceAccounts"));
            String displayName = manifestText(file, m, "displayName");
            String asOf = manifestText(file, m, "asOf");
            return new Tenant(tenantId, displayName == null ? tenantId : displayName,
                    Boolean.TRUE.equals(manifestBool(file, m, "testTenant", "")), license,
                    Boolean.TRUE.equals(manifestBool(file, m, "optOutRequested", "")),
                    requestedOn, requestedBy, requesterId, elevated, emergency, service,
                    asOf == null ? null : date(file, "asOf", asOf))
                    .withCurrentFields(cloud(file, manifestText(file, m, "cloud")), chosenStart, phase2Postponement(file, m, data));
        } catch (IllegalArgumentException e) {
            throw new InputException(file + ": " + e.getMessage());
        }
    }

    /** The cloud tenant.json names, as reports name it; null when it names none (the public cloud). */
    private static String cloud(Path file, String cloud) throws InputException {
        if (cloud == null || cloud.isBlank()) return null;
        String known = CLOUDS.get(cloud.trim().toLowerCase(Locale.ROOT));
        if (known == null) {
            throw new InputException(file + ": cloud must be public (AzureCloud, Global), usgov (AzureUSGovernment), "
                    + "usgovdod (DoD) or china (AzureChinaCloud), found \"" + cloud + "\"");
        }
        return known;
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
            data.warnings.add(TenantLoader.MANIFEST + ": unknown key \"" + name + "\" is ignored"
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

}
