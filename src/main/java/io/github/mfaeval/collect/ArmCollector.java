package io.github.mfaeval.collect;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.mfaeval.collect.CollectionRecord.Status;
import io.github.mfaeval.collect.TenantCollector.Partial;
import io.github.mfaeval.collect.TenantCollector.Skip;

import java.io.IOException;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The steps of a collection that read Azure Resource Manager: the Activity Log ({@code activityLog.json}) and the
 * tenant's enforcement state ({@code enforcementSettings.json}, {@code policyAssignments.json}, through
 * {@link EnforcementStateCollector}); each is skipped, not failed, when this collection reads no ARM.
 */
final class ArmCollector {
    private final HttpClient http;
    private final TokenSource tokens;
    private final CollectOptions o;
    private final CollectionRecord rec;
    private final Consumer<String> log;
    /** The Activity Log's client, once that step has made it: its requests count in the run's figures. */
    Api arm;

    ArmCollector(HttpClient http, TokenSource tokens, CollectOptions o, CollectionRecord rec, Consumer<String> log) {
        this.http = http;
        this.tokens = tokens;
        this.o = o;
        this.rec = rec;
        this.log = log;
    }

    /** Azure Resource Manager, when this collection reads it (else why not). */
    private Api arm() throws Skip {
        if (!o.arm()) throw new Skip("--no-arm");
        if (!tokens.offers(Audience.ARM)) {
            throw new Skip("no Azure Resource Manager token (" + (tokens instanceof EnvTokens ? EnvTokens.ARM_VARIABLE + " is not set" : "none offered") + ")");
        }
        return new Api(http, Audience.ARM, Api.trimSlash(o.armEndpoint()), tokens, o.retry(), log);
    }

    long enforcementSettings() throws ApiException, AuthException, IOException, Skip {
        Api arm = arm();
        JsonNode settings;
        try {
            settings = new EnforcementStateCollector(arm, rec::warn).settings();
        } catch (AuthException e) {
            throw new Skip("no Azure Resource Manager token: " + e.getMessage());
        }
        DirectoryCollector.writeJson(o.folder(), "enforcementSettings.json", settings);
        if (settings.path("notFound").asBoolean(false)) {
            rec.warn("enforcementSettings.json: Azure Resource Manager answered 404: the tenant never changed its enforcement settings (Microsoft's schedule)");
            return 0;
        }
        return 1;
    }

    long policyAssignments() throws ApiException, AuthException, IOException, Skip {
        Api arm = arm();
        List<EnforcementStateCollector.Subscription> subscriptions = new ArrayList<>();
        EnforcementStateCollector.Assignments a;
        try {
            arm.pages(arm.url("/subscriptions?api-version=2022-12-01"), Api.Paging.ARM, values -> {
                for (JsonNode s : values) {
                    if (!s.path("state").asText("Enabled").equalsIgnoreCase("Disabled")) {
                        subscriptions.add(new EnforcementStateCollector.Subscription(s.path("subscriptionId").asText(), s.path("displayName").asText(null)));
                    }
                }
            });
            a = new EnforcementStateCollector(arm, rec::warn).assignments(subscriptions);
        } catch (AuthException e) {
            throw new Skip("no Azure Resource Manager token: " + e.getMessage());
        }
        DirectoryCollector.writeJson(o.folder(), "policyAssignments.json", a.document());
        return a.records();
    }

    long activityLog() throws ApiException, AuthException, IOException, Skip, Partial {
        if (!o.arm()) throw new Skip("--no-arm");
        String armEndpoint = Api.trimSlash(o.armEndpoint());
        if (!tokens.offers(Audience.ARM)) {
            throw new Skip("no Azure Resource Manager token (" + (tokens instanceof EnvTokens ? EnvTokens.ARM_VARIABLE + " is not set" : "none offered") + ")");
        }
        arm = new Api(http, Audience.ARM, armEndpoint, tokens, o.retry(), log);
        List<String> subscriptions = new ArrayList<>();
        try {
            arm.pages(arm.url("/subscriptions?api-version=2022-12-01"), Api.Paging.ARM, values -> {
                for (JsonNode s : values) {
                    String state = s.path("state").asText("Enabled");
                    if (!state.equalsIgnoreCase("Disabled")) subscriptions.add(s.path("subscriptionId").asText());
                }
            });
        } catch (AuthException e) {
            throw new Skip("no Azure Resource Manager token: " + e.getMessage());
        }
        if (subscriptions.isEmpty()) throw new Skip("the identity can read no Azure subscription");
        CollectionRecord.Window w = rec.signInWindow;
        String filter = "eventTimestamp ge '" + w.from() + "' and eventTimestamp le '" + w.to() + "'";
        String role = Permissions.missing("activityLog.json", o.delegated());
        // One subscription that cannot be read leaves the writes there unknown: the file is then partial, never
        // "collected", and collection.json names the subscription (Phase 2 there is unknown, so not READY).
        List<String> unread = new ArrayList<>();
        boolean anyForbidden = false;
        ApiException last = null;
        try (StagedFile f = StagedFile.list(o.folder().resolve("activityLog.json"))) {
            for (String sub : subscriptions) {
                long before = f.records();
                try {
                    arm.pages(arm.url("/subscriptions/" + DirectoryCollector.encode(sub) + "/providers/Microsoft.Insights/eventtypes/management/values?api-version=2015-04-01&$filter="
                            + DirectoryCollector.encode(filter)), Api.Paging.ARM, values -> {
                        for (JsonNode e : values) {
                            // Administrative: the control-plane operations Phase 2 is about; Policy audit and deny
                            // events: what Azure Policy did to them (the rules judge which definitions matter)
                            String category = e.path("category").path("value").asText();
                            String operation = e.path("operationName").path("value").asText().toLowerCase(Locale.ROOT);
                            if ("Administrative".equalsIgnoreCase(category) || ("Policy".equalsIgnoreCase(category)
                                    && (operation.endsWith("/policies/audit/action") || operation.endsWith("/policies/deny/action")))) {
                                f.add(e);
                            }
                        }
                    });
                    rec.activityLogSubscriptions.add(new CollectionRecord.SubscriptionRead(sub, Status.collected, f.records() - before, null, null));
                } catch (ApiException e) {
                    // the events already added from this subscription stay: they are true, but the file is partial
                    last = e;
                    anyForbidden |= e.forbidden();
                    unread.add(sub + (e.forbidden() ? " (forbidden)" : " (failed)"));
                    rec.activityLogSubscriptions.add(new CollectionRecord.SubscriptionRead(sub, e.forbidden() ? Status.forbidden : Status.failed,
                            null, e.forbidden() ? role : null, e.getMessage()));
                    rec.warn("activityLog.json: subscription " + sub + " not read: " + e.getMessage()
                            + (e.forbidden() ? " (needs " + role + ")" : ""));
                }
            }
            if (unread.size() == subscriptions.size()) throw last;
            f.commit();
            if (!unread.isEmpty()) {
                throw new Partial(f.records(), unread.size() + " of " + subscriptions.size() + " subscription(s) not read: "
                        + String.join(", ", unread), anyForbidden ? role : null);
            }
            return f.records();
        }
    }
}
