package io.github.mfaeval.collect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.mfaeval.collect.TenantCollector.Skip;
import io.github.mfaeval.load.JsonRecords;
import io.github.mfaeval.report.AtomicFile;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The steps of a collection that read the directory and its configuration from Graph, one export each
 * ({@code users.json}, the policies, {@code groupMembers.json}, {@code domains.json}, {@code perUserMfa.json}, ...),
 * each written whole and renamed into place; {@link TenantCollector} runs them and records each in collection.json.
 */
final class DirectoryCollector {
    private final Api graph;
    private final CollectOptions o;
    private final CollectionRecord rec;
    private final Consumer<String> log;
    /** Pages of plain lists read so far (sign-in kinds count their own). */
    long pagesSeen;

    DirectoryCollector(Api graph, CollectOptions o, CollectionRecord rec, Consumer<String> log) {
        this.graph = graph;
        this.o = o;
        this.rec = rec;
        this.log = log;
    }

    private Path out(String name) {
        return o.folder().resolve(name);
    }

    /** A Graph list, every page, into {@code {"value": [...]}}. */
    long list(String path, String file) throws ApiException, AuthException, IOException {
        Progress progress = Progress.of(file, log, o.signIns().progressEvery());
        try (StagedFile f = StagedFile.list(out(file))) {
            graph.pages(graph.url(path), Api.Paging.GRAPH, values -> {
                for (JsonNode v : values) f.add(v);
                progress.page(values.size(), null);
                pagesSeen++;
            });
            f.commit();
            return f.records();
        }
    }

    /** One Graph object, as it comes. */
    long object(String path, String file) throws ApiException, AuthException, IOException {
        JsonNode node = graph.get(graph.url(path));
        if (node instanceof ObjectNode obj) obj.remove("@odata.context");
        writeJson(file, node);
        return 1;
    }

    private void writeJson(String file, JsonNode node) throws IOException {
        writeJson(o.folder(), file, node);
    }

    /** One JSON document, indented, written whole and renamed into place (the ARM steps write theirs so too). */
    static void writeJson(Path folder, String file, JsonNode node) throws IOException {
        AtomicFile.write(folder.resolve(file), w -> Api.MAPPER.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValue(w, node));
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Ids of the records of a file this collection wrote (users.json, conditionalAccessPolicies.json). */
    private List<JsonNode> recordsOf(String file) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        JsonRecords.read(out(file), (node, pos) -> out.add(node), (pos, reason) -> {
            throw new IllegalStateException(file + " " + pos + ": " + reason);
        });
        return out;
    }

    long groupMembers() throws ApiException, AuthException, IOException, Skip {
        if (!Files.isRegularFile(out("conditionalAccessPolicies.json"))) {
            throw new Skip("conditionalAccessPolicies.json was not collected, so the groups it names are unknown");
        }
        Set<String> groups = new LinkedHashSet<>();
        for (JsonNode p : recordsOf("conditionalAccessPolicies.json")) {
            JsonNode users = p.path("conditions").path("users");
            for (String field : new String[] {"includeGroups", "excludeGroups"}) {
                for (JsonNode g : users.path(field)) groups.add(g.asText());
            }
        }
        ObjectNode members = Api.MAPPER.createObjectNode();
        for (String group : groups) {
            ArrayNode ids = members.putArray(group);
            int[] pages = {0};
            try {
                // transitive: Conditional Access applies to members of nested groups too
                graph.pages(graph.url("/v1.0/groups/" + encode(group) + "/transitiveMembers/microsoft.graph.user?$select=id&$top=999"),
                        Api.Paging.GRAPH, values -> {
                            pages[0]++;
                            for (JsonNode v : values) ids.add(v.path("id").asText());
                        });
            } catch (ApiException e) {
                // A 404 on the first page: the group is gone. On a later page it is a broken listing, and the pages
                // read are not the whole group: the file fails, and the policy's groups count as unknown (fail closed).
                if (!e.notFound() || pages[0] > 0) throw e;
                rec.warn("groupMembers.json: group " + group + " named by a Conditional Access policy no longer exists (no members)");
            }
        }
        writeJson("groupMembers.json", members);
        return groups.size();
    }

    long domains() throws ApiException, AuthException, IOException {
        List<JsonNode> domains = new ArrayList<>();
        graph.pages(graph.url("/v1.0/domains"), Api.Paging.GRAPH, values -> values.forEach(domains::add));
        try (StagedFile f = StagedFile.list(out("domains.json"))) {
            for (JsonNode d : domains) {
                if (d instanceof ObjectNode od && "federated".equalsIgnoreCase(d.path("authenticationType").asText())) {
                    ArrayNode fed = od.putArray("federationConfiguration");
                    graph.pages(graph.url("/v1.0/domains/" + encode(d.path("id").asText()) + "/federationConfiguration"),
                            Api.Paging.GRAPH, values -> values.forEach(fed::add));
                }
                f.add(d);
            }
            f.commit();
            return f.records();
        }
    }

    long crossTenant() throws ApiException, AuthException, IOException {
        JsonNode def = graph.get(graph.url("/v1.0/policies/crossTenantAccessPolicy/default"));
        if (def instanceof ObjectNode obj) obj.remove("@odata.context");
        ArrayNode partners = Api.MAPPER.createArrayNode();
        graph.pages(graph.url("/v1.0/policies/crossTenantAccessPolicy/partners"), Api.Paging.GRAPH, values -> values.forEach(partners::add));
        ObjectNode out = Api.MAPPER.createObjectNode();
        out.set("default", def);
        out.set("partners", partners);
        writeJson("crossTenantAccessPolicy.json", out);
        return 1 + partners.size();
    }

    long perUserMfa() throws ApiException, AuthException, IOException, Skip {
        if (!Files.isRegularFile(out("users.json"))) throw new Skip("users.json was not collected, so the users to ask about are unknown");
        List<String> users = new ArrayList<>();
        for (JsonNode u : recordsOf("users.json")) {
            String id = u.path("id").asText(null);
            if (id != null) users.add(id);
        }
        PerUserMfa.Result r;
        try (StagedFile f = StagedFile.list(out("perUserMfa.json"))) {
            r = new PerUserMfa(graph, o.retry(), log).collect(users, f);
            f.commit();
        }
        r.problems().forEach(p -> rec.warn("perUserMfa.json: " + p));
        if (!r.problems().isEmpty()) {
            log.accept("perUserMfa.json: " + r.problems().size() + " user(s) not read; they count as not covered by per-user MFA");
        }
        return r.written();
    }
}
