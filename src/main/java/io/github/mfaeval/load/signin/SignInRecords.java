package io.github.mfaeval.load.signin;

import io.github.mfaeval.load.text.JsonStream;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.mfaeval.load.text.Json;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Brings a JSON sign-in record of any dialect into Graph beta shape: Azure Monitor diagnostic records are
 * unwrapped from their {@code properties} envelope, Log Analytics rows get their sign-in type from the table they
 * were exported from and their error code from {@code ResultType}. PowerShell dumps and Graph records need
 * nothing here: {@link io.github.mfaeval.load.signin.SignInMapper} reads names in any case and dates in any form.
 */
final class SignInRecords {
    /** Log Analytics tables and diagnostic categories, and the signInEventTypes member each holds. */
    private static final Map<String, String> TABLES = Map.of(
            "signinlogs", "interactiveUser",
            "aadnoninteractiveusersigninlogs", "nonInteractiveUser",
            "noninteractiveusersigninlogs", "nonInteractiveUser",
            "aadserviceprincipalsigninlogs", "servicePrincipal",
            "serviceprincipalsigninlogs", "servicePrincipal",
            "microsoftserviceprincipalsigninlogs", "servicePrincipal",
            "aadmanagedidentitysigninlogs", "managedIdentity",
            "managedidentitysigninlogs", "managedIdentity");

    /**
     * A record in Graph shape, what to call its fields in messages, the dialect it was written in, and the tenant
     * whose log held it (null when the format does not say: only an Azure Monitor envelope's {@code tenantId} and
     * a Log Analytics row's {@code AADTenantId} do; Graph records carry the sign-in's home and resource tenants,
     * which are not the same thing for a B2B sign-in).
     */
    record Normalised(JsonNode node, Map<String, String> labels, String dialect, String logTenantId) {
        Normalised(JsonNode node, Map<String, String> labels, String dialect) {
            this(node, labels, dialect, null);
        }
    }

    private SignInRecords() {
    }

    /**
     * The signInEventTypes member a file name implies (the portal names its downloads InteractiveSignIns_…,
     * NonInteractiveSignIns_…, ApplicationSignIns_…, MSISignIns_…; Log Analytics exports are often named after
     * their table), or null.
     */
    static String eventTypeOfName(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        if (n.contains("noninteractive")) return "nonInteractiveUser";
        if (n.contains("managedidentit") || n.startsWith("msisignin")) return "managedIdentity";
        if (n.contains("serviceprincipal") || n.contains("applicationsignin")) return "servicePrincipal";
        if (n.contains("interactive")) return "interactiveUser";
        return null;
    }

    static Normalised normalise(JsonNode raw, String hint) {
        if (raw == null || !raw.isObject()) return new Normalised(raw, Map.of(), null);
        ObjectNode r = (ObjectNode) raw;
        if (Json.field(r, "properties") != null && (Json.field(r, "category") != null || Json.field(r, "operationName") != null)) {
            return azureMonitor(r, hint);
        }
        String table = table(r);
        if (table != null || Json.field(r, "TimeGenerated") != null || Json.field(r, "ResultType") != null
                || Json.field(r, "ResourceIdentity") != null) {
            return logAnalytics(r, table, hint, new HashMap<>());
        }
        applyHint(r, hint);
        String first = r.fieldNames().hasNext() ? r.fieldNames().next() : "";
        boolean pascal = !first.isEmpty() && Character.isUpperCase(first.charAt(0));
        return new Normalised(r, Map.of(), pascal ? "PowerShell SDK (PascalCase)" : "Graph");
    }

    /** A Log Analytics row, from a JSON export or a CSV export's row (the CSV reader supplies the labels). */
    static Normalised logAnalytics(ObjectNode r, String table, String hint, Map<String, String> labels) {
        if (table == null) table = table(r);
        String eventType = table == null ? hint : TABLES.getOrDefault(table.toLowerCase(Locale.ROOT), hint);
        if (Json.field(r, "createdDateTime") == null && Json.field(r, "TimeGenerated") != null) {
            r.set("createdDateTime", Json.field(r, "TimeGenerated"));
            labels.putIfAbsent("createdDateTime", labels.getOrDefault("timeGenerated", "TimeGenerated"));
        }
        if (eventType != null && absent(r, "signInEventTypes")) r.putArray("signInEventTypes").add(eventType);
        resultTypeAsErrorCode(r, "ResultType", labels);
        // TenantId is the Log Analytics workspace's id; the Entra tenant whose log it is is AADTenantId
        return new Normalised(r, labels, "Log Analytics" + (table == null ? "" : " (" + table + ")"),
                Json.text(r, "AADTenantId"));
    }

