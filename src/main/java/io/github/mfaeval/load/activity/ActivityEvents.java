package io.github.mfaeval.load.activity;

import io.github.mfaeval.load.text.JsonStream;
import io.github.mfaeval.load.text.Dates;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.mfaeval.load.text.Json;
import io.github.mfaeval.model.ArmEvent;

import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Brings one Activity Log record, in any of the shapes an administrator can export, into an {@link ArmEvent}:
 * <ul>
 *   <li>ARM REST list and {@code az monitor activity-log list}: {@code eventTimestamp}, {@code caller},
 *       {@code claims} (object), {@code operationName}/{@code category}/{@code status} as {value, localizedValue};</li>
 *   <li>Azure Monitor diagnostic records (storage account, Event Hub): {@code time}, {@code operationName},
 *       {@code category}, {@code resultType} as strings, {@code identity.claims};</li>
 *   <li>Log Analytics {@code AzureActivity}: {@code TimeGenerated}, {@code Caller}, {@code OperationNameValue},
 *       {@code CategoryValue}, {@code ActivityStatusValue}, {@code Claims} (a JSON string) or {@code Claims_d}.</li>
 * </ul>
 */
final class ActivityEvents {
    static final String AMR = "http://schemas.microsoft.com/claims/authnmethodsreferences";
    static final String OID = "http://schemas.microsoft.com/identity/claims/objectidentifier";
    static final String UPN = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn";
    static final String NAME = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name";
    private static final Pattern POLICY = Pattern.compile("(?i)/providers/microsoft\\.authorization/policydefinitions/([0-9a-f-]{36})");
    /** An error code in a status message, e.g. {@code "code":"RequestDisallowedByPolicy"} (quotes may be escaped). */
    private static final Pattern ERROR_CODE = Pattern.compile("(?i)\\\\?\"code\\\\?\"\\s*:\\s*\\\\?\"([A-Za-z0-9_.]+)");

    /** A record that is not a usable Activity Log event. */
    static final class BadEvent extends Exception {
        BadEvent(String message) {
            super(message);
        }
    }

    enum Shape {
        ARM_REST("ARM REST / az monitor activity-log list"),
        DIAGNOSTIC("Azure Monitor diagnostic records"),
        AZURE_ACTIVITY("Log Analytics AzureActivity");

        final String label;

        Shape(String label) {
            this.label = label;
        }
    }

    private ActivityEvents() {
    }

    static Shape shapeOf(JsonNode r) {
        if (Json.field(r, "OperationNameValue") != null || Json.field(r, "CategoryValue") != null
                || Json.field(r, "ActivityStatusValue") != null) {
            return Shape.AZURE_ACTIVITY;
        }
        JsonNode op = Json.field(r, "operationName");
        if (Json.field(r, "eventTimestamp") != null || (op != null && op.isObject())) return Shape.ARM_REST;
        if (Json.field(r, "time") != null || Json.field(r, "resultType") != null || Json.field(r, "identity") != null) return Shape.DIAGNOSTIC;
        return null;
    }

