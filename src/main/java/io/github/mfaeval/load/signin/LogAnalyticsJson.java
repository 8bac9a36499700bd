package io.github.mfaeval.load.signin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.mfaeval.load.text.Json;
import io.github.mfaeval.load.text.JsonStream;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Log Analytics rows of the sign-in tables, as a JSON export gives them (a row of a query result's {@code tables} is
 * expanded to such a record by the container reader): they get their sign-in type from the table they were exported
 * from, createdDateTime from TimeGenerated, and their error code from {@code ResultType}. The rows of a CSV export
 * ({@link LogAnalyticsCsv}) go the same way.
 */
final class LogAnalyticsJson implements SignInFormat {
    static final LogAnalyticsJson FORMAT = new LogAnalyticsJson();

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

    private LogAnalyticsJson() {
    }

    @Override
    public String name() {
        return "Log Analytics";
    }

    @Override
    public boolean claimsRecord(ObjectNode r) {
        return table(r) != null || Json.field(r, "TimeGenerated") != null || Json.field(r, "ResultType") != null
                || Json.field(r, "ResourceIdentity") != null;
    }

    @Override
    public GraphRecord graphShape(ObjectNode record, String hint) {
        return graphShape(record, null, hint, new HashMap<>(), this);
    }


    /** A Log Analytics row, from a JSON export or a CSV export's row (the CSV reader supplies the labels, and is the {@code format}). */
    static GraphRecord graphShape(ObjectNode r, String table, String hint, Map<String, String> labels, SignInFormat format) {
        if (table == null) table = table(r);
        String eventType = eventTypeOfTable(table, hint);
        if (Json.field(r, "createdDateTime") == null && Json.field(r, "TimeGenerated") != null) {
            r.set("createdDateTime", Json.field(r, "TimeGenerated"));
            labels.putIfAbsent("createdDateTime", labels.getOrDefault("timeGenerated", "TimeGenerated"));
        }
        if (eventType != null && SignInFormats.absent(r, "signInEventTypes")) r.putArray("signInEventTypes").add(eventType);
        resultTypeAsErrorCode(r, "ResultType", labels);
        // TenantId is the Log Analytics workspace's id; the Entra tenant whose log it is is AADTenantId
        return new GraphRecord(r, labels, FORMAT.name() + (table == null ? "" : " (" + table + ")"),
                Json.text(r, "AADTenantId"), format);
    }

    /** The signInEventTypes member a table (or diagnostic category) holds, else {@code hint}. */
    static String eventTypeOfTable(String table, String hint) {
        return table == null ? hint : TABLES.getOrDefault(table.toLowerCase(Locale.ROOT), hint);
    }

    private static String table(JsonNode r) {
        for (String f : List.of("Type", "Category")) {
            String t = Json.text(r, f);
            if (t != null && TABLES.containsKey(t.toLowerCase(Locale.ROOT))) return t;
        }
        return null;
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
        if (status.isObject() && SignInFormats.absent(status, "errorCode")) {
            ((ObjectNode) status).set("errorCode", code);
            labels.put("status.errorCode", labels.getOrDefault("resultType", field));
        }
    }
}
