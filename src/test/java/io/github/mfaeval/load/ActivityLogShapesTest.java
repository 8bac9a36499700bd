package io.github.mfaeval.load;

import io.github.mfaeval.result.Rejection;
import io.github.mfaeval.TestRules;
import io.github.mfaeval.load.activity.ActivityLogReader;
import io.github.mfaeval.model.ArmEvent;
import io.github.mfaeval.model.Finding;
import io.github.mfaeval.result.ArmWriteVerdict;
import io.github.mfaeval.result.Report;
import io.github.mfaeval.result.UserVerdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The same five Activity Log events (bob's delete without MFA, Started then refused; alice's write with MFA,
 * Started then Succeeded; a managed identity's write) exported in every shape an administrator has: ARM REST
 * list, az monitor activity-log list, diagnostic records to a storage account (JSON lines, gzipped) and to an
 * Event Hub, Log Analytics AzureActivity (query API JSON and portal CSV). Each gives the same Phase 2
 * verdicts with nothing lost; all together, the copies are duplicates.
 */
class ActivityLogShapesTest {
    private static final Path FIXTURES = TestRules.PROJECT.resolve("src/test/resources/activity-log");
    private static final String EDITION = "2026-04-03";
    private static final LocalDate AS_OF = LocalDate.of(2025, 11, 28);
    static final String[] SHAPES = {"activityLog-rest.json", "activityLog-az.json", "activityLog-storage-PT1H.json.gz",
            "activityLog-eventhub.json", "activityLog-loganalytics.json", "activityLog-loganalytics.csv"};

    /** The scenario base tenant with the given activity log files instead of its own. */
    private static Path tenant(Path tmp, String... logs) throws Exception {
        Path dir = tmp.resolve("tenant");
        Files.createDirectories(dir);
        try (Stream<Path> files = Files.list(TestRules.PROJECT.resolve("test-scenarios/base"))) {
            for (Path f : (Iterable<Path>) files::iterator) Files.copy(f, dir.resolve(f.getFileName().toString()));
        }
        for (String log : logs) Files.copy(FIXTURES.resolve(log), dir.resolve(log), StandardCopyOption.REPLACE_EXISTING);
        return dir;
    }

    @ParameterizedTest
    @ValueSource(strings = {"activityLog-rest.json", "activityLog-az.json", "activityLog-storage-PT1H.json.gz",
            "activityLog-eventhub.json", "activityLog-loganalytics.json", "activityLog-loganalytics.csv"})
    void everyShapeGivesTheSamePhase2Verdicts(String shape, @TempDir Path tmp) throws Exception {
        List<ArmEvent> events = new ArrayList<>();
        List<Rejection> rejected = new ArrayList<>();
        ActivityLogReader.read(FIXTURES.resolve(shape), new ActivityLogReader.Sink() {
            public void event(ArmEvent e) { events.add(e); }
            public void rejected(Rejection r) { rejected.add(r); }
        });
        assertEquals(List.of(), rejected, shape);
        assertEquals(5, events.size(), shape);
        ArmEvent first = events.get(0);
        assertEquals("microsoft.compute/virtualmachines/delete", first.operation(), shape);
        assertEquals("administrative", first.category(), shape);
        assertEquals("STARTED", first.status(), shape);
        assertEquals("user", first.identityType(), shape);
        assertEquals("04b07795-8ddb-461a-bbee-02f9e1bf7b46", first.clientAppId(), shape);
        assertEquals("bob@contoso.example", first.upn(), shape);
        assertEquals(java.util.Set.of("pwd"), first.amr(), shape);
        assertEquals("FAILED", events.get(1).status(), shape);
        assertEquals(java.util.Set.of("mfa", "pwd"), events.get(2).amr(), shape);
        assertEquals("app", events.get(4).identityType(), shape);

        Report r = TestRules.evaluate(tenant(tmp, shape), AS_OF, EDITION);
        assertEquals(EDITION, r.edition());
        assertEquals(5L, r.summary().armWritesRead(), shape);
        assertEquals(2L, r.summary().armWritesInScope(), "bob's delete and alice's write, each once; the managed identity is out");
        assertEquals(1L, r.summary().armWritesWithoutMfa(), shape);
        assertEquals(List.of(), r.inputs().rejected(), shape);
        Finding bob = r.findings().stream().filter(f -> f.code().equals("ARM_WRITE_WITHOUT_MFA")).findFirst().orElseThrow();
        assertEquals("u-bob", bob.subject());
        assertTrue(bob.message().contains("microsoft.compute/virtualmachines/delete") && bob.message().contains("refused: 1."), bob.message());
        UserVerdict alice = r.users().stream().filter(u -> u.id().equals("u-alice")).findFirst().orElseThrow();
        assertTrue(alice.ready(), "alice wrote with MFA");
        List<ArmWriteVerdict> writes = r.armWrites();
        assertEquals(2, writes.size());
        ArmWriteVerdict refused = writes.get(0);
        assertEquals("bob@contoso.example", refused.user());
        assertFalse(refused.mfa());
        assertTrue(refused.refused() && refused.enforcementActive());
        assertEquals(List.of("FAILED", "STARTED"), refused.statuses());
        assertTrue(r.inputs().files().stream().anyMatch(f -> f.name().equals(shape) && f.records() == 5), r.inputs().files().toString());
    }

    /**
     * Issue 24: the same events with their category missing (ARM REST, az, AzureActivity JSON), null (diagnostic
     * records) or empty (AzureActivity CSV) are judged by their operation names: bob's delete without MFA still
     * counts. Before, every one was dropped as non-administrative and bob was ready.
     */
    @ParameterizedTest
    @ValueSource(strings = {"activityLog-rest.json", "activityLog-az.json", "activityLog-storage-PT1H.json.gz",
            "activityLog-eventhub.json", "activityLog-loganalytics.json", "activityLog-loganalytics.csv"})
    void aWriteWithoutACategoryIsJudgedByItsOperationName(String shape, @TempDir Path tmp) throws Exception {
        Path dir = tenant(tmp);
        String name = shape.replace(".gz", "");
        Files.writeString(dir.resolve(name), withoutCategory(shape));
        Report r = TestRules.evaluate(dir, AS_OF, EDITION);
        assertEquals(List.of(), r.inputs().rejected(), shape);
        assertEquals(5L, r.summary().armWritesRead(), shape);
        assertEquals(2L, r.summary().armWritesInScope(), shape + ": bob's delete and alice's write, each once; the managed identity is out");
        assertEquals(1L, r.summary().armWritesWithoutMfa(), shape);
        assertTrue(r.findings().stream().anyMatch(f -> f.code().equals("ARM_WRITE_WITHOUT_MFA") && f.subject().equals("u-bob")), shape);
    }

    /** The fixture's text with every record's category taken out, in the way its shape would lose it. */
    private static String withoutCategory(String shape) throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        Path file = FIXTURES.resolve(shape);
        if (shape.endsWith(".csv")) {
            List<String> lines = Files.readAllLines(file);
            List<String> header = List.of(lines.get(0).split(","));
            int at = header.indexOf("CategoryValue");
            StringBuilder out = new StringBuilder(lines.get(0)).append('\n');
            // CategoryValue is the fourth column, before any quoted value: blank it in every row
            for (String line : lines.subList(1, lines.size())) {
                String[] head = line.split(",", at + 2);
                head[at] = "";
                out.append(String.join(",", head)).append('\n');
            }
            return out.toString();
        }
        if (shape.endsWith(".gz")) {
            StringBuilder out = new StringBuilder();
            try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(file))) {
                for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                    if (line.isBlank()) continue;
                    var record = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(line);
                    record.remove("category");
                    out.append(json.writeValueAsString(record)).append('\n');
                }
            }
            return out.toString();
        }
        com.fasterxml.jackson.databind.JsonNode root = json.readTree(file.toFile());
        if (root.has("tables")) {
            for (var table : root.get("tables")) {
                List<String> columns = new ArrayList<>();
                table.get("columns").forEach(c -> columns.add(c.get("name").asText()));
                for (var row : table.get("rows")) {
                    for (String c : List.of("CategoryValue", "Category")) {
                        if (columns.contains(c)) ((com.fasterxml.jackson.databind.node.ArrayNode) row).setNull(columns.indexOf(c));
                    }
                }
            }
        } else {
            com.fasterxml.jackson.databind.JsonNode records = root.isArray() ? root : root.has("value") ? root.get("value") : root.get("records");
            for (var record : records) {
                // ARM REST and az: no category at all; Event Hub records: "category": null
                if (shape.contains("eventhub")) ((com.fasterxml.jackson.databind.node.ObjectNode) record).putNull("category");
                else ((com.fasterxml.jackson.databind.node.ObjectNode) record).remove("category");
            }
        }
        return json.writeValueAsString(root);
    }

    @Test
    void everyShapeAtOnceCountsEachEventOnceAndTheRestAsDuplicates(@TempDir Path tmp) throws Exception {
        Report r = TestRules.evaluate(tenant(tmp, SHAPES), AS_OF, EDITION);
        assertEquals(30L, r.summary().armWritesRead());
        assertEquals(2L, r.summary().armWritesInScope());
        assertEquals(1L, r.summary().armWritesWithoutMfa());
        assertEquals(1, r.findings().stream().filter(f -> f.code().equals("ARM_WRITE_WITHOUT_MFA")).count());
    }

    @Test
    void aBrokenRecordIsRejectedWithFileAndRecordAndTheCountsAddUp(@TempDir Path tmp) throws Exception {
        Path dir = tenant(tmp);
        // The Event Hub fixture's records, one per line (the storage-account layout), then two broken lines.
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        StringBuilder lines = new StringBuilder();
        for (var record : json.readTree(FIXTURES.resolve("activityLog-eventhub.json").toFile()).get("records")) {
            lines.append(json.writeValueAsString(record)).append('\n');
        }
        lines.append("{\"time\": \"yesterday\", \"operationName\": \"MICROSOFT.COMPUTE/VIRTUALMACHINES/WRITE\"}\n{not json\n");
        Files.writeString(dir.resolve("activityLog.jsonl"), lines);
        Report r = TestRules.evaluate(dir, AS_OF, EDITION);
        assertEquals(Report.Status.INCOMPLETE, r.status());
        List<Rejection> rejected = r.inputs().rejected().stream().filter(x -> x.file().equals("activityLog.jsonl")).toList();
        assertEquals(2, rejected.size(), rejected.toString());
        assertTrue(rejected.get(0).record().contains("record 6") && rejected.get(0).reason().contains("\"yesterday\""), rejected.toString());
        // read = evaluated + rejected + duplicate: 5 events and 2 broken records
        assertEquals(7L, r.summary().armWritesRead());
        assertEquals(2L, r.summary().armWritesInScope(), "the other records are still judged");
        assertEquals(1L, r.summary().armWritesWithoutMfa());
    }

    @Test
    void theFirstEditionReadsTheLogButJudgesNoWrite(@TempDir Path tmp) throws Exception {
        Report r = TestRules.evaluate(tenant(tmp, "activityLog-rest.json"), AS_OF, "2024-09-24");
        assertEquals("2024-09-24", r.edition());
        assertEquals(5L, r.summary().armWritesRead());
        assertEquals(0L, r.summary().armWritesInScope());
        assertTrue(r.findings().stream().noneMatch(f -> f.code().equals("ARM_WRITE_WITHOUT_MFA")));
    }
}
