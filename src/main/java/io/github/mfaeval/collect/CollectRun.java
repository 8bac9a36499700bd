package io.github.mfaeval.collect;

import javax.net.ssl.SSLSocketFactory;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Collects one tenant or many, a few at a time; a tenant that cannot be collected never stops the others.
 * Builds each tenant's token source from its {@link AuthSpec} (msal4j, or tokens from the environment).
 */
public final class CollectRun {
    /** What every tenant shares: endpoints, retries, the HTTP client. */
    public record Settings(String graphEndpoint, String armEndpoint, String loginEndpoint, boolean arm, boolean resume,
                           RetryPolicy retry, String toolVersion, Clock clock, Function<String, String> env,
                           SSLSocketFactory sslSocketFactory, CollectOptions.SignInOptions signIns, Pacing pacing) {
        /** Every sign-in, unpaced (library callers and tests that predate filtering and pacing). */
        public Settings(String graphEndpoint, String armEndpoint, String loginEndpoint, boolean arm, boolean resume, RetryPolicy retry,
                        String toolVersion, Clock clock, Function<String, String> env, SSLSocketFactory sslSocketFactory) {
            this(graphEndpoint, armEndpoint, loginEndpoint, arm, resume, retry, toolVersion, clock, env, sslSocketFactory,
                    CollectOptions.SignInOptions.ALL, null);
        }
    }

    public enum Outcome { COMPLETE, GAPS, FAILED }

    public record TenantResult(String tenant, Path folder, Outcome outcome, CollectionRecord record, String error) {
    }

    private final Settings s;
    private final HttpClient http;
    private final Consumer<String> log;
    private final Consumer<String> prompt;
    /** Graph's application-wide reports limit, shared by every tenant of the run (null: not paced). */
    private final RateLimiter applicationLimiter;

    public CollectRun(Settings settings, HttpClient http, Consumer<String> log, Consumer<String> prompt) {
        this.s = settings;
        this.http = http;
        this.log = log;
        this.prompt = prompt;
        this.applicationLimiter = settings.pacing() == null ? null : settings.pacing().applicationLimiter();
    }

    public static HttpClient httpClient() {
        // redirects are never followed: a token must go to the endpoint it was asked for, nowhere else
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public List<TenantResult> run(List<TenantList.Entry> tenants, Path root, int parallel) {
        if (tenants.size() == 1) return List.of(one(tenants.get(0), root.resolve(tenants.get(0).folder())));
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(parallel, tenants.size())));
        try {
            List<Future<TenantResult>> futures = new ArrayList<>();
            for (TenantList.Entry t : tenants) futures.add(pool.submit(() -> one(t, root.resolve(t.folder()))));
            List<TenantResult> out = new ArrayList<>();
            for (int i = 0; i < futures.size(); i++) {
                try {
                    out.add(futures.get(i).get());
                } catch (ExecutionException e) {
                    TenantList.Entry t = tenants.get(i);
                    out.add(new TenantResult(t.tenant(), root.resolve(t.folder()), Outcome.FAILED, null, String.valueOf(e.getCause())));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /** One tenant into {@code folder}: never throws; a failure is the result's error, also left in collection.json. */
    public TenantResult one(TenantList.Entry t, Path folder) {
        try {
            TokenSource tokens = tokens(t);
            CollectOptions o = new CollectOptions(t.tenant(), folder, t.days(), s.graphEndpoint(), s.armEndpoint(), s.loginEndpoint(),
                    s.resume(), s.arm(), t.auth().kind() == AuthKind.device_code, s.retry(), s.toolVersion(), s.clock(), s.signIns());
            Pacing.Gate gate = s.pacing() == null ? null : new Pacing.Gate(s.pacing().tenantLimiter(t.tenant()), applicationLimiter);
            CollectionRecord r = new TenantCollector(o, tokens, http, log, gate).run();
            return new TenantResult(t.tenant(), folder, Boolean.TRUE.equals(r.complete) ? Outcome.COMPLETE : Outcome.GAPS, r, null);
        } catch (AuthException | CollectException e) {
            return failed(t, folder, e.getMessage());
        } catch (RuntimeException e) {
            return failed(t, folder, "unexpected error: " + e);
        }
    }

    private TenantResult failed(TenantList.Entry t, Path folder, String reason) {
        String message = Redaction.redact(reason);
        log.accept(t.tenant() + ": NOT COLLECTED: " + message);
        CollectionRecord r = new CollectionRecord();
        r.tool = s.toolVersion();
        r.tenant = t.tenant();
        r.auth = t.auth().kind().label();
        r.finishedAt = s.clock().instant().truncatedTo(ChronoUnit.SECONDS).toString();
        r.complete = false;
        r.error = message;
        try {
            r.write(folder);
        } catch (java.io.IOException e) {
            log.accept(t.tenant() + ": cannot write collection.json either: " + e.getMessage());
        }
        return new TenantResult(t.tenant(), folder, Outcome.FAILED, r, message);
    }

    private TokenSource tokens(TenantList.Entry t) throws AuthException {
        AuthSpec a = t.auth();
        if (a.kind() == AuthKind.token) return new EnvTokens(a.graphTokenVariable(), a.armTokenVariable(), s.env());
        String problem = a.problem();
        if (problem != null) throw new AuthException(problem);
        return new MsalTokens(a, s.loginEndpoint(), t.tenant(), s.graphEndpoint(), s.armEndpoint(), s.env(), line -> prompt.accept(t.tenant() + ": " + line), s.sslSocketFactory());
    }
}
