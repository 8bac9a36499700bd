package io.github.mfaeval.load.signin;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.mfaeval.load.text.Position;
import io.github.mfaeval.model.SignIn;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The Graph dialect's token-stream fast path ({@link GraphSignInParser}) against its reference, the tree mapping of
 * {@link SignInFormats} and {@link SignInMapper}: for records of every shape the two may meet (fields missing, null,
 * of the wrong type, in another case, repeated; PowerShell stand-ins; dates in every form; Azure Monitor envelopes),
 * whatever the fast path takes, the tree maps to a fact equal in every field, with the same kind and dialect.
 */
class GraphFastPathPropertyTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonFactory FACTORY = new JsonFactory();
    /** One parser for all tries, as a reading thread has: its name caches are part of what is tested. */
    private static final GraphSignInParser PARSER = new GraphSignInParser();
    private static final Position AT = new Position(3, 7);

    /** A generated record: its JSON text, the file name's hint, and whether it is an Azure Monitor envelope. */
    record Generated(String json, String hint, boolean envelope) {
        @Override
        public String toString() {
            return (envelope ? "envelope " : "") + "hint=" + hint + " " + json;
        }
    }

    @Property(tries = 3000, seed = "28")
    void whatTheTokenPathTakesTheTreeMapsToTheSameFact(@ForAll("records") Generated g) throws Exception {
        SignIn fast;
        try (JsonParser p = FACTORY.createParser(g.json().getBytes(StandardCharsets.UTF_8))) {
            p.nextToken();
            fast = g.envelope() ? PARSER.readEnvelope(p, g.hint(), "f.json", AT) : PARSER.read(p, g.hint(), "f.json", AT, true);
        }
        Statistics.label("token path").collect(fast != null ? "taken" : "left to the tree");
        Statistics.label("token path").coverage(c -> {
            c.check("taken").percentage(p -> p > 15);
            c.check("left to the tree").percentage(p -> p > 15);
        });
        if (fast == null) return;
        GraphRecord shaped = SignInFormats.graphShape(MAPPER.readTree(g.json()), g.hint());
        SignIn tree = shaped.format().signIn(shaped, "f.json", AT); // a BadRecord here fails the property
        assertEquals(fields(tree), fields(fast), g.toString());
        assertEquals(shaped.dialect(), PARSER.dialect(), g.toString());
    }

    /** Every field of the fact, by reflection (a field added to SignIn is compared without a change here), its kind too. */
    static String fields(SignIn m) throws IllegalAccessException {
        return render(m);
    }

    private static String render(Object o) throws IllegalAccessException {
        if (o == null) return "null";
        if (o instanceof Collection<?> c) {
            List<String> parts = new ArrayList<>();
            for (Object e : c) parts.add(render(e)); // in iteration order: the order of providers and steps is compared too
            return parts.toString();
        }
        if (!(o instanceof SignIn) && !(o instanceof io.github.mfaeval.model.AuthStep)) return String.valueOf(o);
        StringBuilder b = new StringBuilder(o.getClass().getSimpleName()).append('{');
        for (Field f : o.getClass().getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers())) continue;
            f.setAccessible(true);
            b.append(f.getName()).append('=').append(render(f.get(o))).append("; ");
        }
        return b.append('}').toString();
    }

    @Provide
    Arbitrary<Generated> records() {
        return Arbitraries.randomValue(GraphFastPathPropertyTest::generate);
    }

    // ---- the generator ----

    private static final String[] HINTS = {null, "interactiveUser", "nonInteractiveUser", "servicePrincipal", "managedIdentity"};
    private static final String[] STAND_INS = {"System.Object[]", "Microsoft.Graph.PowerShell.Models.MicrosoftGraphSignInStatus",
            "@{ErrorCode=0; AdditionalDetails=}"};
    private static final String[] DATES = {"2025-11-27T23:59:58Z", "2025-11-27T23:59:58.1Z", "2025-11-27T23:59:58.1234567Z",
            "2024-02-29T00:00:00.000000001Z", "2025-11-27T23:59:58+01:00", "2025-02-30T00:00:00Z", "/Date(1732089600000)/",
            "11/27/2025 11:59:58 PM", "2025-11-27 23:59:58Z", "yesterday", "", " 2025-11-27T23:59:58Z "};
    private static final String[] USER_TYPES = {"member", "guest", "Member", "GUEST", "unknownFutureValue", " guest ", "other"};
    private static final String[] REQUIREMENTS = {"singleFactorAuthentication", "multiFactorAuthentication",
            "Multifactor authentication", "Single-factor authentication", "other"};
    private static final String[] PROTOCOLS = {"none", "oAuth2", "ropc", "wsFederation", "saml20", "deviceCode", "OAuth2", "x"};
    private static final String[] PROVIDERS = {"user", "request", "servicePrincipal", "v1ConditionalAccess",
            "multiConditionalAccess", "tenantSessionRiskPolicy", "accountCompromisePolicies", "unknownFutureValue", "User", "x"};
    private static final String[] EVENT_TYPES = {"interactiveUser", "nonInteractiveUser", "servicePrincipal", "managedIdentity",
            "InteractiveUser", "unknownFutureValue"};
    private static final String[] MSI_TYPES = {"none", "systemAssigned", "userAssigned", "SystemAssigned", "None", "x"};
    private static final String[] AGENT_TYPES = {"notAgentic", "agenticAppInstance", "NotAgentic", "agentIdentity"};
    private static final String[] CATEGORIES = {"SignInLogs", "NonInteractiveUserSignInLogs", "ServicePrincipalSignInLogs",
            "ManagedIdentitySignInLogs", "AuditLogs"};

    /** Half the records are clean (values of the types Graph gives), so that the fast path takes a good share of them. */
    private static final ThreadLocal<Boolean> CLEAN = ThreadLocal.withInitial(() -> false);

    /** True, one time in {@code n}, for a choice that is out of the ordinary (never in a clean record). */
    private static boolean odd(Random r, int n) {
        return !CLEAN.get() && r.nextInt(n) == 0;
    }

    /** One of the ordinary values, or (not in a clean record, one time in three) one of the odd ones. */
    private static String either(Random r, String[] ordinary, String... odd) {
        return odd(r, 3) ? pick(r, odd) : pick(r, ordinary);
    }

    static Generated generate(Random r) {
        CLEAN.set(r.nextBoolean());
        String hint = pick(r, HINTS);
        String record = record(r);
        if (r.nextInt(4) != 0) return new Generated(record, hint, false);
        List<String> env = new ArrayList<>();
        field(r, env, 0.7, "time", quoted(pick(r, DATES)));
        field(r, env, 0.8, "category", odd(r, 8) ? "null" : quoted(pick(r, CATEGORIES)));
        field(r, env, 0.6, "operationName", quoted("Sign-in activity"));
        field(r, env, 0.6, "tenantId", odd(r, 6) ? "null" : quoted(guid(r)));
        field(r, env, 0.5, "resultType", either(r, new String[]{"\"0\"", "\"50074\"", "0", "50074", "null"}, "\"x\"", "\" \"", "1.5", "{}"));
        field(r, env, 0.95, "properties", odd(r, 12) ? quoted("{}") : record);
        field(r, env, 0.3, "resourceId", quoted("/tenants/" + guid(r) + "/providers/Microsoft.aadiam"));
        if (odd(r, 20)) env.add("\"Category\":" + quoted(pick(r, CATEGORIES)));
        Collections.shuffle(env, r);
        return new Generated("{" + String.join(",", env) + "}", hint, true);
    }

    private static String record(Random r) {
        List<String> f = new ArrayList<>();
        field(r, f, 0.95, "id", odd(r, 10) ? text(r) : quoted(guid(r)));
        field(r, f, 0.95, "createdDateTime", odd(r, 10) ? text(r) : quoted(pick(r, DATES)));
        field(r, f, 0.8, "userId", odd(r, 4) ? text(r) : quoted(guid(r)));
        field(r, f, 0.7, "userPrincipalName", text(r));
        field(r, f, 0.7, "userType", odd(r, 4) ? text(r) : quoted(pick(r, USER_TYPES)));
        field(r, f, 0.9, "appId", odd(r, 5) ? text(r) : quoted(guid(r)));
        field(r, f, 0.6, "appDisplayName", text(r));
        field(r, f, 0.5, "homeTenantId", quoted(guid(r)));
        field(r, f, 0.5, "resourceTenantId", quoted(guid(r)));
        field(r, f, 0.7, "authenticationRequirement", odd(r, 5) ? text(r) : quoted(pick(r, REQUIREMENTS)));
        field(r, f, 0.5, "authenticationProtocol", quoted(pick(r, PROTOCOLS)));
        field(r, f, 0.4, "resourceId", odd(r, 3) ? text(r) : quoted(r.nextBoolean() ? guid(r) : guid(r).toUpperCase()));
        field(r, f, 0.3, "servicePrincipalId", odd(r, 3) ? text(r) : quoted(guid(r)));
        field(r, f, 0.6, "authenticationRequirementPolicies", policies(r));
        field(r, f, 0.6, "authenticationDetails", details(r));
        field(r, f, 0.8, "status", status(r));
        field(r, f, 0.6, "signInEventTypes", eventTypes(r));
        field(r, f, 0.4, "isInteractive", either(r, new String[]{"true", "false", "null"}, "\"true\"", "\"yes\"", "1"));
        field(r, f, 0.3, "managedServiceIdentity", odd(r, 5) ? oneOf(r, "null", "{}", "\"x\"")
                : "{\"msiType\":" + quoted(pick(r, MSI_TYPES)) + ",\"associatedResourceId\":\"r\"}");
        field(r, f, 0.3, "agent", either(r, new String[]{"null", "{}", "{\"agentType\":" + quoted(pick(r, AGENT_TYPES)) + "}",
                "{\"agentType\":null,\"agentSubjectType\":\"x\"}"}, "{\"agentType\":7}"));
        // fields the rules do not read, skipped unread
        field(r, f, 0.5, "ipAddress", quoted("10.0.0." + r.nextInt(256)));
        field(r, f, 0.4, "location", "{\"city\":\"Oslo\",\"geoCoordinates\":{\"latitude\":59.9}}");
        field(r, f, 0.3, "mfaDetail", oneOf(r, "null", "{}", "{\"authMethod\":\"PhoneAppNotification\"}"));
        // what sends a record to the tree: a name of ours in another case, a repeat, another dialect's names
        if (odd(r, 15)) f.add("\"UserId\":" + quoted(guid(r)));
        if (odd(r, 15)) f.add("\"id\":" + quoted(guid(r)));
        if (odd(r, 25)) f.add(oneOf(r, "\"TimeGenerated\":\"2025-11-27T23:59:58Z\"", "\"AdditionalProperties\":{}",
                "\"Type\":\"SigninLogs\"", "\"@odata.type\":\"#microsoft.graph.signIn\""));
        Collections.shuffle(f, r);
        if (odd(r, 30) && !f.isEmpty()) {
            // PowerShell's PascalCase names: another dialect
            String first = f.get(0);
            f.set(0, "\"" + Character.toUpperCase(first.charAt(1)) + first.substring(2));
        }
        return "{" + String.join(",", f) + "}";
    }

    private static String policies(Random r) {
        if (odd(r, 6)) return oneOf(r, "null", "[]", "\"x\"", "{}");
        List<String> items = new ArrayList<>();
        for (int i = r.nextInt(4); i > 0; i--) {
            if (odd(r, 15)) {
                items.add(oneOf(r, "\"user\"", "null", "7"));
                continue;
            }
            List<String> p = new ArrayList<>();
            field(r, p, 0.9, "requirementProvider", odd(r, 8) ? text(r) : quoted(pick(r, PROVIDERS)));
            field(r, p, 0.5, "detail", quoted("x"));
            if (odd(r, 20)) p.add("\"RequirementProvider\":\"user\"");
            items.add("{" + String.join(",", p) + "}");
        }
        return items.toString();
    }

    private static String details(Random r) {
        if (odd(r, 6)) return oneOf(r, "null", "[]", "\"x\"", quoted(pick(r, STAND_INS)));
        List<String> items = new ArrayList<>();
        for (int i = r.nextInt(4); i > 0; i--) {
            if (odd(r, 20)) {
                items.add(oneOf(r, quoted(pick(r, STAND_INS)), "null", "\"x\""));
                continue;
            }
            List<String> d = new ArrayList<>();
            field(r, d, 0.9, "authenticationMethod", odd(r, 5) ? text(r) : quoted(oneOf(r, "Password", "Mobile app notification",
                    "FIDO2 security key", "Previously satisfied")));
            field(r, d, 0.9, "succeeded", either(r, new String[]{"true", "false", "null"}, "\"true\"", "\"False\"", "1"));
            field(r, d, 0.6, "authenticationStepRequirement", text(r));
            field(r, d, 0.6, "authenticationStepResultDetail", odd(r, 3) ? text(r)
                    : quoted(oneOf(r, "MFA successfully completed", "MFA requirement satisfied by claim in the token")));
            field(r, d, 0.4, "authenticationStepDateTime", quoted(pick(r, DATES)));
            if (odd(r, 25)) d.add("\"Succeeded\":true");
            if (odd(r, 25)) d.add("\"succeeded\":false");
            items.add("{" + String.join(",", d) + "}");
        }
        return items.toString();
    }

    private static String status(Random r) {
        if (odd(r, 8)) return oneOf(r, "null", "\"x\"", "{}", "[]", quoted(pick(r, STAND_INS)));
        List<String> s = new ArrayList<>();
        field(r, s, 0.9, "errorCode", either(r, new String[]{"0", "0", "50074", "-1", "null"}, "\"0\"", "1.5", "2147483648", "\" 50074 \""));
        field(r, s, 0.5, "additionalDetails", text(r));
        field(r, s, 0.4, "failureReason", quoted("Other."));
        if (odd(r, 25)) s.add("\"ErrorCode\":0");
        return "{" + String.join(",", s) + "}";
    }

    private static String eventTypes(Random r) {
        if (odd(r, 6)) return oneOf(r, "null", "[]", "\"interactiveUser\"", "\"\"", "{}");
        List<String> items = new ArrayList<>();
        for (int i = 1 + r.nextInt(2); i > 0; i--) items.add(odd(r, 15) ? oneOf(r, "null", "\" \"", "7") : quoted(pick(r, EVENT_TYPES)));
        return items.toString();
    }

    /** A scalar of any type the record might hold where text is expected. */
    private static String text(Random r) {
        return switch (CLEAN.get() ? 7 + r.nextInt(5) : r.nextInt(12)) {
            case 0 -> "null";
            case 1 -> quoted("");
            case 2 -> quoted("   ");
            case 3 -> quoted(pick(r, STAND_INS));
            case 4 -> "7";
            case 5 -> "true";
            case 6 -> "{}";
            case 7 -> quoted(" padded ");
            case 8 -> quoted("Üñíçødé \\u00e9");
            default -> quoted("t" + r.nextInt(1000));
        };
    }

    private static void field(Random r, List<String> fields, double p, String name, String value) {
        if (r.nextDouble() < p) fields.add(quoted(name) + ":" + value);
    }

    private static String guid(Random r) {
        return String.format("%08x-%04x-%04x-%04x-%012x", r.nextInt(), r.nextInt(0x10000), r.nextInt(0x10000), r.nextInt(0x10000),
                r.nextLong() & 0xffffffffffffL);
    }

    private static String quoted(String s) {
        return "\"" + s.replace("\"", "\\\"") + "\"";
    }

    @SafeVarargs
    private static <T> T oneOf(Random r, T... values) {
        return values[r.nextInt(values.length)];
    }

    private static <T> T pick(Random r, T[] values) {
        return values[r.nextInt(values.length)];
    }
}
