package io.github.mfaeval.collect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code collect --tenants FILE}: the tenants to collect, in YAML or JSON, with the sign-in to use for each
 * (a service provider's one multi-tenant app consented in every customer tenant goes in {@code defaults}):
 * <pre>
 * defaults: {auth: certificate, clientId: 0b7e…, certificate: /etc/mfa-eval/collector.pfx}
 * tenants:
 *   - tenant: contoso.onmicrosoft.com        # id or domain
 *     folder: contoso                        # default: the tenant as written
 *   - tenant: 9a1c…
 *     auth: secret
 *     secretVariable: FABRIKAM_SECRET        # secrets only ever come from the environment
 * </pre>
 */
public final class TenantList {
    public record Entry(String tenant, String folder, AuthSpec auth, Integer days) {
    }

    private static final Set<String> FIELDS = Set.of("tenant", "folder", "auth", "clientId", "certificate",
            "certificatePasswordVariable", "secretVariable", "graphTokenVariable", "armTokenVariable", "days");
    private static final Set<String> SECRETS = Set.of("secret", "clientsecret", "password", "certificatepassword", "token");
    private static final Pattern FOLDER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private TenantList() {
    }

    public static List<Entry> read(Path file) throws CollectException {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        } catch (IOException e) {
            throw new CollectException(file + ": not valid YAML or JSON: " + e.getMessage().split("\n")[0]);
        }
        if (root == null || !root.isObject() || !root.path("tenants").isArray()) {
            throw new CollectException(file + ": expected an object with a \"tenants\" list (see README, collect)");
        }
        JsonNode defaults = root.path("defaults");
        check(file, "defaults", defaults);
        List<Entry> out = new ArrayList<>();
        Set<String> folders = new HashSet<>();
        int i = 0;
        for (JsonNode t : root.path("tenants")) {
            i++;
            String where = "tenants[" + i + "]";
            if (t.isTextual()) t = new ObjectMapper().createObjectNode().put("tenant", t.asText());
            check(file, where, t);
            String tenant = text(t, defaults, "tenant");
            if (tenant == null || tenant.isBlank()) throw new CollectException(file + ": " + where + ": missing \"tenant\" (a tenant id or domain)");
            String folder = t.hasNonNull("folder") ? t.get("folder").asText() : tenant;
            if (!FOLDER.matcher(folder).matches()) {
                throw new CollectException(file + ": " + where + ": folder \"" + folder + "\" must be a plain folder name (letters, digits, . _ -)");
            }
            if (!folders.add(folder.toLowerCase(Locale.ROOT))) {
                throw new CollectException(file + ": " + where + ": folder \"" + folder + "\" is used by an earlier tenant");
            }
            AuthKind kind;
            try {
                String k = text(t, defaults, "auth");
                kind = k == null ? AuthKind.certificate : AuthKind.parse(k);
            } catch (IllegalArgumentException e) {
                throw new CollectException(file + ": " + where + ": " + e.getMessage());
            }
            String cert = text(t, defaults, "certificate");
            Path certificate = cert == null ? null : file.toAbsolutePath().getParent().resolve(cert);
            AuthSpec spec = new AuthSpec(kind, text(t, defaults, "clientId"), certificate, text(t, defaults, "certificatePasswordVariable"),
                    text(t, defaults, "secretVariable"), text(t, defaults, "graphTokenVariable"), text(t, defaults, "armTokenVariable"));
            String problem = spec.problem();
            if (problem != null) throw new CollectException(file + ": " + where + " (" + tenant + "): " + problem.replace("--", ""));
            String days = text(t, defaults, "days");
            Integer d = null;
            if (days != null) {
                try {
                    d = Integer.parseInt(days);
                    if (d < 1) throw new NumberFormatException();
                } catch (NumberFormatException e) {
                    throw new CollectException(file + ": " + where + ": days must be a whole number of days, at least 1, found \"" + days + "\"");
                }
            }
            out.add(new Entry(tenant.trim(), folder, spec, d));
        }
        if (out.isEmpty()) throw new CollectException(file + ": the tenants list is empty");
        return out;
    }

    private static void check(Path file, String where, JsonNode node) throws CollectException {
        if (node.isMissingNode() || node.isNull()) return;
        if (!node.isObject()) throw new CollectException(file + ": " + where + ": expected an object");
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            String name = it.next().getKey();
            if (SECRETS.contains(name.toLowerCase(Locale.ROOT))) {
                throw new CollectException(file + ": " + where + ": \"" + name + "\": secrets are never written in the tenant list; "
                        + "put the value in an environment variable and name it (secretVariable, certificatePasswordVariable)");
            }
            if (!FIELDS.contains(name)) {
                throw new CollectException(file + ": " + where + ": unknown field \"" + name + "\" (known: " + String.join(", ", FIELDS.stream().sorted().toList()) + ")");
            }
        }
    }

    private static String text(JsonNode t, JsonNode defaults, String field) {
        if (t.hasNonNull(field)) return t.get(field).asText();
        if (defaults.hasNonNull(field) && !field.equals("tenant")) return defaults.get(field).asText();
        return null;
    }
}
