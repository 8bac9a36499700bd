package io.github.mfaeval.load.signin;

import io.github.mfaeval.load.text.JsonStream;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Entra admin center's CSV download of sign-ins (interactive, non-interactive, application, managed
 * identity). Its English display headers are matched after trimming and collapsing spaces, so "Application ID "
 * and "Autonomous system  number" are found; a column that appears twice ("Incoming token type") gives its first
 * non-empty value. Display text such as "Single-factor authentication" or "Primary Refresh Token" becomes the
 * Graph member. Localized headers are not recognised (see docs/formats.md).
 */
final class PortalCsv implements SignInFormat {
    static final PortalCsv FORMAT = new PortalCsv();

    /** Header (normalised) -> Graph path; null for a known column that no fact needs. */
    private static final Map<String, String> COLUMNS = new LinkedHashMap<>();

    static {
        column("Date (UTC)", "createdDateTime");
        column("Date", "createdDateTime");
        column("Request ID", "id");
        column("User ID", "userId");
        column("User", "userDisplayName");
        column("Username", "userPrincipalName");
        column("User type", "userType");
        column("Cross tenant access type", "crossTenantAccessType");
        column("Incoming token type", "incomingTokenType");
        column("Authentication Protocol", "authenticationProtocol");
        column("Unique token identifier", "uniqueTokenIdentifier");
        column("Original transfer method", "originalTransferMethod");
        column("Client credential type", "clientCredentialType");
        column("Application", "appDisplayName");
        column("Application ID", "appId");
        column("Resource", "resourceDisplayName");
        column("Resource ID", "resourceId");
        column("Resource tenant ID", "resourceTenantId");
        column("Home tenant ID", "homeTenantId");
        column("Home tenant name", "homeTenantName");
        column("IP address", "ipAddress");
        column("Status", "status.text");
        column("Sign-in error code", "status.errorCode");
        column("Failure reason", "status.failureReason");
        column("Client app", "clientAppUsed");
        column("Multifactor authentication result", "status.additionalDetails");
        column("Multifactor authentication auth method", "mfaDetail.authMethod");
        column("Multifactor authentication auth detail", "mfaDetail.authDetail");
        column("Authentication requirement", "authenticationRequirement");
        column("Conditional Access", "conditionalAccessStatus");
        column("Token issuer type", "tokenIssuerType");
        column("Token issuer name", "tokenIssuerName");
        column("Managed Identity type", "managedServiceIdentity.msiType");
        column("Associated Resource Id", "managedServiceIdentity.associatedResourceId");
        column("Federated Token Id", "managedServiceIdentity.federatedTokenId");
        column("Federated Token Issuer", "managedServiceIdentity.federatedTokenIssuer");
        column("Service principal ID", "servicePrincipalId");
        column("Service principal name", "servicePrincipalName");
        column("Credential key ID", "servicePrincipalCredentialKeyId");
        column("Credential thumbprint", "servicePrincipalCredentialThumbprint");
        column("Sign-in identifier", "signInIdentifier");
        column("Correlation ID", "correlationId");
        column("User agent", "userAgent");
        for (String known : List.of("Token Protection - Sign In Session", "Token Protection - Sign In Session StatusCode",
                "App owner tenant ID", "Resource owner tenant ID", "Location", "Device ID", "Browser", "Operating System",
                "Compliant", "Managed", "Join Type", "Session ID", "IP address (seen by resource)",
                "Through Global Secure Access", "Global Secure Access IP address", "Autonomous system number",
                "Flagged for review", "Latency")) {
            column(known, null);
        }
    }

    /** Graph fields whose display text is mapped to the Graph enum member, and the enum. */
    private static final Map<String, String> ENUMS = Map.of(
            "userType", "signInUserType",
            "crossTenantAccessType", "signInAccessType",
            "incomingTokenType", "incomingTokenType",
            "clientCredentialType", "clientCredentialType",
            "tokenIssuerType", "tokenIssuerType",
            "conditionalAccessStatus", "conditionalAccessStatus",
            "originalTransferMethod", "originalTransferMethods",
            "managedServiceIdentity.msiType", "msiType");

    private static void column(String header, String path) {
        COLUMNS.put(key(header), path);
    }

