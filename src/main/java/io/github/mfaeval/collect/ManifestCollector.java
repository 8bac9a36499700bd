package io.github.mfaeval.collect;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.mfaeval.collect.CollectionRecord.FileEntry;
import io.github.mfaeval.collect.CollectionRecord.Status;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The first step of a collection: {@code tenant.json} from Graph's {@code organization} and {@code subscribedSkus}
 * (filled only where absent), after checking that Graph answers for the tenant asked for.
 */
final class ManifestCollector {
    private final Api graph;
    private final CollectOptions o;
    private final CollectionRecord rec;
    private final Consumer<String> log;

    ManifestCollector(Api graph, CollectOptions o, CollectionRecord rec, Consumer<String> log) {
        this.graph = graph;
        this.o = o;
        this.rec = rec;
        this.log = log;
    }

    /** organization and subscribedSkus into tenant.json; returns the licence (null when unknown). */
    String manifest(Path folder) throws AuthException, CollectException {
        String tenantId = null;
        String name = null;
        String licence = null;
        List<String> problems = new ArrayList<>();
        try {
            JsonNode org = graph.get(graph.url("/v1.0/organization?$select=id,displayName,verifiedDomains"));
            JsonNode first = org == null ? null : org.path("value").path(0);
            if (first != null && first.isObject()) {
                tenantId = first.path("id").asText(null);
                name = first.path("displayName").asText(null);
                sameTenant(first);
                rec.tenantId = tenantId;
            }
        } catch (ApiException e) {
            if (e.status() == 401) throw new AuthException("Microsoft Graph refused the token, a fresh one too: " + e.getMessage());
            problems.add(problem(e, "tenant.json"));
        }
        try {
            List<JsonNode> skus = new ArrayList<>();
            graph.pages(graph.url("/v1.0/subscribedSkus"), Api.Paging.GRAPH, values -> values.forEach(skus::add));
            licence = Licence.of(Api.MAPPER.valueToTree(skus));
        } catch (ApiException e) {
            problems.add(problem(e, "tenant.json") + "; the licence is left for you to write");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        try {
            for (String note : TenantManifest.merge(folder, tenantId, name, licence)) {
                rec.warn(note);
                log.accept("warning: " + note);
            }
        } catch (IOException e) {
            throw new CollectException(folder.resolve("tenant.json") + ": cannot be written: " + e.getMessage(), e);
        }
        problems.forEach(rec::warn);
        rec.put(new FileEntry("tenant.json", problems.isEmpty() ? Status.collected : Status.failed, null,
                Permissions.BY_FILE.get("tenant.json").endpoint(), problems.isEmpty() ? null : missingOf(problems),
                problems.isEmpty() ? null : String.join("; ", problems), TenantCollector.now(o)));
        return licence;
    }

    /**
     * The tenant Graph answers for must be the one asked for (--tenant, by id or by one of its domains): a token
     * of another tenant would write that tenant's data into this folder. Stops the tenant before any file is written.
     */
    private void sameTenant(JsonNode org) throws CollectException {
        String asked = o.tenant().trim().toLowerCase(Locale.ROOT);
        String id = org.path("id").asText("").toLowerCase(Locale.ROOT);
        if (asked.equals(id)) return;
        JsonNode domains = org.get("verifiedDomains");
        boolean isId = asked.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        if (!isId && domains != null && domains.isArray()) {
            for (JsonNode d : domains) if (d.path("name").asText("").equalsIgnoreCase(asked)) return;
        }
        if (isId || (domains != null && domains.isArray())) {
            throw new CollectException("Microsoft Graph answers for tenant " + org.path("id").asText("(no id)")
                    + (org.hasNonNull("displayName") ? " (" + org.path("displayName").asText() + ")" : "")
                    + ", not for " + o.tenant() + ": the credentials belong to another tenant; nothing was collected into " + o.folder());
        }
        rec.warn("GET /v1.0/organization listed no verified domains, so it could not be confirmed that tenant "
                + org.path("id").asText("(no id)") + " is " + o.tenant());
    }

    private static String missingOf(List<String> problems) {
        for (String p : problems) if (p.contains("HTTP 403")) return Permissions.BY_FILE.get("tenant.json").application();
        return null;
    }

    private String problem(ApiException e, String file) {
        return e.forbidden() ? e.getMessage() + " (needs " + Permissions.missing(file, o.delegated()) + ")" : e.getMessage();
    }
}
