package io.github.mfaeval.collect;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One request and its whole answer, bounded in time and size ({@link RequestLimits}). The JDK's request timeout
 * covers only the wait for the headers: a server that sends them and then one byte a second would hold a
 * collection for as long as it likes. Here the body is read by a {@link BoundedBody} while this thread watches
 * the clock: silence longer than the read timeout, or a request longer than its deadline, closes the
 * connection and is a {@link TimedOut}.
 */
final class BoundedExchange {
    /** The status, headers and body of an answer read whole. */
    record Answer(int status, HttpHeaders headers, byte[] body) {
        String retryAfter() {
            return headers.firstValue("Retry-After").orElse(null);
        }

        /** Declared as HTML, or, declared as nothing or as something else, starting like a page. */
        boolean isHtml() {
            String type = headers.firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
            if (type.startsWith("text/html") || type.startsWith("application/xhtml")) return true;
            if (type.contains("json")) return false;
            int i = 0;
            // a byte-order mark, then white space
            if (body.length >= 3 && (body[0] & 0xff) == 0xef && (body[1] & 0xff) == 0xbb && (body[2] & 0xff) == 0xbf) i = 3;
            while (i < body.length && Character.isWhitespace(body[i])) i++;
            return i < body.length && body[i] == '<';
        }
    }

    /** A request that took longer than the deadline, or whose answer stalled longer than the read timeout. */
    static final class TimedOut extends Exception {
        TimedOut(String message) {
            super(message);
        }
    }

    private BoundedExchange() {
    }

    static Answer send(HttpClient http, HttpRequest request, RequestLimits limits, int errorBodyLimit)
            throws IOException, TimedOut, InterruptedException {
        long start = System.nanoTime();
        long deadline = start + limits.deadline().toNanos();
        long idle = limits.readTimeout().toNanos();
        AtomicReference<BoundedBody> reading = new AtomicReference<>();
        CompletableFuture<HttpResponse<byte[]>> answer = http.sendAsync(request, info -> {
            boolean ok = info.statusCode() >= 200 && info.statusCode() < 300;
            BoundedBody b = new BoundedBody(ok ? limits.maxBodyBytes() : errorBodyLimit, ok);
            reading.set(b);
            return b;
        });
        while (true) {
            long now = System.nanoTime();
            BoundedBody body = reading.get();
            // until the headers come there is no body to watch: look again after at most a read timeout
            long wait = Math.min(deadline - now, body == null ? idle : body.lastByteNanos() + idle - now);
            try {
                HttpResponse<byte[]> r = answer.get(Math.max(wait, 1), TimeUnit.NANOSECONDS);
                return new Answer(r.statusCode(), r.headers(), r.body());
            } catch (TimeoutException e) {
                now = System.nanoTime();
                body = reading.get();
                if (now - deadline >= 0) {
                    stop(answer, body);
                    throw new TimedOut("no complete answer within " + words(limits.deadline()) + " (--request-deadline)"
                            + (body == null ? ", not even its headers" : ": the server sent its answer too slowly"));
                }
                if (body != null && now - body.lastByteNanos() >= idle) {
                    stop(answer, body);
                    throw new TimedOut("the answer stalled: nothing came for " + words(limits.readTimeout()) + " (--read-timeout)");
                }
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof HttpTimeoutException && !(cause instanceof HttpConnectTimeoutException)) {
                    throw new TimedOut("no answer within " + words(limits.deadline()) + " (--request-deadline), not even its headers");
                }
                if (cause instanceof IOException io) throw io;
                throw new IOException(String.valueOf(cause), cause);
            } catch (CancellationException e) {
                throw new IOException("cancelled", e);
            } catch (InterruptedException e) {
                stop(answer, reading.get());
                throw e;
            }
        }
    }

    private static void stop(CompletableFuture<?> answer, BoundedBody body) {
        if (body != null) body.cancel();
        answer.cancel(true);
    }

    /**
     * What went wrong in words that name the place: "cannot connect to 127.0.0.1:8443 (connection refused)", never
     * a bare "java.net.ConnectException".
     */
    static String describe(IOException e, URI target) {
        String where = target.getHost() + ":" + (target.getPort() >= 0 ? target.getPort() : "https".equalsIgnoreCase(target.getScheme()) ? 443 : 80);
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        BoundedBody.TooLarge large = tooLarge(e);
        if (large != null) return large.getMessage() + " (a page is never that large): read no further, not retried";
        if (e instanceof HttpConnectTimeoutException) return "cannot connect to " + where + " (no answer to the connection)";
        if (e instanceof ConnectException || root instanceof ConnectException) {
            return "cannot connect to " + where + " (connection refused: nothing listens there, or a firewall says no)";
        }
        if (root instanceof UnresolvedAddressException || root instanceof java.net.UnknownHostException) {
            return "cannot connect to " + where + " (the host name does not resolve)";
        }
        if (root instanceof javax.net.ssl.SSLException) return "no secure connection to " + where + " (" + message(root) + ")";
        return "no complete answer from " + where + " (" + message(e) + ")";
    }

    /** The answer went past the size bound (however the HTTP client wrapped that). */
    static BoundedBody.TooLarge tooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof BoundedBody.TooLarge large) return large;
        }
        return null;
    }

    private static String message(Throwable t) {
        String m = t.getMessage();
        return m == null || m.isBlank() ? "the connection was closed" : m;
    }

    private static String words(Duration d) {
        if (d.toMillis() % 1000 != 0) return d.toMillis() + " ms";
        if (d.toSeconds() < 120 || d.toSeconds() % 60 != 0) return d.toSeconds() + " s";
        return d.toMinutes() + " min";
    }
}
