package io.github.mfaeval.collect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One REST API (Microsoft Graph or Azure Resource Manager) at one endpoint: sends requests with a bearer
 * token, retries throttling and transient faults ({@link RetryPolicy}), gets a fresh token once when one is
 * refused (401), and follows paging links. Requests only ever go to the endpoint's own scheme, host and port:
 * a paging link elsewhere is refused, so a token is never sent to another host.
 */
public final class Api {
    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int ERROR_BODY_LIMIT = 4096;

    /** Graph pages carry {@code @odata.nextLink}; ARM pages {@code nextLink}. */
    public enum Paging {
        GRAPH("@odata.nextLink"), ARM("nextLink");

        final String field;

        Paging(String field) {
            this.field = field;
        }
    }

    private final HttpClient http;
    private final URI endpoint;
    private final TokenSource tokens;
    private final Audience audience;
    private final RetryPolicy retry;
    private final Consumer<String> log;
    private final Clock clock;
    private long retries;
    private long requests;
    private long throttled;
    /** Paces requests to the reports APIs (null: not paced). */
    private volatile Pacing.Gate reportsGate;

    public Api(HttpClient http, Audience audience, String endpoint, TokenSource tokens, RetryPolicy retry, Consumer<String> log) {
        this(http, audience, endpoint, tokens, retry, log, Clock.systemUTC());
    }

    Api(HttpClient http, Audience audience, String endpoint, TokenSource tokens, RetryPolicy retry, Consumer<String> log, Clock clock) {
        this.http = http;
        this.audience = audience;
        this.endpoint = URI.create(trimSlash(endpoint));
        this.tokens = tokens;
        this.retry = retry;
        this.log = log;
        this.clock = clock;
    }

    static String trimSlash(String url) {
        String u = url.trim();
        while (u.endsWith("/")) u = u.substring(0, u.length() - 1);
        return u;
    }

    public String endpoint() {
        return endpoint.toString();
    }

    /** Requests retried so far (throttling, transient faults, refused tokens). */
    public synchronized long retries() {
        return retries;
    }

    /** Requests to the reports APIs (sign-ins, authentication methods reports) wait for {@code gate}'s limits. */
    public void pace(Pacing.Gate gate) {
        this.reportsGate = gate;
    }

    /** Requests sent so far, retries included. */
    public synchronized long requests() {
        return requests;
    }

    /** Answers HTTP 429 (throttled) so far. */
    public synchronized long throttled() {
        return throttled;
    }

    /** {@code path} below the endpoint ("/v1.0/users?$top=999"); query values must be encoded already. */
    public String url(String path) {
        return endpoint + path;
    }

    public JsonNode get(String url) throws ApiException, AuthException {
        return send("GET", url, null);
    }

    public JsonNode post(String url, JsonNode body) throws ApiException, AuthException {
        return send("POST", url, body);
    }

    /**
     * Calls {@code page} with the {@code value} array of every page, following the paging link as the
     * service gives it. A link that is not a URL of this endpoint, or that leads back to a page already read,
     * is an error naming the endpoint (reading on would send the token elsewhere or never end).
     */
    public void pages(String firstUrl, Paging paging, PageConsumer page) throws ApiException, AuthException, IOException {
        String url = firstUrl;
        Set<String> seen = new HashSet<>();
        String name = describe("GET", firstUrl);
        RequestLimits limits = retry.limits();
        int emptyInARow = 0;
        while (url != null) {
            if (!seen.add(url)) {
                throw new ApiException(0, name, null, "the paging link (" + paging.field + ") leads back to a page already read; "
                        + "the service's paging is broken, stopped after " + (seen.size()) + " page(s)");
            }
            if (seen.size() > limits.maxPages()) {
                throw new ApiException(0, name, null, "more than " + limits.maxPages() + " pages (--max-pages), each with a new paging link ("
                        + paging.field + "): taken as endless paging, stopped; no tenant holds that much in one list");
            }
            JsonNode body = get(url);
            JsonNode value = body == null ? null : body.get("value");
            if (value == null || !value.isArray()) {
                throw new ApiException(0, name, null, "a page without a \"value\" array");
            }
            emptyInARow = value.isEmpty() ? emptyInARow + 1 : 0;
            if (emptyInARow >= limits.maxEmptyPages() && hasNext(body, paging)) {
                throw new ApiException(0, name, null, emptyInARow + " empty pages in a row (--max-empty-pages), each with a new paging link ("
                        + paging.field + "): taken as endless paging, stopped after " + seen.size() + " page(s)");
            }
            page.accept(value);
            JsonNode next = body.get(paging.field);
            url = next == null || next.isNull() || next.asText().isEmpty() ? null : checkNextLink(name, paging, next.asText());
        }
    }

