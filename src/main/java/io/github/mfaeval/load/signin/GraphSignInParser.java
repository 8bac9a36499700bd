package io.github.mfaeval.load.signin;

import io.github.mfaeval.load.text.Position;
import io.github.mfaeval.load.text.Dates;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.mfaeval.model.SignIn;

import java.io.IOException;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;

/**
 * The Graph dialect's fast path ({@link GraphJson}): maps a sign-in in plain Graph beta shape straight from Jackson's
 * token stream onto a {@link SignIn}, and no tree is built. The fields are read by {@link GraphTokenFields}; this class
 * takes the decisions {@link SignInMapper} takes from the tree on the values read, and reads the Azure Monitor envelope
 * around a Graph sign-in ({@link #readEnvelope}). This is the path of nearly every record of a Graph export, and it is
 * the reader's whole cost, so it stays close to the parser. Its reference is the tree mapping: the property test
 * {@code GraphSignInParserTest} maps records both ways and compares every field of the fact.
 * <p>
 * It gives up (returns null) on anything that is not plainly Graph: another dialect's fields (envelopes, Log
 * Analytics columns, PascalCase, {@code AdditionalProperties}), a field name in another case, a repeated field,
 * a value of an unexpected type, PowerShell's stand-in text, trailing content. The caller then reads the same
 * record through the tree ({@link SignInFormats}, {@link SignInMapper}), which accepts what it can and explains
 * what it cannot: whatever this class accepts, the tree path would accept with the same fact, so the fast path
 * changes speed, never verdicts or messages. One instance per thread (it caches field names).
 */
final class GraphSignInParser extends GraphTokenFields {
    private static final String[] REQUIREMENTS = {"singleFactorAuthentication", "multiFactorAuthentication"};

    /**
     * Reads the object whose START_OBJECT is the current token, to its end, and then expects the end of input
     * ({@code wholeInput}). Null when the record is for the tree path; the parser is then left anywhere.
     *
     * @param hint the signInEventTypes member the file name implies, or null
     */
    SignIn read(JsonParser p, String hint, String file, Position at, boolean wholeInput) throws IOException {
        try {
            SignIn m = map(p, hint, file, at, wholeInput);
            dialect = GraphJson.FORMAT.name();
            return m;
        } catch (TreePath e) {
            return null;
        }
    }

    private SignIn map(JsonParser p, String hint, String file, Position at, boolean wholeInput)
            throws IOException, TreePath {
        reset();
        fields(p);
        if (wholeInput && p.nextToken() != null) throw TREE; // "more than one JSON value on the line"
        return build(hint, file, at);
    }

    /** The envelope fields {@link AzureMonitor} reads, as they are spelled in Azure Monitor's diagnostic records. */
    private static final int TIME = 1, CATEGORY = 2, OPERATION = 4, LOG_TENANT = 8, RESULT_TYPE = 16, PROPERTIES = 32;
    private static final Set<String> ENVELOPE = Set.of("time", "category", "operationname", "tenantid", "resulttype", "properties",
            "additionalproperties");

    /**
     * An Azure Monitor diagnostic record (a storage account's {@code {"records": […]}} blob, an Event Hub capture),
     * whose START_OBJECT is current, read to its END_OBJECT: a Graph sign-in in {@code properties}, with what the
     * envelope adds when the sign-in lacks it, exactly as {@link AzureMonitor} adds it to the tree (the time as
     * createdDateTime, the category's sign-in type, resultType as status.errorCode) and the envelope's
     * {@code tenantId} as the fact's log tenant. Null when the record is for the tree path (not such an envelope,
     * an envelope field in another case or twice, anything {@link #read} would leave); {@link #dialect()} then says
     * nothing new.
     */
    SignIn readEnvelope(JsonParser p, String hint, String file, Position at) throws IOException {
        try {
            return envelope(p, hint, file, at);
        } catch (TreePath e) {
            return null;
        }
    }

    /** The dialect of the record last mapped: "Graph" or the envelope's, as {@link AzureMonitor} names it. */
    String dialect() {
        return dialect;
    }

    private String dialect = GraphJson.FORMAT.name();

    private SignIn envelope(JsonParser p, String hint, String file, Position at) throws IOException, TreePath {
        reset();
        String time = null, category = null, logTenant = null, resultType = null;
        boolean resultTypeNumber = false, resultTypeUsable = true;
        int got = 0;
        String name;
        while ((name = p.nextFieldName()) != null) {
            JsonToken t = p.nextToken();
            int bit;
            switch (name) {
                case "time" -> {
                    bit = TIME;
                    if (t != JsonToken.VALUE_STRING) throw TREE;
                    time = text(p, t);
                }
                case "category" -> {
                    bit = CATEGORY;
                    category = envelopeText(p, t);
                }
                case "operationName" -> {
                    bit = OPERATION;
                    p.skipChildren();
                }
                case "tenantId" -> {
                    bit = LOG_TENANT;
                    logTenant = envelopeText(p, t);
                }
                case "resultType" -> {
                    bit = RESULT_TYPE;
                    if (t == JsonToken.VALUE_STRING) {
                        resultType = p.getText();
                    } else if (t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT) {
                        resultType = p.getText();
                        resultTypeNumber = true;
                    } else if (t != JsonToken.VALUE_NULL) {
                        p.skipChildren();
                        resultTypeUsable = false; // the tree refuses it, if the sign-in has no status of its own
                    }
                }
                case "properties" -> {
                    bit = PROPERTIES;
                    if (t != JsonToken.START_OBJECT) throw TREE; // text holding JSON, or not a record: the tree says
                    fields(p);
                }
                default -> {
                    if (ENVELOPE.contains(name.toLowerCase(Locale.ROOT))) throw TREE; // the tree finds names in any case
                    p.skipChildren();
                    bit = 0;
                }
            }
            if ((got & bit) != 0) throw TREE;
            got |= bit;
        }
        if (p.currentToken() != JsonToken.END_OBJECT) throw TREE;
        if ((got & PROPERTIES) == 0 || (got & (CATEGORY | OPERATION)) == 0) throw TREE; // not an envelope: the tree says what it is
        if (created == null && (got & TIME) != 0) created = time;
        String eventType = AzureMonitor.eventTypeOf(category, hint);
        if (eventType != null && !eventTypesGiven) {
            eventTypes.add(eventType.toLowerCase(Locale.ROOT));
            eventTypesGiven = true;
        }
        if ((got & RESULT_TYPE) != 0 && !statusGiven) {
            if (!resultTypeUsable) throw TREE;
            if (resultType != null && !resultType.isBlank()) {
                String code = resultType.trim();
                if (!resultTypeNumber && !code.matches("-?\\d{1,9}")) throw TREE;
                errorCode = Integer.parseInt(code);
                errorCodeGiven = true;
            }
        }
        SignIn m = build(null, file, at); // the category, not the file name, says the kind here
        m.withLogTenantId(logTenant);
        dialect = AzureMonitor.FORMAT.dialect(category);
        return m;
    }

