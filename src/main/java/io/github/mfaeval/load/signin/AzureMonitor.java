package io.github.mfaeval.load.signin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.mfaeval.load.text.Json;
import io.github.mfaeval.load.text.JsonStream;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Azure Monitor diagnostic records (a storage account's {@code {"records": […]}} blob, an Event Hub capture): a Graph
 * sign-in in {@code properties}, unwrapped from its envelope, with what the envelope adds when the sign-in lacks it
 * (the time as createdDateTime, the category's sign-in type, resultType as status.errorCode) and the envelope's
 * {@code tenantId} as the log's tenant. The Graph fast path reads plain envelopes too
 * ({@link GraphSignInParser#readEnvelope}), to the same fact.
 */
final class AzureMonitor implements SignInFormat {
    static final AzureMonitor FORMAT = new AzureMonitor();

    private AzureMonitor() {
    }

    @Override
    public String name() {
        return "Azure Monitor diagnostic record";
    }

    /** The dialect of a record of this category, as reports name it. */
    String dialect(String category) {
        return name() + (category == null ? "" : " (" + category + ")");
    }

    @Override
    public boolean claimsRecord(ObjectNode r) {
        return Json.field(r, "properties") != null && (Json.field(r, "category") != null || Json.field(r, "operationName") != null);
    }

    @Override
    public GraphRecord graphShape(ObjectNode envelope, String hint) {
        JsonNode p = Json.field(envelope, "properties");
        if (p.isTextual()) {
            try {
                p = JsonStream.MAPPER.readTree(p.textValue());
            } catch (JsonProcessingException e) {
                // left as text: the mapper refuses it as "not a JSON object"
            }
        }
        String category = Json.text(envelope, "category");
        String dialect = dialect(category);
        String logTenant = Json.text(envelope, "tenantId");
        if (!p.isObject()) return new GraphRecord(p, Map.of(), dialect, logTenant, this);
        ObjectNode props = (ObjectNode) p;
        Map<String, String> labels = new HashMap<>();
        for (String f : List.of("id", "createdDateTime", "appId", "userId", "userType", "status", "authenticationDetails",
                "authenticationRequirementPolicies", "signInEventTypes", "authenticationRequirement", "isInteractive")) {
            String key = Json.key(props, f);
            if (key != null) labels.put(f, "properties." + key);
        }
        if (SignInFormats.absent(props, "createdDateTime") && Json.field(envelope, "time") != null) {
            props.set("createdDateTime", Json.field(envelope, "time"));
            labels.put("createdDateTime", "time");
        }
        String eventType = eventTypeOf(category, hint);
        if (eventType != null && SignInFormats.absent(props, "signInEventTypes")) props.putArray("signInEventTypes").add(eventType);
        if (Json.field(envelope, "resultType") != null && SignInFormats.absent(props, "status")) {
            props.putObject("status").set("errorCode", Json.field(envelope, "resultType"));
            labels.put("status.errorCode", "resultType");
        }
        return new GraphRecord(props, labels, dialect, logTenant, this);
    }


    /** The signInEventTypes member a diagnostic record's category implies (the categories are the tables' names), else the file name's ({@code hint}). */
    static String eventTypeOf(String category, String hint) {
        return LogAnalyticsJson.eventTypeOfTable(category, hint);
    }
}