    private static boolean hasNext(JsonNode body, Paging paging) {
        JsonNode next = body.get(paging.field);
        return next != null && !next.isNull() && !next.asText().isEmpty();
    }

    @FunctionalInterface
    public interface PageConsumer {
        void accept(JsonNode values) throws IOException;
    }

    private String checkNextLink(String name, Paging paging, String link) throws ApiException {
        URI next;
        try {
            next = new URI(link);
        } catch (URISyntaxException e) {
            throw new ApiException(0, name, null, "the paging link (" + paging.field + ") is not a URL: " + e.getMessage());
        }
        if (!next.isAbsolute() || next.getScheme() == null
                || !next.getScheme().equalsIgnoreCase(endpoint.getScheme())
                || next.getHost() == null || !next.getHost().equalsIgnoreCase(endpoint.getHost())
                || port(next) != port(endpoint)) {
            throw new ApiException(0, name, null, "the paging link (" + paging.field + ") does not point to " + endpoint
                    + " (it points to " + (next.getHost() == null ? "no host" : next.getScheme() + "://" + next.getHost() + ":" + port(next))
                    + "); not followed, so the token goes nowhere else");
        }
        return link;
    }

    private static int port(URI u) {
        if (u.getPort() >= 0) return u.getPort();
        return "http".equalsIgnoreCase(u.getScheme()) ? 80 : 443;
    }

    /** "GET /beta/auditLogs/signIns": the endpoint without its query, for messages. */
    static String describe(String method, String url) {
        try {
            URI u = new URI(url);
            return method + " " + (u.getRawPath() == null ? url : u.getRawPath());
        } catch (URISyntaxException e) {
            int q = url.indexOf('?');
            return method + " " + (q < 0 ? url : url.substring(0, q));
        }
    }

