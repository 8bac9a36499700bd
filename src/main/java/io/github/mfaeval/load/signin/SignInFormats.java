package io.github.mfaeval.load.signin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.mfaeval.load.text.Json;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The export dialects of sign-ins, asked in a fixed order: the first that claims a CSV header or a JSON record reads
 * it. CSV: the admin center's download, then PascalCase columns (Log Analytics, PowerShell's Export-Csv); a header of
 * the admin center's authentication details is no sign-in dialect ({@link PortalAuthDetails}, asked before these).
 * JSON: an Azure Monitor envelope, then a Log Analytics row, then a PowerShell dump (PascalCase names), and any other
 * object as Graph.
 */
final class SignInFormats {
    static final List<SignInFormat> ORDER = List.of(PortalCsv.FORMAT, LogAnalyticsCsv.FORMAT,
            AzureMonitor.FORMAT, LogAnalyticsJson.FORMAT, PowerShellDump.FORMAT, GraphJson.FORMAT);

    private SignInFormats() {
    }

    /** The format of a CSV file with this header, or null when no sign-in dialect claims it. */
    static SignInFormat forHeader(String[] header) {
        for (SignInFormat f : ORDER) {
            if (f.claimsHeader(header)) return f;
        }
        return null;
    }

    /** The format of a JSON object: Graph when no other dialect claims it. */
    static SignInFormat forRecord(ObjectNode record) {
        for (SignInFormat f : ORDER) {
            if (f.claimsRecord(record)) return f;
        }
        return GraphJson.FORMAT;
    }

    /** A JSON record of any dialect in Graph shape; what is not an object is left to the tree mapper, which refuses it. */
    static GraphRecord graphShape(JsonNode raw, String hint) {
        if (raw == null || !raw.isObject()) return new GraphRecord(raw, Map.of(), null, GraphJson.FORMAT);
        ObjectNode r = (ObjectNode) raw;
        return forRecord(r).graphShape(r, hint);
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

    /** Absent, null, blank text or an empty list: what the record does not say. */
    static boolean absent(JsonNode r, String field) {
        JsonNode v = Json.field(r, field);
        return v == null || v.isNull() || (v.isTextual() && v.textValue().isBlank())
                || (v.isArray() && v.isEmpty());
    }
}
