package io.github.mfaeval.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.mfaeval.TestRules;
import io.github.mfaeval.report.JsonRenderer;
import io.github.mfaeval.result.Report;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The nightly job at scale: the example tenants plus hundreds derived from them, three of them broken in
 * different ways, evaluated with 4 threads. Every tenant's report must be exactly what evaluating that
 * tenant alone gives, and mention no other tenant's marker.
 */
class ManyTenantsBatchTest {
    static final int GENERATED = 300;
    /** Broken tenants, spread among the others so that healthy ones run before, beside and after them. */
    static final String BAD_MANIFEST = GeneratedTenants.name(7);
    static final String BAD_SIGN_INS = GeneratedTenants.name(151);
    static final String BAD_ACCEPTANCE = GeneratedTenants.name(290);

    @TempDir
    static Path temp;
    static Path root;
    static Path out;
    static BatchSummary summary;
    static String log;

    @BeforeAll
    static void runBatch() throws IOException {
        root = temp.resolve("tenants");
        out = temp.resolve("out");
        for (String example : GeneratedTenants.TEMPLATES) {
            GeneratedTenants.copy(TestRules.EXAMPLES.resolve(example), root.resolve(example));
        }
        GeneratedTenants.generate(root, GENERATED);
        // Fails while loading: the manifest is not JSON.
        Files.writeString(root.resolve(BAD_MANIFEST).resolve("tenant.json"), "{ \"tenantId\": ");
        // Evaluated but INCOMPLETE: a sign-in "file" that is a folder is a rejected input, named in the report.
        Files.createDirectories(root.resolve(BAD_SIGN_INS).resolve("signIns-broken.json"));
        // Fails on its accepted risks: an acceptance without a justification.
        Files.writeString(root.resolve(BAD_ACCEPTANCE).resolve("acceptedRisks.json"),
                "[{\"code\": \"NOT_COVERED\", \"subject\": \"x\", \"expires\": \"2026-01-31\"}]");
        Files.createDirectories(root.resolve("notes-without-manifest"));

        StringWriter err = new StringWriter();
        BatchRunner.Options options = new BatchRunner.Options(root, out, TestRules.AS_OF, 4, false, null, null, "test");
        summary = new BatchRunner(TestRules.base(), options, TenantEvaluation.standard(TestRules.base()),
                new Progress(new PrintWriter(err, true), false, System::nanoTime), Clock.systemUTC()).run();
        log = err.toString();
    }

    static Map<String, TenantRow> rows() {
        return summary.tenants().stream().collect(Collectors.toMap(TenantRow::tenant, r -> r));
    }

    @Test
    void theSummaryHasARowForEveryTenantAndTheRightTotals() throws IOException {
        int tenants = GENERATED + GeneratedTenants.TEMPLATES.size();
        assertEquals(tenants, summary.totals().tenants());
        assertEquals(2, summary.totals().failed());
        assertEquals(1, summary.totals().incomplete());
        assertEquals(0, summary.totals().timedOut());
        // contoso-ready and every tenant derived from it is ready; the others (but the broken ones) need action.
        long contosos = summary.tenants().stream().filter(r -> r.tenant().startsWith("contoso-ready")).count();
        assertEquals(GENERATED / 3 + 1, contosos);
        assertEquals(contosos, summary.totals().ready(), "no broken tenant is derived from contoso-ready");
        assertEquals(tenants - 3 - contosos, summary.totals().actionRequired());
        assertEquals(List.of("notes-without-manifest"), summary.skippedFolders());
        assertTrue(summary.totals().anyFailed());

        JsonNode json = JsonRenderer.MAPPER.readTree(out.resolve("summary.json").toFile());
        assertEquals(tenants, json.get("tenants").size());
        assertEquals(TestRules.base().fingerprint(), json.at("/run/rulesFingerprint").asText());
        assertEquals("2025-11-28", json.at("/run/asOf").asText());
        assertFalse(json.at("/run/inputsFingerprint").asText().isEmpty());
        assertFalse(json.at("/run/startedAt").asText().isEmpty());
        assertFalse(json.at("/run/endedAt").asText().isEmpty());

        List<String> csv = Files.readAllLines(out.resolve("summary.csv"), StandardCharsets.UTF_8);
        assertEquals(tenants + 1, csv.size(), "a header and a row per tenant");
        List<String> header = List.of(csv.get(0).split(","));
        assertTrue(header.containsAll(List.of("tenant", "status", "asOf", "usersReady", "findingsRequiringAction", "phase1State",
                "phase2Start", "NOT_COVERED", "report", "runDate", "toolVersion", "runStartedAt")), header::toString);
        // a person's columns: the hashes stay in summary.json (issue 27)
        assertTrue(header.stream().noneMatch(h -> h.contains("Fingerprint")), header::toString);
    }

    @Test
    void everyDerivedTenantCountsExactlyAsItsTemplate() {
        Map<String, TenantRow> rows = rows();
        for (TenantRow r : summary.tenants()) {
            if (r.status().failed() || r.tenant().equals(BAD_SIGN_INS) || GeneratedTenants.TEMPLATES.contains(r.tenant())) continue;
            TenantRow template = rows.get(GeneratedTenants.template(r.tenant()));
            assertEquals(template.status(), r.status(), r.tenant());
            assertEquals(template.counts(), r.counts(), r.tenant());
            assertEquals(template.findingsByCode(), r.findingsByCode(), r.tenant());
            assertEquals(template.schedule(), r.schedule(), r.tenant());
        }
    }