    private static Normalised azureMonitor(ObjectNode envelope, String hint) {
        JsonNode p = Json.field(envelope, "properties");
        if (p.isTextual()) {
            try {
                p = JsonStream.MAPPER.readTree(p.textValue());
            } catch (JsonProcessingException e) {
                // left as text: the mapper refuses it as "not a JSON object"
            }
        }
        String category = Json.text(envelope, "category");
        String dialect = "Azure Monitor diagnostic record" + (category == null ? "" : " (" + category + ")");
        String logTenant = Json.text(envelope, "tenantId");
        if (!p.isObject()) return new Normalised(p, Map.of(), dialect, logTenant);
        ObjectNode props = (ObjectNode) p;
        Map<String, String> labels = new HashMap<>();
        for (String f : List.of("id", "createdDateTime", "appId", "userId", "userType", "status", "authenticationDetails",
                "authenticationRequirementPolicies", "signInEventTypes", "authenticationRequirement", "isInteractive")) {
            String key = Json.key(props, f);
            if (key != null) labels.put(f, "properties." + key);
        }
        if (absent(props, "createdDateTime") && Json.field(envelope, "time") != null) {
            props.set("createdDateTime", Json.field(envelope, "time"));
            labels.put("createdDateTime", "time");
        }
        String eventType = eventTypeOf(category, hint);
        if (eventType != null && absent(props, "signInEventTypes")) props.putArray("signInEventTypes").add(eventType);
        if (Json.field(envelope, "resultType") != null && absent(props, "status")) {
            props.putObject("status").set("errorCode", Json.field(envelope, "resultType"));
            labels.put("status.errorCode", "resultType");
        }
        return new Normalised(props, labels, dialect, logTenant);
    }

    /** The signInEventTypes member a diagnostic record's category implies, else the file name's ({@code hint}). */
    static String eventTypeOf(String category, String hint) {
        return category == null ? hint : TABLES.getOrDefault(category.toLowerCase(Locale.ROOT), hint);
    }

    private static String table(JsonNode r) {
        for (String f : List.of("Type", "Category")) {
            String t = Json.text(r, f);
            if (t != null && TABLES.containsKey(t.toLowerCase(Locale.ROOT))) return t;
        }
        return null;
    }

    private static boolean absent(JsonNode r, String field) {
        JsonNode v = Json.field(r, field);
        return v == null || v.isNull() || (v.isTextual() && v.textValue().isBlank())
                || (v.isArray() && v.isEmpty());
    }

    private static void applyHint(ObjectNode r, String hint) {
        if (hint != null && absent(r, "signInEventTypes") && absent(r, "isInteractive")) {
            r.putArray("signInEventTypes").add(hint);
        }
    }

    /** Log Analytics keeps the error code in ResultType; Status may lack it or be missing. */
    private static void resultTypeAsErrorCode(ObjectNode r, String field, Map<String, String> labels) {
        JsonNode code = Json.field(r, field);
        if (code == null || code.isNull() || (code.isTextual() && code.textValue().isBlank())) return;
        String statusKey = Json.key(r, "status");
        JsonNode status = statusKey == null ? null : r.get(statusKey);
        if (status != null && status.isTextual() && status.textValue().trim().startsWith("{")) {
            try {
                status = JsonStream.MAPPER.readTree(status.textValue());
                r.set(statusKey, status);
            } catch (JsonProcessingException e) {
                return; // the mapper refuses Status as invalid JSON
            }
        }
        if (status == null || status.isNull() || (status.isTextual() && status.textValue().isBlank())) {
            if (statusKey != null) r.remove(statusKey);
            status = r.putObject("status");
        }
        if (status.isObject() && absent(status, "errorCode")) {
            ((ObjectNode) status).set("errorCode", code);
            labels.put("status.errorCode", labels.getOrDefault("resultType", field));
        }
    }
}