    /** A scalar as {@code Json.text} reads it: null when null or empty. */
    private static String envelopeText(JsonParser p, JsonToken t) throws IOException, TreePath {
        if (t == JsonToken.VALUE_NULL) return null;
        if (t != JsonToken.VALUE_STRING) throw TREE;
        String s = p.getText();
        return s.isEmpty() ? null : s;
    }

    /** The same decisions as {@link SignInMapper} takes from the tree, on the values read. */
    private SignIn build(String hint, String file, Position at) throws TreePath {
        if (id == null || created == null || !errorCodeGiven) throw TREE; // no outcome: the tree refuses it, with its message
        Instant when = isoUtc(created);
        if (when == null) when = Dates.parse(created);
        if (when == null) throw TREE;
        // GraphJson.applyHint: the file name says what kind of sign-ins it holds when the record does not
        if (hint != null && !eventTypesGiven && interactive == null) eventTypes.add(hint.toLowerCase(Locale.ROOT));
        boolean workload = workload();
        if (appId == null && !workload) throw TREE;
        String req = requirement == null ? null : requirement(requirement);
        SignIn s = new SignIn(id, when, userId, upn, userType == null ? null : canonical("signInUserType", userType), appId,
                appName, homeTenant, resourceTenant, workload, req, providers, steps, errorCode, additional,
                protocol == null ? null : canonical("protocolType", protocol), file, at.index(), at.line());
        s.withResourceId(resourceId); // ResourceIdentity (Log Analytics) sends a record to the tree path
        s.setKind(kind(workload).code());
        return s;
    }

    /** The member of the two requirement values the text stands for, as SignInMapper reads it (cached: one regex per value, not per record). */
    private String requirement(String text) {
        String key = "requirement\u0000" + text;
        String c = canonical.get(key);
        if (c == null) {
            c = text;
            String k = text.replaceAll("[^A-Za-z]", "").toLowerCase(Locale.ROOT);
            for (String member : REQUIREMENTS) {
                if (member.toLowerCase(Locale.ROOT).equals(k)) c = member;
            }
            if (canonical.size() < MAX_CACHED_NAMES) canonical.put(key, c);
        }
        return c;
    }

    /**
     * Graph's own form, {@code 2025-11-27T23:59:58Z} with up to 9 fraction digits, read without the general
     * parsers of {@link Dates} (which give the same instant, and take over for every other form: null here).
     */
    static Instant isoUtc(String t) {
        int n = t.length();
        if (n < 20 || t.charAt(n - 1) != 'Z' || t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(10) != 'T'
                || t.charAt(13) != ':' || t.charAt(16) != ':') return null;
        int year = digits(t, 0, 4), month = digits(t, 5, 7), day = digits(t, 8, 10);
        int hour = digits(t, 11, 13), minute = digits(t, 14, 16), second = digits(t, 17, 19);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) return null;
        int nanos = 0;
        if (n > 20) {
            int fraction = n - 21;
            if (t.charAt(19) != '.' || fraction < 1 || fraction > 9) return null;
            int f = digits(t, 20, n - 1);
            if (f < 0) return null;
            nanos = f;
            for (int i = fraction; i < 9; i++) nanos *= 10;
        }
        try {
            return java.time.LocalDateTime.of(year, month, day, hour, minute, second, nanos).toInstant(java.time.ZoneOffset.UTC);
        } catch (java.time.DateTimeException e) {
            return null; // 2025-02-30 and the like: Dates decides
        }
    }

    private static int digits(String t, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') return -1;
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private boolean workload() {
        if (eventTypes.contains("serviceprincipal") || eventTypes.contains("managedidentity")) return true;
        if (eventTypes.contains("interactiveuser") || eventTypes.contains("noninteractiveuser")) return false;
        if (msiType != null && !canonical("msiType", msiType).equals("none")) return true;
        if (agentNonEmpty && agentType != null && !"notAgentic".equalsIgnoreCase(agentType)) return true;
        return userId == null && spId != null;
    }

    private SignInKind kind(boolean workload) {
        if (workload) return SignInKind.WORKLOAD;
        if (eventTypes.contains("interactiveuser")) return SignInKind.INTERACTIVE;
        if (eventTypes.contains("noninteractiveuser")) return SignInKind.NON_INTERACTIVE;
        if (interactive == null) return SignInKind.USER;
        return interactive ? SignInKind.INTERACTIVE : SignInKind.NON_INTERACTIVE;
    }
}