    private JsonNode send(String method, String url, JsonNode body) throws ApiException, AuthException {
        String name = describe(method, url);
        RequestLimits limits = retry.limits();
        boolean refreshed = false;
        int attempt = 0;
        while (true) {
            String token = tokens.token(audience, refreshed);
            Redaction.hold(token);
            HttpRequest.Builder rb = HttpRequest.newBuilder(URI.create(url))
                    // until the headers; the body is bounded by BoundedExchange
                    .timeout(limits.deadline())
                    .header("Authorization", "Bearer " + token)
                    .header("Accept", "application/json")
                    .header("User-Agent", "mfa-eval-collect");
            if (body != null) {
                rb.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofByteArray(toBytes(body)));
            } else {
                rb.method(method, HttpRequest.BodyPublishers.noBody());
            }
            Pacing.Gate gate = reportsGate != null && Pacing.isReportsApi(url) ? reportsGate : null;
            if (gate != null) {
                try {
                    gate.acquire();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ApiException(0, name, null, "interrupted");
                }
            }
            try {
                synchronized (this) {
                    requests++;
                }
                BoundedExchange.Answer response;
                try {
                    response = BoundedExchange.send(http, rb.build(), limits, ERROR_BODY_LIMIT);
                } catch (BoundedExchange.TimedOut e) {
                    // not retried: a server that trickles or stalls does it again, and the night is not its to take
                    throw new ApiException(0, name, null, e.getMessage() + "; not retried, the next file is collected");
                } catch (IOException e) {
                    String why = BoundedExchange.describe(e, URI.create(url));
                    boolean tooLarge = BoundedExchange.tooLarge(e) != null;
                    if (!tooLarge && attempt < retry.maxRetries()) {
                        attempt++;
                        gate = released(gate);
                        pause(name, why, attempt, null);
                        continue;
                    }
                    throw new ApiException(0, name, null, why + (tooLarge ? "" : " (gave up after " + (attempt + 1) + " attempt(s))"));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ApiException(0, name, null, "interrupted");
                }
                int status = response.status();
                if (status >= 200 && status < 300) {
                    if (status == 204) return null;
                    if (response.isHtml()) {
                        throw new ApiException(status, name, null, "the server answered HTML, not JSON (a sign-in page, a proxy's or a portal's page?): "
                                + "is " + endpoint + " the service's endpoint?");
                    }
                    try {
                        return MAPPER.readTree(response.body());
                    } catch (IOException e) {
                        // a body garbled on the way is a transient fault like a 503
                        String why = "answer not readable JSON (" + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()) + ")";
                        if (attempt < retry.maxRetries()) {
                            attempt++;
                            gate = released(gate);
                            pause(name, why, attempt, null);
                            continue;
                        }
                        throw new ApiException(status, name, null, why);
                    }
                }
                String errorBody = new String(response.body(), StandardCharsets.UTF_8);
                if (status == 429) {
                    synchronized (this) {
                        throttled++;
                    }
                }
                if (status == 401 && !refreshed) {
                    refreshed = true;
                    synchronized (this) {
                        retries++;
                    }
                    log.accept(name + ": token refused (HTTP 401), getting a new one");
                    continue;
                }
                if (RetryPolicy.retryable(status) && attempt < retry.maxRetries()) {
                    attempt++;
                    gate = released(gate);
                    pause(name, "HTTP " + status, attempt, response.retryAfter());
                    continue;
                }
                String[] codeAndMessage = errorOf(errorBody);
                String message = codeAndMessage[1];
                if (RetryPolicy.retryable(status)) message += " (gave up after " + (attempt + 1) + " attempts)";
                if (status == 401) message += " (a fresh token was refused too)";
                throw new ApiException(status, name, codeAndMessage[0], message);
            } finally {
                released(gate);
            }
        }
    }

    /** The answer is in: the pacing token comes back (before any retry's pause, so other tenants need not wait for it). */
    private static Pacing.Gate released(Pacing.Gate gate) {
        if (gate != null) gate.release();
        return null;
    }

    private void pause(String name, String why, int attempt, String retryAfter) throws ApiException {
        Duration wait = retry.delay(attempt, retryAfter, clock.instant());
        synchronized (this) {
            retries++;
        }
        log.accept(name + ": " + Redaction.redact(why) + ", retry " + attempt + " of " + retry.maxRetries() + " in "
                + (wait.toMillis() < 1000 ? wait.toMillis() + " ms" : wait.toSeconds() + " s"));
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(0, name, null, "interrupted");
        }
    }

    private static byte[] toBytes(JsonNode body) {
        try {
            return MAPPER.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Graph: {"error": {"code", "message"}}; ARM: the same, or a plain text. */
    static String[] errorOf(String body) {
        // before anything is cut: a token cut in half would escape an exact match
        body = Redaction.redact(body);
        try {
            JsonNode n = MAPPER.readTree(body);
            JsonNode e = n == null ? null : n.get("error");
            if (e != null && e.isObject()) {
                String code = e.path("code").asText(null);
                String message = Redaction.redact(e.path("message").asText(""));
                if (code != null) code = Redaction.redact(code);
                return new String[] {code, message.isEmpty() ? "(no message)" : message};
            }
        } catch (IOException | RuntimeException ignored) {
            // not JSON: the text itself
        }
        String text = body == null ? "" : body.strip();
        if (text.length() > 300) text = text.substring(0, 300) + "…";
        return new String[] {null, text.isEmpty() ? "(no message)" : text.toLowerCase(Locale.ROOT).startsWith("<") ? "(an HTML page)" : Redaction.redact(text)};
    }
}