    static ArmEvent read(JsonNode r, String source) throws BadEvent {
        if (r == null || !r.isObject()) throw new BadEvent("must be a JSON object, found " + (r == null ? "nothing" : r.getNodeType().toString().toLowerCase(Locale.ROOT)));
        Shape shape = shapeOf(r);
        if (shape == null) {
            throw new BadEvent("is not an Activity Log event: none of eventTimestamp (ARM REST), time (diagnostic record) "
                    + "or OperationNameValue (AzureActivity) is present");
        }
        String timeText;
        String operation;
        String category;
        String status;
        String caller;
        JsonNode claims;
        switch (shape) {
            case ARM_REST -> {
                timeText = text(r, "eventTimestamp");
                operation = valueOf(r, "operationName");
                category = valueOf(r, "category");
                status = valueOf(r, "status");
                caller = text(r, "caller");
                claims = Json.field(r, "claims");
            }
            case DIAGNOSTIC -> {
                timeText = text(r, "time");
                operation = text(r, "operationName");
                category = text(r, "category");
                status = text(r, "resultType");
                JsonNode identity = Json.field(r, "identity");
                claims = identity == null ? null : Json.field(identity, "claims");
                caller = text(r, "caller");
            }
            default -> {
                timeText = text(r, "TimeGenerated");
                operation = text(r, "OperationNameValue");
                if (operation == null) operation = text(r, "OperationName");
                category = text(r, "CategoryValue");
                if (category == null) category = text(r, "Category");
                status = text(r, "ActivityStatusValue");
                if (status == null) status = text(r, "ActivityStatus");
                caller = text(r, "Caller");
                claims = Json.field(r, "Claims_d");
                if (claims == null || claims.isNull() || (claims.isTextual() && claims.textValue().isBlank())) claims = Json.field(r, "Claims");
            }
        }
        if (timeText == null) throw new BadEvent("has no time (" + timeField(shape) + ")");
        Instant time;
        try {
            time = Dates.parse(timeText);
        } catch (RuntimeException e) {
            throw new BadEvent(timeField(shape) + " is not a date and time: \"" + timeText + "\"");
        }
        if (time == null) throw new BadEvent(timeField(shape) + " is not a date and time: \"" + timeText + "\"");
        if (operation == null) throw new BadEvent("has no operation name");
        claims = claimsObject(claims);
        boolean hasClaims = claims != null && claims.size() > 0;
        Set<String> amr = new TreeSet<>();
        String idtyp = "";
        String appId = "";
        String oid = "";
        String upn = "";
        if (hasClaims) {
            JsonNode a = Json.field(claims, AMR);
            if (a == null) a = Json.field(claims, "amr");
            if (a != null) {
                if (a.isArray()) a.forEach(v -> amr.add(v.asText().trim().toLowerCase(Locale.ROOT)));
                else for (String v : a.asText().split("[,\\s]+")) if (!v.isBlank()) amr.add(v.trim().toLowerCase(Locale.ROOT));
            }
            idtyp = lower(text(claims, "idtyp"));
            appId = lower(text(claims, "appid"));
            if (appId.isEmpty()) appId = lower(text(claims, "azp"));
            oid = lower(text(claims, OID));
            if (oid.isEmpty()) oid = lower(text(claims, "oid"));
            for (String k : new String[]{UPN, "upn", "unique_name", NAME}) {
                String v = text(claims, k);
                if (v != null && v.contains("@")) {
                    upn = v.trim().toLowerCase(Locale.ROOT);
                    // a guest's unique_name is "live.com#user@example.com": the UPN is after '#'
                    if (upn.contains("#") && !k.equals(UPN) && !k.equals("upn")) upn = upn.substring(upn.lastIndexOf('#') + 1);
                    break;
                }
            }
        }
        if (caller == null) caller = upn.isEmpty() ? oid : upn;
        Set<String> policies = new LinkedHashSet<>();
        JsonNode props = Json.field(r, "properties");
        if (props == null) props = Json.field(r, "Properties_d");
        if (props == null) props = Json.field(r, "Properties");
        if (props != null) {
            Matcher m = POLICY.matcher(props.isTextual() ? props.textValue() : props.toString());
            while (m.find()) policies.add(m.group(1).toLowerCase(Locale.ROOT));
        }
        Set<String> errorCodes = new TreeSet<>();
        String subStatus = switch (shape) {
            case ARM_REST -> valueOf(r, "subStatus");
            case DIAGNOSTIC -> text(r, "resultSignature");
            default -> text(r, "ActivitySubstatusValue") != null ? text(r, "ActivitySubstatusValue") : text(r, "ActivitySubstatus");
        };
        if (subStatus != null) errorCodes.add(subStatus.trim().toLowerCase(Locale.ROOT));
        if (props != null) {
            Matcher m = ERROR_CODE.matcher(props.isTextual() ? props.textValue() : props.toString());
            while (m.find()) errorCodes.add(m.group(1).toLowerCase(Locale.ROOT));
        }
        String resourceId = text(r, "resourceId");
        if (resourceId == null) resourceId = text(r, "_ResourceId");
        return new ArmEvent(nz(text(r, "eventDataId")), lower(text(r, "correlationId")), time, caller.trim(), oid, upn, idtyp, appId,
                operation.trim().toLowerCase(Locale.ROOT), lower(category), status(status), Set.copyOf(amr), hasClaims,
                Set.copyOf(policies), nz(resourceId), source, Set.copyOf(errorCodes));
    }

    private static String timeField(Shape shape) {
        return switch (shape) {
            case ARM_REST -> "eventTimestamp";
            case DIAGNOSTIC -> "time";
            default -> "TimeGenerated";
        };
    }

    /** Claims as an object: given as one, or as a JSON string (AzureActivity's Claims, CSV cells). */
    private static JsonNode claimsObject(JsonNode claims) throws BadEvent {
        if (claims == null || claims.isNull()) return null;
        if (claims.isObject()) return claims;
        if (claims.isTextual()) {
            String t = claims.textValue().trim();
            if (t.isEmpty()) return null;
            try {
                JsonNode n = JsonStream.MAPPER.readTree(t);
                if (n != null && n.isObject()) return n;
            } catch (IOException e) {
                // reported below
            }
            throw new BadEvent("claims are not a JSON object: \"" + (t.length() > 60 ? t.substring(0, 57) + "..." : t) + "\"");
        }
        throw new BadEvent("claims must be an object, found " + claims.getNodeType().toString().toLowerCase(Locale.ROOT));
    }

    /** Started, Accepted, Succeeded, Failed: the ARM REST words, also for the diagnostic and AzureActivity ones. */
    static String status(String s) {
        if (s == null) return "";
        String k = s.trim().toLowerCase(Locale.ROOT);
        return switch (k) {
            case "start", "started" -> "STARTED";
            case "accept", "accepted" -> "ACCEPTED";
            case "success", "succeeded" -> "SUCCEEDED";
            case "failure", "failed" -> "FAILED";
            default -> k.toUpperCase(Locale.ROOT);
        };
    }

    /** A {value, localizedValue} pair's value, or a plain string. */
    private static String valueOf(JsonNode r, String field) {
        JsonNode v = Json.field(r, field);
        if (v == null || v.isNull()) return null;
        if (v.isObject()) return text(v, "value");
        return v.isValueNode() ? blankToNull(v.asText()) : null;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = Json.field(n, field);
        return v == null || v.isNull() || !v.isValueNode() ? null : blankToNull(v.asText());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String lower(String s) {
        return s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
    }

    private static String nz(String s) {
        return s == null ? "" : s.trim();
    }
}
