package io.github.mfaeval.cli;

import io.github.mfaeval.collect.AuthKind;
import io.github.mfaeval.collect.AuthSpec;
import io.github.mfaeval.collect.CollectException;
import io.github.mfaeval.collect.CollectOptions;
import io.github.mfaeval.collect.CollectRun;
import io.github.mfaeval.collect.CollectionRecord;
import io.github.mfaeval.collect.Pacing;
import io.github.mfaeval.collect.RequestLimits;
import io.github.mfaeval.collect.RetryPolicy;
import io.github.mfaeval.collect.SignInFilter;
import io.github.mfaeval.rules.RuleFiles;
import io.github.mfaeval.collect.TenantList;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "collect", mixinStandardHelpOptions = true,
        description = {"Collect a tenant from Microsoft Graph (and the Azure Activity Log from Azure Resource Manager) into a tenant folder "
                + "that evaluate and batch read as it is: tenant.json, every export of the README's table, the sign-ins of the window "
                + "(all four kinds), and collection.json saying what was collected, when, and what was not (with the missing permission).",
                "With --tenants FILE, many tenants, a few at a time, one folder each under --out; a tenant that fails never stops the others. "
                        + "Secrets come from environment variables only. See README, Collecting a tenant."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:every file of every tenant was collected",
                "1:collected, with gaps: some file was forbidden (a permission is missing) or failed; collection.json says which",
                "2:bad arguments or tenant list, or the output folder cannot be written",
                "3:some tenant could not be collected at all (no token, …); the others were"})
final class CollectCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    static final class Target {
        @Option(names = "--tenant", paramLabel = "TENANT", description = "The tenant to collect: its id or a verified domain (contoso.onmicrosoft.com).")
        String tenant;

