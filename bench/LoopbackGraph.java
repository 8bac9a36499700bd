import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A throttle-faithful Microsoft Graph on 127.0.0.1 for bench/collect.sh (JDK only; run as
 * {@code java bench/LoopbackGraph.java ...}). It serves one synthetic tenant of {@code --users} users and
 * {@code --sign-ins} sign-ins per 30 days, spread evenly up to {@code --end} plus one more day (what a nightly run
 * finds the next day), newest first, in pages of 1,000, honouring the sign-in {@code $filter} as Graph does
 * (createdDateTime ge/lt, the event type, appId eq, several joined by or; anything else is a 400).
 * About {@code --listed-share} of the sign-ins go to the applications the rules list.
 *
 * <p>It enforces Graph's reports API limit (5 requests per 10 seconds per tenant; 429 with Retry-After beyond),
 * every window divided by {@code --time-scale}, so a benchmark runs the real limits faster. Sign-ins are made from
 * their index on demand: the server holds no record. {@code GET /bench/stats} gives its counters; {@code POST
 * /bench/reset} zeroes them. Prints "port N" once listening.
 */
public final class LoopbackGraph {
    static final String TENANT = "5f1c8a2e-7b3d-4c1e-9a0f-2d6b8e4c1a90";
    static final String[] LISTED = {"c44b4083-3bb0-49c1-b47d-974e53cbdf3c", "04b07795-8ddb-461a-bbee-02f9e1bf7b46",
            "1950a258-227b-4e31-a9cf-717495945fc2", "0c1307d4-29d6-4389-a11c-5cbe7f65d7fa", "00000006-0000-0ff1-ce00-000000000000"};
    static final String[] OTHER = {"00000002-0000-0ff1-ce00-000000000000", "1fec8e78-bce4-4aaf-ab1b-5451cc387264",
            "d3590ed6-52b3-4102-aeff-aad2292ab01c", "4765445b-32c6-49b0-83e6-1d93765276ca", "57fb890c-0dab-4253-a5e0-7188c88b2bb4",
            "26a7ee05-5602-4d76-a7ba-eae8b7b67941", "0ec893e0-5785-4de6-99da-4ed124e5296c"};
    static final String[] KINDS = {"interactiveUser", "nonInteractiveUser", "servicePrincipal", "managedIdentity"};
    static final int PAGE = 1000;
    static final Pattern GE = Pattern.compile("createdDateTime ge (\\S+)");
    static final Pattern LT = Pattern.compile("createdDateTime lt (\\S+)");
    static final Pattern KIND = Pattern.compile("signInEventTypes/any\\(t: t eq '(\\w+)'\\)");
    static final Pattern APP = Pattern.compile("appId eq '([^']+)'");

    final int users;
    final long total;
    final long endMillis;
    final double stepMillis;
    final double listedShare;
    final long windowMillis;
    final int limit;
    final ArrayDeque<Long> recent = new ArrayDeque<>();
    final AtomicLong reports = new AtomicLong();
    final AtomicLong others = new AtomicLong();
    final AtomicLong throttled = new AtomicLong();
    final AtomicLong signInsServed = new AtomicLong();
    final AtomicLong signInPages = new AtomicLong();
    String base;

    LoopbackGraph(int users, long perThirtyDays, Instant end, double listedShare, double timeScale, int limit) {
        this.users = users;
        this.stepMillis = Duration.ofDays(30).toMillis() / (double) perThirtyDays;
        // one day more than the window: the nightly run's new day
        this.endMillis = end.plus(Duration.ofDays(1)).toEpochMilli();
        this.total = (long) Math.ceil(Duration.ofDays(31).toMillis() / stepMillis);
        this.listedShare = listedShare;
        this.windowMillis = (long) (10_000 / timeScale);
        this.limit = limit;
    }

    public static void main(String[] args) throws Exception {
        int users = 50_000;
        long signIns = 2_000_000;
        Instant end = Instant.parse("2026-12-01T00:00:00Z");
        double share = 0.02;
        double scale = 1;
        int limit = 5;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--users" -> users = Integer.parseInt(args[++i]);
                case "--sign-ins" -> signIns = Long.parseLong(args[++i]);
                case "--end" -> end = Instant.parse(args[++i]);
                case "--listed-share" -> share = Double.parseDouble(args[++i]);
                case "--time-scale" -> scale = Double.parseDouble(args[++i]);
                case "--limit" -> limit = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        LoopbackGraph g = new LoopbackGraph(users, signIns, end, share, scale, limit);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        g.base = "http://127.0.0.1:" + server.getAddress().getPort();
        server.createContext("/", g::handle);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.start();
        System.out.println("port " + server.getAddress().getPort());
        System.out.flush();
    }