    @Test
    void brokenTenantsGetAnErrorReportSayingWhatFailedWhereAndTheOthersGoOn() throws IOException {
        Map<String, TenantRow> rows = rows();
        TenantRow manifest = rows.get(BAD_MANIFEST);
        assertEquals(TenantStatus.FAILED, manifest.status());
        assertEquals("input", manifest.error().stage());
        assertTrue(manifest.error().message().contains(BAD_MANIFEST + "/tenant.json: not valid JSON"), manifest.error().message());

        TenantRow signIns = rows.get(BAD_SIGN_INS);
        assertEquals(TenantStatus.INCOMPLETE, signIns.status());
        JsonNode incomplete = JsonRenderer.MAPPER.readTree(out.resolve("tenants").resolve(BAD_SIGN_INS).resolve("report.json").toFile());
        assertTrue(incomplete.at("/inputs/rejected").toString().contains("signIns-broken.json"), incomplete.at("/inputs/rejected").toString());

        TenantRow acceptance = rows.get(BAD_ACCEPTANCE);
        assertEquals("input", acceptance.error().stage());
        assertTrue(acceptance.error().message().contains("acceptedRisks.json: entry 1: \"justification\" is required"),
                acceptance.error().message());

        for (String broken : List.of(BAD_MANIFEST, BAD_ACCEPTANCE)) {
            JsonNode error = JsonRenderer.MAPPER.readTree(out.resolve("tenants").resolve(broken).resolve("error.json").toFile());
            assertEquals("FAILED", error.get("status").asText());
            assertEquals(rows.get(broken).error().message(), error.at("/error/message").asText());
            assertFalse(Files.exists(out.resolve("tenants").resolve(broken).resolve("report.json")));
            assertEquals("tenants/" + broken + "/error.json", rows.get(broken).report());
        }
        // The tenants right after each broken one were evaluated.
        assertEquals(TenantStatus.ACTION_REQUIRED, rows.get(GeneratedTenants.name(8)).status());
        assertEquals(TenantStatus.READY, rows.get(GeneratedTenants.name(9)).status());
        assertTrue(log.contains(BAD_MANIFEST + ": FAILED (input)"), log);
    }

    @Test
    void noFactFindingOrCountOfOneTenantAppearsInAnotherTenantsReport() throws IOException {
        // What each template's first derived tenant gives evaluated alone, on this thread, with nothing else running.
        Map<String, ObjectNode> alone = new HashMap<>();
        for (int i = 0; i < GeneratedTenants.TEMPLATES.size(); i++) {
            Path folder = root.resolve(GeneratedTenants.name(i));
            alone.put(GeneratedTenants.template(folder.getFileName().toString()), comparable(TestRules.evaluate(folder)));
        }
        int checked = 0;
        try (Stream<Path> dirs = Files.list(out.resolve("tenants"))) {
            for (Path dir : (Iterable<Path>) dirs::iterator) {
                String tenant = dir.getFileName().toString();
                boolean failed = Files.exists(dir.resolve("error.json"));
                ObjectNode json = (ObjectNode) JsonRenderer.MAPPER.readTree(dir.resolve(failed ? "error.json" : "report.json").toFile());
                // SHA-256 fingerprints are hex too and may contain "feed…" by chance: they are not tenant data.
                json.remove(List.of("provenance", "rulesFingerprint"));
                if (json.has("rules")) ((ObjectNode) json.get("rules")).remove("fingerprint");
                String text = JsonRenderer.MAPPER.writeValueAsString(json);
                Set<String> markers = GeneratedTenants.markersIn(text);
                Set<String> own = GeneratedTenants.markersIn(tenant);
                assertEquals(own, markers, tenant + "'s report mentions another tenant");
                if (failed || own.isEmpty() || tenant.equals(BAD_SIGN_INS)) continue;
                // Same facts, findings and counts as alone, once this tenant's marker reads as the reference's.
                String template = GeneratedTenants.template(tenant);
                String reference = GeneratedTenants.marker(GeneratedTenants.TEMPLATES.indexOf(template));
                ObjectNode report = (ObjectNode) JsonRenderer.MAPPER.readTree(text.replace(own.iterator().next(), reference));
                ObjectNode expected = alone.get(template).deepCopy();
                ((ObjectNode) expected.get("rules")).remove("fingerprint");
                assertSameReport(expected, report, tenant);
                checked++;
            }
        }
        assertEquals(GENERATED - 3, checked, "every derived tenant but the broken ones");
    }

    /** Equal JSON, or a failure naming the first field that differs (whole reports are too long to read). */
    static void assertSameReport(JsonNode expected, JsonNode actual, String tenant) {
        String difference = firstDifference("", expected, actual);
        assertEquals(null, difference, tenant + " differs from its evaluation alone");
    }

    static String firstDifference(String path, JsonNode a, JsonNode b) {
        if (a.equals(b)) return null;
        if (a.isContainerNode() && b.isContainerNode() && a.getNodeType() == b.getNodeType()) {
            if (a.isArray() && a.size() != b.size()) return path + ": " + a.size() + " elements, found " + b.size();
            var names = a.isObject() ? a.fieldNames() : null;
            if (names != null) {
                while (names.hasNext()) {
                    String n = names.next();
                    if (!b.has(n)) return path + "/" + n + ": missing";
                    String d = firstDifference(path + "/" + n, a.get(n), b.get(n));
                    if (d != null) return d;
                }
                return path + ": extra fields " + b.toString().substring(0, Math.min(200, b.toString().length()));
            }
            for (int i = 0; i < a.size(); i++) {
                String d = firstDifference(path + "/" + i, a.get(i), b.get(i));
                if (d != null) return d;
            }
        }
        return path + ": expected " + a + ", found " + b;
    }

    /** The report as its JSON file reads back (so numbers compare as the file's numbers). */
    private static ObjectNode comparable(Report r) throws IOException {
        return (ObjectNode) JsonRenderer.MAPPER.readTree(JsonRenderer.MAPPER.writeValueAsString(r));
    }
}