        @Option(names = "--tenants", paramLabel = "FILE", description = "A YAML or JSON list of tenants, each with its sign-in (README, Collecting a tenant).")
        Path tenants;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "With --tenant: the tenant folder. With --tenants: the root, one folder per tenant under it (what batch reads).")
    Path out;

    @Option(names = "--days", paramLabel = "N", description = "Sign-ins of the last N days (default: the tenant's retention, 30 days with Entra ID P1/P2, 7 with Free).")
    Integer days;

    @Option(names = "--auth", paramLabel = "KIND", defaultValue = "certificate", converter = AuthKindConverter.class,
            description = {"How to sign in (default: ${DEFAULT-VALUE}):",
                    "certificate       app registration + --certificate (PKCS#12 or PEM), unattended",
                    "secret            app registration + secret from $" + AuthSpec.SECRET_VARIABLE,
                    "device-code       a person signs in (delegated), app registration allowing public client flows",
                    "managed-identity  the identity of the Azure resource this runs on",
                    "token             bearer tokens from $MFA_EVAL_GRAPH_TOKEN and $MFA_EVAL_ARM_TOKEN"})
    AuthKind auth;

    @Option(names = "--client-id", paramLabel = "ID", description = "Application (client) id of the app registration; with managed-identity, a user-assigned identity's client id.")
    String clientId;

    @Option(names = "--certificate", paramLabel = "FILE", description = "Certificate with its private key: PKCS#12 (.pfx/.p12; password from $"
            + AuthSpec.CERTIFICATE_PASSWORD_VARIABLE + ") or PEM (unencrypted PKCS#8 key and certificate).")
    Path certificate;

    @Option(names = "--graph-endpoint", paramLabel = "URL", defaultValue = CollectOptions.GRAPH,
            description = {"Microsoft Graph. Default:", "  ${DEFAULT-VALUE}", "US Government:", "  https://graph.microsoft.us", "China:",
                    "  https://microsoftgraph.chinacloudapi.cn"})
    String graphEndpoint;

    @Option(names = "--arm-endpoint", paramLabel = "URL", defaultValue = CollectOptions.ARM,
            description = {"Azure Resource Manager. Default:", "  ${DEFAULT-VALUE}", "US Government:", "  https://management.usgovcloudapi.net",
                    "China:", "  https://management.chinacloudapi.cn"})
    String armEndpoint;

    @Option(names = "--login-endpoint", paramLabel = "URL",
            description = "Microsoft Entra sign-in (default: the Graph endpoint's cloud: login.microsoftonline.com, .us, or login.chinacloudapi.cn).")
    String loginEndpoint;

    @Option(names = "--no-arm", description = "Do not collect the Azure Activity Log.")
    boolean noArm;

    @Option(names = "--resume", description = "Finish an interrupted collection: files it completed are kept (not downloaded again), the rest are collected for the same sign-in window.")
    boolean resume;

    @Option(names = "--parallel", paramLabel = "N",
            description = "With --tenants: tenants collected at the same time (default: as many as the application-wide reports budget "
                    + "allows at each tenant's full pace, --reports-per-application / --reports-per-tenant: 24 with Graph's limits).")
    Integer parallel;

    @Option(names = "--all-sign-ins", description = "Fetch every sign-in of the window, not only those to the applications the edition's rules judge.")
    boolean allSignIns;

    @Option(names = "--full", description = "Fetch the whole sign-in window again, even when the folder holds a complete earlier collection to add to.")
    boolean full;

    @Option(names = "--overlap-minutes", paramLabel = "N", defaultValue = "15",
            description = "An incremental run fetches from the earlier window's end less N minutes, because Graph's sign-in log lags (default: ${DEFAULT-VALUE}).")
    int overlapMinutes;

    @Option(names = "--reports-per-tenant", paramLabel = "N", defaultValue = "" + Pacing.PER_TENANT,
            description = "Requests to Graph's reports APIs (sign-ins) started per 10 seconds per tenant (default: ${DEFAULT-VALUE}, Microsoft's documented limit).")
    int reportsPerTenant;

    @Option(names = "--reports-per-application", paramLabel = "N", defaultValue = "" + Pacing.PER_APPLICATION,
            description = "The same, across every tenant of the run (default: ${DEFAULT-VALUE}, Microsoft's documented limit).")
    int reportsPerApplication;

    @Option(names = "--rules", paramLabel = "DIR",
            description = "Rules folder whose applications table chooses the sign-ins fetched (default: $MFA_EVAL_RULES, else the project's rules/, else the copy in the jar).")
    Path rules;

    @Option(names = "--edition", paramLabel = "ID",
            description = "Edition whose applications table chooses the sign-ins fetched (default: the latest in the rules folder).")
    String edition;

    // The two options meant only for a stand-in Graph (the tests, bench/collect.sh): refused unless every endpoint used is
    // on the loopback interface (checkStandIn), so that no real tenant is paced faster than Graph allows, and no real
    // collection.json claims another time than the collection's own. docs/development.md, "Collecting against a stand-in".
    // Divides every pacing window: Graph's limits, run faster.
    @Option(names = "--time-scale", hidden = true, defaultValue = "1")
    double timeScale;

    // The collection's "now" (an ISO instant): a tenant whose sign-ins are of a fixed past window.
    @Option(names = "--now", hidden = true)
    String now;

    @Option(names = "--progress-every-s", paramLabel = "SECONDS", defaultValue = "10",
            description = "A progress line on standard error at most this often per tenant (default: ${DEFAULT-VALUE}; 0: every page).")
    double progressEverySeconds;

    @Option(names = "--max-retries", paramLabel = "N", defaultValue = "6",
            description = "Retries of a throttled (429) or unavailable (503, 504) request before its file is given up (default: ${DEFAULT-VALUE}).")
    int maxRetries;

    @Option(names = "--read-timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "The longest silence within one answer before its file is given up (default: ${DEFAULT-VALUE} s).")
    double readTimeoutSeconds;

    @Option(names = "--request-deadline", paramLabel = "SECONDS", defaultValue = "300",
            description = "The longest one request may take, headers and body, before its file is given up (default: ${DEFAULT-VALUE} s). "
                    + "A timed-out request is not retried; --resume collects the file again.")
    double requestDeadlineSeconds;

    @Option(names = "--max-pages", paramLabel = "N", defaultValue = "100000",
            description = "Pages of one list (users, one kind of sign-ins, ...) before the paging is taken as endless (default: ${DEFAULT-VALUE}: "
                    + "100 million sign-ins of one kind at Graph's 1,000 a page).")
    int maxPages;

    @Option(names = "--max-empty-pages", paramLabel = "N", defaultValue = "50",
            description = "Empty pages in a row, each with a next link, before the paging is taken as endless (default: ${DEFAULT-VALUE}).")
    int maxEmptyPages;

    @Option(names = "--retry-base-ms", paramLabel = "MS", defaultValue = "2000",
            description = "The first wait before a retry when the service gives no Retry-After; each next one doubles, with jitter (default: ${DEFAULT-VALUE} ms).")
    long retryBaseMs;

    @Option(names = "--max-wait-s", paramLabel = "SECONDS", defaultValue = "300",
            description = "The longest single wait before a retry, Retry-After included; a longer Retry-After gives the file up (default: ${DEFAULT-VALUE} s).")
    long maxWaitSeconds;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter outWriter = spec.commandLine().getOut();
        if (days != null && days < 1) throw new CommandLine.ParameterException(spec.commandLine(), "--days must be at least 1, found " + days);
        if (parallel != null && parallel < 1) throw new CommandLine.ParameterException(spec.commandLine(), "--parallel must be at least 1, found " + parallel);
        if (overlapMinutes < 0) throw new CommandLine.ParameterException(spec.commandLine(), "--overlap-minutes must be 0 or more");
        Pacing pacing;
        try {
            pacing = new Pacing(reportsPerTenant, reportsPerApplication, Pacing.WINDOW, timeScale);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--reports-per-tenant, --reports-per-application: " + e.getMessage());
        }
        SignInFilter filter;
        try {
            filter = allSignIns ? SignInFilter.ALL : SignInFilter.of((rules == null ? RuleFiles.defaults() : RuleFiles.fromDirectory(rules)).edition(edition));
        } catch (IOException | CollectException e) {
            Main.error(err, e.getMessage());
            return Main.ERROR;
        }
        CollectOptions.SignInOptions signIns = new CollectOptions.SignInOptions(filter, full, Duration.ofMinutes(overlapMinutes),
                Duration.ofMillis((long) (progressEverySeconds * 1000)));
        if (maxRetries < 0) throw new CommandLine.ParameterException(spec.commandLine(), "--max-retries must be 0 or more");
        if (!(progressEverySeconds >= 0)) throw new CommandLine.ParameterException(spec.commandLine(), "--progress-every-s must be 0 or more");
        if (retryBaseMs < 1) throw new CommandLine.ParameterException(spec.commandLine(), "--retry-base-ms must be at least 1, found " + retryBaseMs);
        if (maxWaitSeconds < 1) throw new CommandLine.ParameterException(spec.commandLine(), "--max-wait-s must be at least 1, found " + maxWaitSeconds);
        checkStandIn();
        RequestLimits limits = limits();
        for (String[] e : new String[][] {{"--graph-endpoint", graphEndpoint}, {"--arm-endpoint", armEndpoint}, {"--login-endpoint", loginEndpoint}}) {
            if (e[1] != null) checkUrl(e[0], e[1]);
        }
        List<TenantList.Entry> tenants;
        Path root;
        if (target.tenant != null) {
            AuthSpec a = new AuthSpec(auth, clientId, certificate, null, null, null, null);
            String problem = a.problem();
            if (problem != null) throw new CommandLine.ParameterException(spec.commandLine(), problem);
            tenants = List.of(new TenantList.Entry(target.tenant, "", a, days));
            root = null;
        } else {
            for (String o : new String[] {"--auth", "--client-id", "--certificate"}) {
                if (spec.commandLine().getParseResult().hasMatchedOption(o)) {
                    throw new CommandLine.ParameterException(spec.commandLine(), o + " does not apply with --tenants: "
                            + "each tenant's sign-in is in the list (its defaults, or the tenant's own entry)");
                }
            }
            try {
                tenants = TenantList.read(target.tenants);
            } catch (CollectException e) {
                Main.error(err, e.getMessage());
                return Main.ERROR;
            }
            if (days != null) tenants = tenants.stream().map(t -> t.days() != null ? t : new TenantList.Entry(t.tenant(), t.folder(), t.auth(), days)).toList();
            root = out;
        }
        Map<String, String> env = System.getenv();
        CollectRun.Settings settings = new CollectRun.Settings(graphEndpoint, armEndpoint,
                loginEndpoint != null ? loginEndpoint : CollectOptions.loginFor(graphEndpoint), !noArm, resume,
                new RetryPolicy(maxRetries, Duration.ofMillis(retryBaseMs), Duration.ofSeconds(maxWaitSeconds), limits),
                new Main.Version().getVersion()[0], now == null ? Clock.systemUTC() : Clock.fixed(java.time.Instant.parse(now), java.time.ZoneOffset.UTC),
                env::get, null, signIns, pacing);
        err.println("sign-ins: filter " + filter.describe());
        Object lock = new Object();
        boolean single = root == null;
        java.util.function.Consumer<String> print = line -> {
            synchronized (lock) {
                err.println(CollectLines.safe(line));
                err.flush();
            }
        };
        CollectRun run = new CollectRun(settings, CollectRun.httpClient(), line -> {
            // One tenant: its failure is the summary line below; said twice it reads as two errors.
            if (single && line.contains(": NOT COLLECTED: ")) return;
            print.accept(line);
        }, print);
        List<CollectRun.TenantResult> results = root == null
                ? List.of(run.one(tenants.get(0), out.toAbsolutePath().normalize()))
                : run.run(tenants, root, parallel != null ? parallel : pacing.tenantsAtOnce());
        boolean failed = false;
        boolean gaps = false;
        for (CollectRun.TenantResult r : results) {
            switch (r.outcome()) {
                case FAILED -> {
                    failed = true;
                    outWriter.println(CollectLines.safe(String.format("%s: NOT COLLECTED (%s): %s", r.tenant(), r.folder(), r.error())));
                }
                case GAPS, COMPLETE -> {
                    gaps |= r.outcome() == CollectRun.Outcome.GAPS;
                    Map<CollectionRecord.Status, Integer> c = r.record().counts();
                    outWriter.println(CollectLines.safe(String.format("%s: %s (%s): %d file(s) collected, %d partial, %d forbidden, %d failed, %d skipped", r.tenant(),
                            r.outcome() == CollectRun.Outcome.COMPLETE ? "collected" : "collected with gaps", r.folder(),
                            c.get(CollectionRecord.Status.collected), c.get(CollectionRecord.Status.partial), c.get(CollectionRecord.Status.forbidden),
                            c.get(CollectionRecord.Status.failed), c.get(CollectionRecord.Status.skipped))));
                }
            }
        }
        outWriter.flush();
        if (failed) return Main.TENANTS_FAILED;
        return gaps ? Main.ACTION_REQUIRED : Main.READY;
    }

    private RequestLimits limits() {
        for (Object[] o : new Object[][] {{"--read-timeout", readTimeoutSeconds}, {"--request-deadline", requestDeadlineSeconds}}) {
            double v = (double) o[1];
            if (!(v > 0) || v > 86_400) {
                throw new CommandLine.ParameterException(spec.commandLine(), o[0] + " must be more than 0 and at most 86400 seconds, found " + v);
            }
        }
        if (maxPages < 1) throw new CommandLine.ParameterException(spec.commandLine(), "--max-pages must be at least 1, found " + maxPages);
        if (maxEmptyPages < 1) throw new CommandLine.ParameterException(spec.commandLine(), "--max-empty-pages must be at least 1, found " + maxEmptyPages);
        return new RequestLimits(Duration.ofMillis(Math.round(readTimeoutSeconds * 1000)), Duration.ofMillis(Math.round(requestDeadlineSeconds * 1000)),
                maxEmptyPages, maxPages, RequestLimits.DEFAULT.maxBodyBytes());
    }

    private void checkUrl(String option, String value) {
        try {
            URI u = new URI(value.trim());
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("https") || scheme.equals("http")) || u.getHost() == null) throw new IllegalArgumentException();
            if (scheme.equals("http") && !isLoopback(u.getHost())) {
                throw new CommandLine.ParameterException(spec.commandLine(), option + " " + value
                        + ": plain http is only allowed on the loopback interface (tests); tokens go over https");
            }
        } catch (CommandLine.ParameterException e) {
            throw e;
        } catch (Exception e) {
            throw new CommandLine.ParameterException(spec.commandLine(), option + " " + value + ": not an http(s) URL");
        }
    }

    /** --time-scale and --now only against endpoints on the loopback interface (a stand-in Graph and ARM). */
    private void checkStandIn() {
        List<String> used = new java.util.ArrayList<>();
        if (timeScale != 1) used.add("--time-scale");
        if (now != null) used.add("--now");
        if (used.isEmpty()) return;
        String which = String.join(" and ", used);
        String[][] endpoints = noArm ? new String[][] {{"--graph-endpoint", graphEndpoint}}
                : new String[][] {{"--graph-endpoint", graphEndpoint}, {"--arm-endpoint", armEndpoint}};
        for (String[] e : endpoints) {
            if (e[1] == null || !loopbackUrl(e[1])) {
                throw new CommandLine.ParameterException(spec.commandLine(), which + (used.size() > 1 ? " are" : " is") + " for a stand-in service on the loopback interface "
                        + "(tests, bench/collect.sh): give " + e[0] + " as http://127.0.0.1:PORT" + (noArm ? "" : ", or --no-arm"));
            }
        }
        if (now != null) {
            try {
                java.time.Instant.parse(now);
            } catch (java.time.format.DateTimeParseException x) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--now " + now + ": not an instant such as 2025-11-28T00:00:00Z");
            }
        }
    }

    private static boolean loopbackUrl(String value) {
        try {
            URI u = new URI(value.trim());
            return u.getHost() != null && isLoopback(u.getHost());
        } catch (Exception e) {
            return false;
        }
    }

    private static boolean isLoopback(String host) {
        return host.equals("127.0.0.1") || host.equalsIgnoreCase("localhost") || host.equals("[::1]") || host.equals("::1");
    }

    static final class AuthKindConverter implements CommandLine.ITypeConverter<AuthKind> {
        @Override
        public AuthKind convert(String value) {
            try {
                return AuthKind.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