    // --- the synthetic tenant, made from indexes ------------------------------------------------------------------

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    long timeOf(long i) {
        return endMillis - (long) ((i + 0.5) * stepMillis);
    }

    int kindOf(long i) {
        int x = (int) Math.floorMod(mix(i * 31 + 7), 100);
        return x < 30 ? 0 : x < 85 ? 1 : x < 97 ? 2 : 3;
    }

    /** Index into LISTED (0..4), or -1 - index into OTHER. Only user sign-ins go to listed applications. */
    int appOf(long i) {
        long h = mix(i * 131 + 3);
        if (kindOf(i) <= 1 && (h >>> 11) / (double) (1L << 53) < listedShare / 0.85) return (int) Math.floorMod(h, LISTED.length);
        return -1 - (int) Math.floorMod(h >>> 7, OTHER.length);
    }

    String appId(int app) {
        return app >= 0 ? LISTED[app] : OTHER[-1 - app];
    }

    static String uuid(long a, long b) {
        String h = String.format(Locale.ROOT, "%016x%016x", a, b);
        return h.substring(0, 8) + "-" + h.substring(8, 12) + "-4" + h.substring(13, 16) + "-8" + h.substring(17, 20) + "-" + h.substring(20, 32);
    }

    String userId(int u) {
        return uuid(mix(u + 11L), mix(u + 13L));
    }

    void signIn(StringBuilder b, long i) {
        int kind = kindOf(i);
        int app = appOf(i);
        long h = mix(i + 99);
        boolean user = kind <= 1;
        int u = (int) Math.floorMod(h, users);
        String t = Instant.ofEpochMilli(timeOf(i)).toString();
        b.append("{\"id\":\"").append(uuid(mix(i), mix(~i))).append("\",\"createdDateTime\":\"").append(t)
                .append("\",\"userId\":\"").append(user ? userId(u) : "").append("\",\"userPrincipalName\":\"").append(user ? "user" + u + "@bench.example" : "")
                .append("\",\"appId\":\"").append(appId(app)).append("\",\"appDisplayName\":\"App ").append(app)
                .append("\",\"resourceId\":\"797f4846-ba00-4fd7-ba43-dac1f8f63013\",\"resourceDisplayName\":\"Windows Azure Service Management API\"")
                .append(",\"ipAddress\":\"203.0.113.").append(Math.floorMod(h >>> 9, 200)).append("\",\"clientAppUsed\":\"Browser\"")
                .append(",\"isInteractive\":").append(kind == 0).append(",\"signInEventTypes\":[\"").append(KINDS[kind]).append("\"]")
                .append(",\"servicePrincipalId\":\"").append(user ? "" : uuid(mix(app + 5L), mix(app + 6L))).append('"')
                .append(",\"conditionalAccessStatus\":\"notApplied\",\"authenticationRequirement\":\"")
                .append((h & 3) == 0 ? "multiFactorAuthentication" : "singleFactorAuthentication").append('"')
                .append(",\"status\":{\"errorCode\":0,\"failureReason\":\"Other.\"}")
                .append(",\"authenticationDetails\":[{\"authenticationStepDateTime\":\"").append(t)
                .append("\",\"authenticationMethod\":\"Password\",\"succeeded\":true,\"authenticationStepResultDetail\":\"Correct password\",")
                .append("\"authenticationStepRequirement\":\"Primary authentication\"}]")
                .append(",\"userType\":\"member\",\"homeTenantId\":\"").append(TENANT).append("\",\"resourceTenantId\":\"").append(TENANT).append("\"}");
    }

    // --- HTTP -------------------------------------------------------------------------------------------------------

