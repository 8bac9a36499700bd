package io.github.mfaeval.collect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Per-user MFA state, which Graph gives only one user at a time ({@code GET /beta/users/{id}/authentication/requirements}),
 * asked 20 users per JSON batch ({@code POST /beta/$batch}, Graph's limit). Inner answers are handled one by one:
 * throttled or unavailable ones are asked again (after the longest {@code Retry-After} of the batch), a user
 * deleted meanwhile is noted, a 403 means the permission is missing (the whole file is forbidden), and a user
 * still failing after the retries is left out and reported: the evaluator then counts them as not covered by
 * per-user MFA, which can only make a verdict stricter.
 */
final class PerUserMfa {
    static final String ENDPOINT = "POST /beta/$batch (GET /users/{id}/authentication/requirements)";

    record Result(long written, List<String> problems) {
    }

    private record Pending(String userId, int attempts) {
    }

    private final Api graph;
    private final RetryPolicy retry;
    private final Consumer<String> log;

    PerUserMfa(Api graph, RetryPolicy retry, Consumer<String> log) {
        this.graph = graph;
        this.retry = retry;
        this.log = log;
    }

    Result collect(List<String> userIds, StagedFile out) throws ApiException, AuthException, IOException {
        Deque<Pending> queue = new ArrayDeque<>();
        for (String id : userIds) queue.add(new Pending(id, 0));
        List<String> problems = new ArrayList<>();
        String url = graph.url("/beta/$batch");
        while (!queue.isEmpty()) {
            Map<String, Pending> batch = new HashMap<>();
            ObjectNode body = Api.MAPPER.createObjectNode();
            ArrayNode requests = body.putArray("requests");
            for (int i = 0; i < TenantCollector.BATCH_SIZE && !queue.isEmpty(); i++) {
                Pending p = queue.poll();
                String id = Integer.toString(i + 1);
                batch.put(id, p);
                requests.addObject().put("id", id).put("method", "GET")
                        .put("url", "/users/" + URLEncoder.encode(p.userId(), StandardCharsets.UTF_8) + "/authentication/requirements");
            }
            JsonNode answer = graph.post(url, body);
            Duration wait = Duration.ZERO;
            int again = 0;
            for (JsonNode r : answer == null ? Api.MAPPER.createArrayNode() : answer.path("responses")) {
                Pending p = batch.remove(r.path("id").asText());
                if (p == null) continue;
                int status = r.path("status").asInt();
                JsonNode b = r.path("body");
                if (status == 200) {
                    String state = b.path("perUserMfaState").asText(null);
                    if (state == null) {
                        problems.add("user " + p.userId() + ": answer without perUserMfaState");
                    } else {
                        ObjectNode rec = Api.MAPPER.createObjectNode();
                        rec.put("userId", p.userId());
                        rec.put("perUserMfaState", state);
                        out.add(rec);
                    }
                } else if (status == 404) {
                    problems.add("user " + p.userId() + ": no longer exists (deleted since users.json was read)");
                } else if (status == 403) {
                    String[] e = innerError(b);
                    throw new ApiException(403, ENDPOINT, e[0], e[1]);
                } else if (RetryPolicy.retryable(status) && p.attempts() < retry.maxRetries()) {
                    queue.addFirst(new Pending(p.userId(), p.attempts() + 1));
                    again++;
                    Duration d = retry.delay(p.attempts() + 1, header(r, "Retry-After"), Instant.now());
                    if (d.compareTo(wait) > 0) wait = d;
                } else {
                    String[] e = innerError(b);
                    problems.add("user " + p.userId() + ": HTTP " + status + (e[0] == null ? "" : " " + e[0]) + ": " + e[1]
                            + (RetryPolicy.retryable(status) ? " (gave up after " + (p.attempts() + 1) + " attempts)" : ""));
                }
            }
            // a request the batch did not answer is asked again, counted as an attempt
            for (Pending p : batch.values()) {
                if (p.attempts() < retry.maxRetries()) {
                    queue.addFirst(new Pending(p.userId(), p.attempts() + 1));
                    again++;
                } else {
                    problems.add("user " + p.userId() + ": the batch never answered for this user");
                }
            }
            if (again > 0) {
                log.accept("perUserMfa.json: " + again + " request(s) of a batch throttled or unavailable, asked again in "
                        + wait.toMillis() + " ms");
                sleep(wait);
            }
        }
        return new Result(out.records(), problems);
    }

    private static String header(JsonNode response, String name) {
        JsonNode headers = response.path("headers");
        var it = headers.fields();
        while (it.hasNext()) {
            var e = it.next();
            if (e.getKey().equalsIgnoreCase(name)) return e.getValue().asText();
        }
        return null;
    }

    private static String[] innerError(JsonNode body) {
        JsonNode e = body.path("error");
        return new String[] {e.path("code").asText(null), e.path("message").asText("(no message)")};
    }

    private static void sleep(Duration d) throws ApiException {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(0, ENDPOINT, null, "interrupted");
        }
    }
}