    static String key(String header) {
        return header.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /** True when the header is the portal's sign-in download. */
    static boolean matches(String[] header) {
        List<String> keys = keys(header);
        // loose on purpose: a header with a mangled Request ID or date column is still the portal's, and is then
        // refused for that column by name rather than as "not a sign-in export"
        return (keys.contains("request id") || keys.contains("date (utc)"))
                && (keys.contains("application id") || keys.contains("username") || keys.contains("service principal id"))
                && !PortalAuthDetails.matches(header);
    }

    static List<String> keys(String[] header) {
        List<String> keys = new ArrayList<>();
        for (String h : header) keys.add(key(h));
        return keys;
    }

    private PortalCsv() {
    }

    @Override
    public String name() {
        return "Entra admin center CSV";
    }

    @Override
    public boolean claimsHeader(String[] header) {
        return matches(header);
    }

    @Override
    public SignInColumns columns(String[] header, String fileName) {
        return new Columns(header, fileName);
    }


    /** The columns of one download: each row becomes an object with Graph's paths. */
    private static final class Columns implements SignInColumns {
        private final Map<String, List<Integer>> byPath = new LinkedHashMap<>();
        private final Map<String, String> labels = new HashMap<>();
        private final List<String> unknown = new ArrayList<>();
        private final String hint;

        Columns(String[] header, String fileName) {
            for (int i = 0; i < header.length; i++) {
                String k = key(header[i]);
                if (!COLUMNS.containsKey(k)) {
                    if (!k.isEmpty()) unknown.add(header[i].trim());
                    continue;
                }
                String path = COLUMNS.get(k);
                if (path == null) continue;
                byPath.computeIfAbsent(path, p -> new ArrayList<>()).add(i);
                labels.putIfAbsent(path, header[i].trim());
            }
            if (labels.containsKey("status.errorCode")) labels.put("status", labels.get("status.errorCode"));
            this.hint = SignInFormats.eventTypeOfName(fileName);
        }

        @Override
        public String describe() {
            if (hint == null) return FORMAT.name();
            return FORMAT.name() + " (" + switch (hint) {
                case "interactiveUser" -> "interactive sign-ins";
                case "nonInteractiveUser" -> "non-interactive sign-ins";
                case "servicePrincipal" -> "application sign-ins";
                default -> "managed identity sign-ins";
            } + ")";
        }

        /** Header problems that make every row unusable, or null. */
        @Override
        public String unusable() {
            if (!byPath.containsKey("id")) return "the header has no Request ID column";
            if (!byPath.containsKey("createdDateTime")) return "the header has no Date (UTC) column";
            return null;
        }

        @Override
        public List<String> unknownColumns() {
            return unknown;
        }

        @Override
        public GraphRecord row(String[] values) throws RowProblem {
            ObjectNode n = JsonStream.MAPPER.createObjectNode();
            GraphEnums enums = GraphEnums.bundled();
            for (Map.Entry<String, List<Integer>> e : byPath.entrySet()) {
                String v = first(values, e.getValue());
                if (v == null) continue;
                String path = e.getKey();
                if (ENUMS.containsKey(path)) v = enums.canonical(ENUMS.get(path), v);
                put(n, path, v);
            }
            status(n);
            if (!n.has("signInEventTypes")) {
                String type = hint;
                if (type == null && !n.has("userId") && n.has("servicePrincipalId")) type = "servicePrincipal";
                if (type != null) n.putArray("signInEventTypes").add(type);
            }
            return new GraphRecord(n, labels, describe(), FORMAT);
        }

        /** "Success" with no error code is code 0; a failure must give its code. */
        private void status(ObjectNode n) throws RowProblem {
            ObjectNode status = (ObjectNode) n.get("status");
            if (status == null) return;
            String text = status.has("text") ? status.remove("text").asText() : null;
            if (status.has("errorCode") || text == null) return;
            String t = text.trim().toLowerCase(Locale.ROOT);
            if (t.equals("success")) {
                status.put("errorCode", 0);
            } else if (t.equals("failure") || t.equals("interrupted")) {
                throw new RowProblem(labels.getOrDefault("status.text", "Status") + " is \"" + text + "\" but "
                        + labels.getOrDefault("status.errorCode", "Sign-in error code") + " is empty");
            } else {
                throw new RowProblem(labels.getOrDefault("status.text", "Status") + " \"" + text
                        + "\" is not Success, Failure or Interrupted");
            }
        }

    }

    private static String first(String[] values, List<Integer> at) {
        for (int i : at) {
            String v = values[i].trim();
            if (!v.isEmpty()) return v;
        }
        return null;
    }

    private static void put(ObjectNode n, String path, String value) {
        int dot = path.indexOf('.');
        if (dot < 0) {
            n.put(path, value);
            return;
        }
        String head = path.substring(0, dot);
        ObjectNode child = n.has(head) ? (ObjectNode) n.get(head) : n.putObject(head);
        child.put(path.substring(dot + 1), value);
    }

    /** A row that cannot be turned into a record, and why. */
    static final class RowProblem extends Exception {
        RowProblem(String message) {
            super(message);
        }
    }
}