    void handle(HttpExchange x) throws IOException {
        try (x) {
            String path = x.getRequestURI().getRawPath();
            String query = x.getRequestURI().getRawQuery();
            if (path.startsWith("/bench/")) {
                if (path.equals("/bench/reset")) {
                    reports.set(0);
                    others.set(0);
                    throttled.set(0);
                    signInsServed.set(0);
                    signInPages.set(0);
                }
                send(x, 200, "{\"reportsRequests\":" + reports + ",\"otherRequests\":" + others + ",\"throttled\":" + throttled
                        + ",\"signInsServed\":" + signInsServed + ",\"signInPages\":" + signInPages + "}");
                return;
            }
            boolean isReports = path.contains("/auditLogs/") || path.contains("/reports/");
            if (isReports) {
                reports.incrementAndGet();
                Long wait = throttle();
                if (wait != null) {
                    throttled.incrementAndGet();
                    x.getResponseHeaders().add("Retry-After", String.valueOf(Math.max(1, (wait + 999) / 1000)));
                    send(x, 429, "{\"error\":{\"code\":\"TooManyRequests\",\"message\":\"Too many requests.\"}}");
                    return;
                }
            } else {
                others.incrementAndGet();
            }
            switch (path) {
                case "/beta/auditLogs/signIns" -> signIns(x, param(query, "$filter"), param(query, "$skiptoken"));
                case "/v1.0/organization" -> send(x, 200, "{\"value\":[{\"id\":\"" + TENANT + "\",\"displayName\":\"Bench tenant\",\"verifiedDomains\":[{\"name\":\"bench.example\",\"isDefault\":true}]}]}");
                case "/v1.0/subscribedSkus" -> send(x, 200, "{\"value\":[{\"capabilityStatus\":\"Enabled\",\"skuPartNumber\":\"EMSPREMIUM\","
                        + "\"prepaidUnits\":{\"enabled\":" + users + "},\"servicePlans\":[{\"servicePlanName\":\"AAD_PREMIUM\",\"provisioningStatus\":\"Success\"},"
                        + "{\"servicePlanName\":\"AAD_PREMIUM_P2\",\"provisioningStatus\":\"Success\"}]}]}");
                case "/v1.0/users" -> users(x, param(query, "$skiptoken"), false);
                case "/v1.0/reports/authenticationMethods/userRegistrationDetails" -> users(x, param(query, "$skiptoken"), true);
                case "/v1.0/identity/conditionalAccess/policies" -> send(x, 200, "{\"value\":[{\"id\":\"p1\",\"displayName\":\"MFA for admins\",\"state\":\"enabled\","
                        + "\"conditions\":{\"users\":{\"includeRoles\":[\"62e90394-69f5-4237-9190-012177145e10\"]},\"applications\":{\"includeApplications\":[\"All\"]}},"
                        + "\"grantControls\":{\"operator\":\"OR\",\"builtInControls\":[\"mfa\"]}}]}");
                case "/v1.0/policies/identitySecurityDefaultsEnforcementPolicy" -> send(x, 200, "{\"id\":\"00000000-0000-0000-0000-000000000005\",\"isEnabled\":false}");
                case "/beta/$batch" -> batch(x);
                case "/v1.0/domains" -> send(x, 200, "{\"value\":[{\"id\":\"bench.example\",\"authenticationType\":\"Managed\",\"isDefault\":true,\"isVerified\":true}]}");
                case "/v1.0/policies/crossTenantAccessPolicy/default" -> send(x, 200, "{\"inboundTrust\":{\"isMfaAccepted\":false}}");
                case "/v1.0/policies/crossTenantAccessPolicy/partners" -> send(x, 200, "{\"value\":[]}");
                case "/beta/policies/authenticationMethodsPolicy" -> send(x, 200, "{\"id\":\"authenticationMethodsPolicy\",\"authenticationMethodConfigurations\":[]}");
                case "/v1.0/roleManagement/directory/roleAssignments" -> send(x, 200, "{\"value\":[{\"id\":\"ra1\",\"principalId\":\"" + userId(0)
                        + "\",\"roleDefinitionId\":\"62e90394-69f5-4237-9190-012177145e10\",\"directoryScopeId\":\"/\"}]}");
                default -> send(x, 404, "{\"error\":{\"code\":\"Request_ResourceNotFound\",\"message\":\"no such resource: " + path + "\"}}");
            }
        } catch (RuntimeException e) {
            e.printStackTrace();
        }
    }

    synchronized Long throttle() {
        long now = System.currentTimeMillis();
        while (!recent.isEmpty() && recent.peekFirst() <= now - windowMillis) recent.pollFirst();
        if (recent.size() >= limit) return recent.peekFirst() + windowMillis - now;
        recent.addLast(now);
        return null;
    }

