package io.github.mfaeval.load.signin;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.mfaeval.model.AuthStep;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The fields of one plain Graph sign-in as Jackson's token stream gives them, for {@link GraphSignInParser}: the
 * fields the rules read are taken as they pass, every other subtree is skipped unread ({@code skipChildren}), and
 * anything that is not plainly Graph (a name of ours in another case or another dialect's, a repeated field, a value of
 * an unexpected type, PowerShell's stand-in text) sends the record to the tree path ({@link #TREE}). What the values
 * mean is decided by the subclass. The name caches are per instance: one per reading thread.
 */
abstract class GraphTokenFields {
    private static final int IGNORED = 0;
    /** A name that is ours or another dialect's in a different case: the tree path decides. */
    private static final int OTHER = -1;
    private static final int ID = 1, CREATED = 2, USER_ID = 3, UPN = 4, USER_TYPE = 5, APP_ID = 6, APP_NAME = 7,
            HOME_TENANT = 8, RESOURCE_TENANT = 9, REQUIREMENT = 10, POLICIES = 11, DETAILS = 12, STATUS = 13,
            EVENT_TYPES = 14, INTERACTIVE = 15, MSI = 16, AGENT = 17, SP_ID = 18, PROTOCOL = 19, RESOURCE_ID = 20;
    private static final Map<String, Integer> TOP = Map.ofEntries(
            Map.entry("id", ID), Map.entry("createdDateTime", CREATED), Map.entry("userId", USER_ID),
            Map.entry("userPrincipalName", UPN), Map.entry("userType", USER_TYPE), Map.entry("appId", APP_ID),
            Map.entry("appDisplayName", APP_NAME), Map.entry("homeTenantId", HOME_TENANT),
            Map.entry("resourceTenantId", RESOURCE_TENANT), Map.entry("authenticationRequirement", REQUIREMENT),
            Map.entry("authenticationRequirementPolicies", POLICIES), Map.entry("authenticationDetails", DETAILS),
            Map.entry("status", STATUS), Map.entry("signInEventTypes", EVENT_TYPES), Map.entry("isInteractive", INTERACTIVE),
            Map.entry("managedServiceIdentity", MSI), Map.entry("agent", AGENT), Map.entry("servicePrincipalId", SP_ID),
            Map.entry("authenticationProtocol", PROTOCOL), Map.entry("resourceId", RESOURCE_ID));
    /**
     * Names (lower case) that make a record something else than a plain Graph sign-in: diagnostic-record envelopes,
     * Log Analytics columns, PowerShell's bag of extra properties, wrappers of records.
     */
    private static final Set<String> FOREIGN = Set.of("properties", "category", "operationname", "type", "timegenerated",
            "resulttype", "resourceidentity", "additionalproperties", "value", "records", "tables");
    /** Bounds the name cache: a file of random field names must not grow it without end. */
    static final int MAX_CACHED_NAMES = 4096;

    /** Not a failure: the record is read the other way. Preallocated, without a stack trace. */
    static final class TreePath extends Exception {
        TreePath() {
            super(null, null, false, false);
        }
    }

    static final TreePath TREE = new TreePath();

    private final Map<String, Integer> codes = new HashMap<>();
    private final Map<String, Boolean> nestedForeign = new HashMap<>();
    final Map<String, String> canonical = new HashMap<>();
    private final GraphEnums enums = GraphEnums.bundled();

    // the record being read
    String id, created, userId, upn, userType, appId, appName, homeTenant, resourceTenant, requirement,
            protocol, spId, msiType, agentType, additional, resourceId;
    boolean agentNonEmpty, eventTypesGiven, statusGiven, errorCodeGiven;
    Boolean interactive;
    int errorCode;
    long seen;
    final Set<String> providers = new LinkedHashSet<>();
    final Set<String> eventTypes = new LinkedHashSet<>();
    final List<AuthStep> steps = new ArrayList<>();

    /** The fields of a Graph sign-in object whose START_OBJECT is current, to its END_OBJECT. */
    void fields(JsonParser p) throws IOException, TreePath {
        boolean first = true;
        String name;
        while ((name = p.nextFieldName()) != null) {
            if (first) {
                // PowerShell dumps are PascalCase: another dialect, described as such
                if (!name.isEmpty() && Character.isUpperCase(name.charAt(0))) throw TREE;
                first = false;
            }
            int code = code(name);
            if (code == OTHER) throw TREE;
            JsonToken t = p.nextToken();
            if (code == IGNORED) {
                if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) p.skipChildren();
                continue;
            }
            long bit = 1L << code;
            if ((seen & bit) != 0) throw TREE; // a repeated field: the tree keeps the last one
            seen |= bit;
            switch (code) {
                case ID -> id = text(p, t);
                case CREATED -> created = text(p, t);
                case USER_ID -> userId = text(p, t);
                case UPN -> upn = text(p, t);
                case USER_TYPE -> userType = text(p, t);
                case APP_ID -> appId = text(p, t);
                case APP_NAME -> appName = text(p, t);
                case HOME_TENANT -> homeTenant = text(p, t);
                case RESOURCE_TENANT -> resourceTenant = text(p, t);
                case REQUIREMENT -> requirement = text(p, t);
                case PROTOCOL -> protocol = text(p, t);
                case SP_ID -> spId = text(p, t);
                case RESOURCE_ID -> resourceId = text(p, t);
                case INTERACTIVE -> interactive = bool(t);
                case EVENT_TYPES -> eventTypes(p, t);
                case POLICIES -> policies(p, t);
                case DETAILS -> details(p, t);
                case STATUS -> status(p, t);
                case MSI -> msi(p, t);
                case AGENT -> agent(p, t);
                default -> throw TREE;
            }
        }
        if (p.currentToken() != JsonToken.END_OBJECT) throw TREE;
    }

    void reset() {
        id = created = userId = upn = userType = appId = appName = homeTenant = resourceTenant = requirement = null;
        protocol = spId = msiType = agentType = additional = resourceId = null;
        agentNonEmpty = eventTypesGiven = statusGiven = errorCodeGiven = false;
        interactive = null;
        errorCode = 0;
        seen = 0;
        providers.clear();
        eventTypes.clear();
        steps.clear();
    }

    private int code(String name) {
        Integer c = codes.get(name);
        if (c != null) return c;
        Integer known = TOP.get(name);
        int result;
        if (known != null) {
            result = known;
        } else {
            String lower = name.toLowerCase(Locale.ROOT);
            result = FOREIGN.contains(lower) || name.startsWith("@") || TOP.keySet().stream().anyMatch(k -> k.equalsIgnoreCase(name))
                    ? OTHER : IGNORED;
        }
        if (codes.size() < MAX_CACHED_NAMES) codes.put(name, result);
        return result;
    }

    /** A field of a nested object that is one of ours (or AdditionalProperties) in another case. */
    private boolean foreignNested(String name, String... ours) {
        for (String o : ours) {
            if (o.equals(name)) return false;
        }
        Boolean f = nestedForeign.get(name);
        if (f == null) {
            boolean found = name.equalsIgnoreCase("AdditionalProperties");
            for (String o : ours) found |= o.equalsIgnoreCase(name);
            f = found;
            if (nestedForeign.size() < MAX_CACHED_NAMES) nestedForeign.put(name, f);
        }
        return f;
    }

    /** A string, trimmed; null when null or empty. Anything else is for the tree path. */
    static String text(JsonParser p, JsonToken t) throws IOException, TreePath {
        if (t == JsonToken.VALUE_NULL) return null;
        if (t != JsonToken.VALUE_STRING) throw TREE;
        String s = p.getText().trim();
        if (s.isEmpty()) return null;
        if (PowerShellDump.isStandIn(s)) throw TREE;
        return s;
    }

    private static Boolean bool(JsonToken t) throws TreePath {
        if (t == JsonToken.VALUE_NULL) return null;
        if (t == JsonToken.VALUE_TRUE) return Boolean.TRUE;
        if (t == JsonToken.VALUE_FALSE) return Boolean.FALSE;
        throw TREE;
    }

    private void eventTypes(JsonParser p, JsonToken t) throws IOException, TreePath {
        if (t == JsonToken.VALUE_NULL) return;
        if (t != JsonToken.START_ARRAY) throw TREE;
        JsonToken e;
        while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
            eventTypesGiven = true;
            if (e == JsonToken.VALUE_NULL) continue;
            if (e != JsonToken.VALUE_STRING) throw TREE;
            String s = p.getText();
            if (!s.isBlank()) eventTypes.add(s.trim().toLowerCase(Locale.ROOT));
        }
    }

    private void policies(JsonParser p, JsonToken t) throws IOException, TreePath {
        if (t == JsonToken.VALUE_NULL) return;
        if (t != JsonToken.START_ARRAY) throw TREE;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken() != JsonToken.START_OBJECT) throw TREE;
            String provider = null;
            boolean got = false;
            String name;
            while ((name = p.nextFieldName()) != null) {
                JsonToken v = p.nextToken();
                if (name.equals("requirementProvider")) {
                    if (got) throw TREE;
                    got = true;
                    provider = text(p, v);
                } else if (foreignNested(name, "requirementProvider")) {
                    throw TREE;
                } else {
                    p.skipChildren();
                }
            }
            if (provider != null) providers.add(canonical("requirementProvider", provider).toLowerCase(Locale.ROOT));
        }
    }

    private void details(JsonParser p, JsonToken t) throws IOException, TreePath {
        if (t == JsonToken.VALUE_NULL) return;
        if (t != JsonToken.START_ARRAY) throw TREE;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken() != JsonToken.START_OBJECT) throw TREE;
            String method = null, requirement = null, result = null;
            Boolean ok = null;
            int got = 0;
            String name;
            while ((name = p.nextFieldName()) != null) {
                JsonToken v = p.nextToken();
                int bit;
                switch (name) {
                    case "authenticationMethod" -> { bit = 1; method = text(p, v); }
                    case "succeeded" -> { bit = 2; ok = bool(v); }
                    case "authenticationStepRequirement" -> { bit = 4; requirement = text(p, v); }
                    case "authenticationStepResultDetail" -> { bit = 8; result = text(p, v); }
                    default -> {
                        if (foreignNested(name, "authenticationMethod", "succeeded", "authenticationStepRequirement",
                                "authenticationStepResultDetail")) throw TREE;
                        p.skipChildren();
                        bit = 0;
                    }
                }
                if ((got & bit) != 0) throw TREE;
                got |= bit;
            }
            steps.add(new AuthStep(method, Boolean.TRUE.equals(ok), requirement, result));
        }
    }

    private void status(JsonParser p, JsonToken t) throws IOException, TreePath {
        if (t == JsonToken.VALUE_NULL) return;
        if (t != JsonToken.START_OBJECT) throw TREE;
        statusGiven = true;
        int got = 0;
        String name;
        while ((name = p.nextFieldName()) != null) {
            JsonToken v = p.nextToken();
            if (name.equals("errorCode")) {
                if ((got & 1) != 0) throw TREE;
                got |= 1;
                if (v == JsonToken.VALUE_NULL) continue;
                if (v != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT) throw TREE;
                errorCode = p.getIntValue();
                errorCodeGiven = true;
            } else if (name.equals("additionalDetails")) {
                if ((got & 2) != 0) throw TREE;
                got |= 2;
                additional = text(p, v);
            } else if (foreignNested(name, "errorCode", "additionalDetails")) {
                throw TREE;
            } else {
                p.skipChildren();
            }
        }
    }

    private void msi(JsonParser p, JsonToken t) throws IOException, TreePath {
        if (t == JsonToken.VALUE_NULL) return;
        if (t != JsonToken.START_OBJECT) throw TREE;
        boolean got = false;
        String name;
        while ((name = p.nextFieldName()) != null) {
            JsonToken v = p.nextToken();
            if (name.equals("msiType")) {
                if (got) throw TREE;
                got = true;
                msiType = text(p, v);
            } else if (foreignNested(name, "msiType")) {
                throw TREE;
            } else {
                p.skipChildren();
            }
        }
    }

    private void agent(JsonParser p, JsonToken t) throws IOException, TreePath {
        if (t == JsonToken.VALUE_NULL) return;
        if (t != JsonToken.START_OBJECT) throw TREE;
        boolean got = false;
        String name;
        while ((name = p.nextFieldName()) != null) {
            agentNonEmpty = true;
            JsonToken v = p.nextToken();
            if (name.equals("agentType")) {
                if (got) throw TREE;
                got = true;
                if (v == JsonToken.VALUE_NULL) continue;
                if (v != JsonToken.VALUE_STRING) throw TREE;
                String s = p.getText();
                agentType = s.isEmpty() ? null : s;
            } else if (foreignNested(name, "agentType")) {
                throw TREE;
            } else {
                p.skipChildren();
            }
        }
    }

    String canonical(String enumName, String text) {
        String key = enumName + '\u0000' + text;
        String c = canonical.get(key);
        if (c == null) {
            c = enums.canonical(enumName, text);
            if (canonical.size() < MAX_CACHED_NAMES) canonical.put(key, c);
        }
        return c;
    }
}
