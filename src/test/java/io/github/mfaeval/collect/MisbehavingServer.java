package io.github.mfaeval.collect;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A server on 127.0.0.1 that misbehaves on purpose, on a raw socket so it can do what no well-behaved server
 * library lets it: send its headers and then one byte a second, stall after the headers, page forever, answer a
 * JSON API with an HTML page, echo the request's {@code Authorization} header in its error, write terminal
 * escapes into its error text. Every path given a {@link Behaviour} misbehaves; every other request is passed to
 * the {@link FakeGraph} behind it (its paging links rewritten to point here), so a whole tenant is collected
 * around the one file that goes wrong.
 */
final class MisbehavingServer implements AutoCloseable {
    /** What the server does with one request; {@code self} is its own base URL. */
    @FunctionalInterface
    interface Behaviour {
        void answer(Request request, OutputStream out, String self) throws IOException, InterruptedException;
    }

    record Request(String method, String target, Map<String, String> headers, byte[] body) {
        String path() {
            int q = target.indexOf('?');
            return q < 0 ? target : target.substring(0, q);
        }

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final ServerSocket socket;
    private final FakeGraph behind;
    private final Map<String, Behaviour> behaviours = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "misbehaving-server");
        t.setDaemon(true);
        return t;
    });
    private final HttpClient forward = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    MisbehavingServer(FakeGraph behind) throws IOException {
        this.behind = behind;
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        pool.execute(this::accept);
    }

    String url() {
        return "http://127.0.0.1:" + socket.getLocalPort();
    }

    /** Requests to {@code path} (without its query) misbehave as {@code b}. */
    MisbehavingServer on(String path, Behaviour b) {
        behaviours.put(path, b);
        return this;
    }

    /** Requests served so far for {@code path}, misbehaving or passed on. */
    int requests(String path) {
        AtomicInteger n = counts.get(path);
        return n == null ? 0 : n.get();
    }

    @Override
    public void close() throws IOException {
        socket.close();
        pool.shutdownNow();
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket s = socket.accept();
                pool.execute(() -> serve(s));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try (s; InputStream in = new BufferedInputStream(s.getInputStream()); OutputStream out = s.getOutputStream()) {
            Request r = read(in);
            if (r == null) return;
            counts.computeIfAbsent(r.path(), k -> new AtomicInteger()).incrementAndGet();
            Behaviour b = behaviours.get(r.path());
            if (b != null) b.answer(r, out, url());
            else pass(r, out);
            out.flush();
        } catch (IOException | InterruptedException e) {
            // the client hung up (as it should, on a server like this one)
        }
    }

    private static Request read(InputStream in) throws IOException {
        String line = line(in);
        if (line == null || line.isEmpty()) return null;
        String[] first = line.split(" ");
        Map<String, String> headers = new LinkedHashMap<>();
        for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
            int colon = h.indexOf(':');
            if (colon > 0) headers.put(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
        }
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        return new Request(first[0], first[1], headers, in.readNBytes(length));
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int c = in.read(); c >= 0; c = in.read()) {
            if (c == '\n') return b.toString(StandardCharsets.ISO_8859_1).replaceAll("\r$", "");
            b.write(c);
        }
        return b.size() == 0 ? null : b.toString(StandardCharsets.ISO_8859_1);
    }

    /** To the fake Graph behind, and its answer back with its own address replaced by this server's. */
    private void pass(Request r, OutputStream out) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(behind.url() + r.target()))
                .method(r.method(), r.body().length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(r.body()));
        for (String h : new String[] {"Authorization", "Content-Type", "Accept"}) {
            if (r.header(h) != null) b.header(h, r.header(h));
        }
        HttpResponse<String> a = forward.send(b.build(), HttpResponse.BodyHandlers.ofString());
        Map<String, String> headers = new LinkedHashMap<>();
        a.headers().firstValue("Content-Type").ifPresent(v -> headers.put("Content-Type", v));
        a.headers().firstValue("Retry-After").ifPresent(v -> headers.put("Retry-After", v));
        respond(out, a.statusCode(), headers, a.body().replace(behind.url(), url()));
    }

    static void respond(OutputStream out, int status, Map<String, String> headers, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        head(out, status, headers, bytes.length);
        out.write(bytes);
    }

    static void head(OutputStream out, int status, Map<String, String> headers, long length) throws IOException {
        StringBuilder h = new StringBuilder("HTTP/1.1 " + status + " X\r\n");
        headers.forEach((k, v) -> h.append(k).append(": ").append(v).append("\r\n"));
        h.append("Content-Length: ").append(length).append("\r\nConnection: close\r\n\r\n");
        out.write(h.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");

    // --- the misbehaviours ----------------------------------------------------------------------------------------

    /** The headers of a JSON page, then its bytes one at a time, {@code every} apart: never silent, never done. */
    static Behaviour trickle(Duration every) {
        return (r, out, self) -> {
            byte[] body = "{\"value\": [{\"id\": \"a\"}, {\"id\": \"b\"}, {\"id\": \"c\"}, {\"id\": \"d\"}, {\"id\": \"e\"}, {\"id\": \"f\"}]}"
                    .repeat(1000).getBytes(StandardCharsets.UTF_8);
            head(out, 200, JSON, body.length);
            for (byte b : body) {
                out.write(b);
                out.flush();
                Thread.sleep(every.toMillis());
            }
        };
    }

    /** The headers of a JSON page, a few bytes, then silence until the client gives up. */
    static Behaviour stallAfterHeaders() {
        return (r, out, self) -> {
            head(out, 200, JSON, 1000);
            out.write("{\"value\": [".getBytes(StandardCharsets.UTF_8));
            out.flush();
            Thread.sleep(Duration.ofMinutes(10).toMillis());
        };
    }

    /** Pages of {@code records} records each (0: empty pages), each with a new next link, forever. */
    static Behaviour endlessPages(String field, int records) {
        AtomicInteger page = new AtomicInteger();
        return (r, out, self) -> {
            StringBuilder values = new StringBuilder();
            for (int i = 0; i < records; i++) values.append(i == 0 ? "" : ",").append("{\"id\": \"p").append(page.get()).append('-').append(i).append("\"}");
            String next = self + r.path() + "?$skiptoken=endless-" + page.incrementAndGet();
            respond(out, 200, JSON, "{\"" + field + "\": \"" + next + "\", \"value\": [" + values + "]}");
        };
    }

    /** A JSON answer of {@code bytes} bytes (one long string), sent as fast as the client reads. */
    static Behaviour huge(int bytes) {
        return (r, out, self) -> {
            head(out, 200, JSON, bytes);
            byte[] chunk = new byte[64 * 1024];
            java.util.Arrays.fill(chunk, (byte) 'x');
            chunk[0] = '"';
            for (int sent = 0; sent < bytes; sent += chunk.length) {
                out.write(chunk, 0, Math.min(chunk.length, bytes - sent));
                chunk[0] = 'x';
            }
        };
    }

    /** A page of HTML with status 200, as a sign-in page, a proxy or a captive portal answers. */
    static Behaviour htmlPage() {
        return (r, out, self) -> respond(out, 200, Map.of("Content-Type", "text/html; charset=utf-8"),
                "<!DOCTYPE html>\n<html><head><title>Sign in</title></head><body>Please sign in</body></html>");
    }

    /** An error whose message quotes the request's Authorization header, whole and cut short. */
    static Behaviour echoAuthorization(int status) {
        return (r, out, self) -> {
            String auth = String.valueOf(r.header("Authorization"));
            String token = auth.replaceFirst("(?i)^bearer ", "");
            String message = "Invalid request header Authorization: " + auth + "; token " + token
                    + "; prefix " + token.substring(0, token.length() * 2 / 3);
            respond(out, status, JSON, "{\"error\": {\"code\": \"BadRequest\", \"message\": " + jsonString(message) + "}}");
        };
    }

    /** An error with the given message text, as the service's JSON error. */
    static Behaviour error(int status, String message) {
        return (r, out, self) -> respond(out, status, JSON, "{\"error\": {\"code\": \"BadRequest\", \"message\": " + jsonString(message) + "}}");
    }

    static String jsonString(String s) {
        return new String(com.fasterxml.jackson.core.io.JsonStringEncoder.getInstance().quoteAsString(s)) .transform(q -> "\"" + q + "\"");
    }
}