    static String param(String rawQuery, String name) {
        if (rawQuery == null) return null;
        for (String kv : rawQuery.split("&")) {
            int eq = kv.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? kv : kv.substring(0, eq), StandardCharsets.UTF_8);
            if (k.equals(name)) return eq < 0 ? "" : URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8);
        }
        return null;
    }

    static void send(HttpExchange x, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", "application/json");
        x.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(bytes);
        }
    }

    void users(HttpExchange x, String skip, boolean registration) throws IOException {
        int from = skip == null ? 0 : Integer.parseInt(skip);
        int pageSize = registration ? 1000 : 999;
        int to = Math.min(users, from + pageSize);
        StringBuilder b = new StringBuilder("{\"value\":[");
        for (int u = from; u < to; u++) {
            if (u > from) b.append(',');
            if (registration) {
                b.append("{\"id\":\"").append(userId(u)).append("\",\"userPrincipalName\":\"user").append(u).append("@bench.example\",\"isMfaRegistered\":")
                        .append(u % 5 != 0).append(",\"methodsRegistered\":[").append(u % 5 != 0 ? "\"microsoftAuthenticatorPush\"" : "").append("]}");
            } else {
                b.append("{\"id\":\"").append(userId(u)).append("\",\"userPrincipalName\":\"user").append(u).append("@bench.example\",\"userType\":\"Member\",\"accountEnabled\":true}");
            }
        }
        b.append(']');
        if (to < users) {
            b.append(",\"@odata.nextLink\":\"").append(base).append(registration ? "/v1.0/reports/authenticationMethods/userRegistrationDetails" : "/v1.0/users")
                    .append("?$skiptoken=").append(to).append('"');
        }
        send(x, 200, b.append('}').toString());
    }

    void batch(HttpExchange x) throws IOException {
        String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(body);
        StringBuilder b = new StringBuilder("{\"responses\":[");
        boolean first = true;
        while (m.find()) {
            if (!first) b.append(',');
            first = false;
            b.append("{\"id\":\"").append(m.group(1)).append("\",\"status\":200,\"body\":{\"perUserMfaState\":\"disabled\"}}");
        }
        send(x, 200, b.append("]}").toString());
    }

    /** A query's state, carried in its $skiptoken: the filter and where the next page starts. */
    record Query(int kind, Set<String> apps, long from, long to, long position) {
        String token() {
            String s = kind + "|" + String.join(",", apps) + "|" + from + "|" + to + "|" + position;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
        }

        static Query of(String token) {
            String[] p = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\\|", -1);
            Set<String> apps = new LinkedHashSet<>();
            if (!p[1].isEmpty()) apps.addAll(List.of(p[1].split(",")));
            return new Query(Integer.parseInt(p[0]), apps, Long.parseLong(p[2]), Long.parseLong(p[3]), Long.parseLong(p[4]));
        }
    }

    void signIns(HttpExchange x, String filter, String skip) throws IOException {
        Query q;
        if (skip != null) {
            q = Query.of(skip);
        } else {
            if (filter == null) {
                send(x, 400, "{\"error\":{\"code\":\"BadRequest\",\"message\":\"a $filter is required\"}}");
                return;
            }
            Matcher ge = GE.matcher(filter);
            Matcher lt = LT.matcher(filter);
            Matcher kind = KIND.matcher(filter);
            if (!ge.find() || !lt.find() || !kind.find()) {
                send(x, 400, "{\"error\":{\"code\":\"BadRequest\",\"message\":\"Invalid filter clause\"}}");
                return;
            }
            Set<String> apps = new LinkedHashSet<>();
            Matcher app = APP.matcher(filter);
            while (app.find()) apps.add(app.group(1).toLowerCase(Locale.ROOT));
            String rest = APP.matcher(KIND.matcher(LT.matcher(GE.matcher(filter).replaceAll("")).replaceAll("")).replaceAll("")).replaceAll("");
            if (!rest.replaceAll("\\b(and|or)\\b|[()\\s]", "").isEmpty()) {
                send(x, 400, "{\"error\":{\"code\":\"BadRequest\",\"message\":\"Invalid filter clause\"}}");
                return;
            }
            long from = Instant.parse(ge.group(1)).toEpochMilli();
            long to = Instant.parse(lt.group(1)).toEpochMilli();
            int k = List.of(KINDS).indexOf(kind.group(1));
            // newest first: the first index whose time is before `to`
            long start = Math.max(0, (long) Math.floor((endMillis - to) / stepMillis - 0.5));
            while (start < total && timeOf(start) >= to) start++;
            q = new Query(k, apps, from, to, start);
        }
        StringBuilder b = new StringBuilder(PAGE * 1100).append("{\"@odata.context\":\"https://graph.microsoft.com/beta/$metadata#auditLogs/signIns\",\"value\":[");
        int n = 0;
        long i = q.position();
        for (; i < total && n < PAGE; i++) {
            if (timeOf(i) < q.from()) {
                i = total;
                break;
            }
            if (kindOf(i) != q.kind()) continue;
            if (!q.apps().isEmpty() && !q.apps().contains(appId(appOf(i)))) continue;
            if (n > 0) b.append(',');
            signIn(b, i);
            n++;
        }
        b.append(']');
        // a next page unless the range is done (like Graph, the last page may be empty)
        boolean more = i < total && timeOf(i) >= q.from();
        if (more) {
            Query next = new Query(q.kind(), q.apps(), q.from(), q.to(), i);
            b.append(",\"@odata.nextLink\":\"").append(base).append("/beta/auditLogs/signIns?$skiptoken=").append(next.token()).append('"');
        }
        signInsServed.addAndGet(n);
        signInPages.incrementAndGet();
        send(x, 200, b.append('}').toString());
    }
}
