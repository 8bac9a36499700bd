package io.github.mfaeval.spark;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.mfaeval.cli.Main;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bundled example tenants, with their sign-in files and Azure Activity Log exports in their own folders
 * (overlapping exports, workload identities, a tenant with no unsatisfied sign-in), through the Spark job and through
 * evaluate, in both editions of Microsoft's page: the reports are identical, byte for byte once parsed, folder
 * included. No --as-of is given: each tenant is evaluated as of its tenant.json asOf, as batch and evaluate do.
 */
class ExampleTenantsOnSparkTest {
    static final Path EXAMPLES = Path.of("..", "examples", "tenants").toAbsolutePath().normalize();
    static final Path WORK = Path.of("target", "spark-examples").toAbsolutePath();
    static SparkSession spark;

    @BeforeAll
    static void startSpark() throws IOException {
        SparkEquivalenceTest.deleteTree(WORK);
        spark = SparkMain.session("local[2]");
    }

    @AfterAll
    static void stopSpark() {
        if (spark != null) spark.stop();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-09-24", "2026-04-03"})
    void eachExampleReportEqualsEvaluates(String edition) throws IOException {
        Path out = WORK.resolve(edition).resolve("out");
        int exit = SparkMain.run(spark, "--config", EXAMPLES.toString(), "--out", out.toString(), "--edition", edition,
                "--rules", SparkEquivalenceTest.RULES.toString(), "--list-sign-ins", "all");
        assertEquals(1, exit, "some example tenant needs action");
        List<String> names = new ArrayList<>();
        try (var children = Files.list(EXAMPLES)) {
            children.filter(Files::isDirectory).forEach(p -> names.add(p.getFileName().toString()));
        }
        assertTrue(names.size() >= 3, names.toString());
        boolean armWrites = false;
        for (String name : names) {
            Path expected = WORK.resolve(edition).resolve(name + ".json");
            Main.run("evaluate", EXAMPLES.resolve(name).toString(), "--format", "json", "--edition", edition,
                    "--rules", SparkEquivalenceTest.RULES.toString(), "--sign-ins", "all", "--output", expected.toString());
            JsonNode e = SparkEquivalenceTest.readReport(expected);
            JsonNode s = SparkEquivalenceTest.readReport(out.resolve("tenants").resolve(name).resolve("report.json"));
            List<String> differences = new ArrayList<>();
            SparkEquivalenceTest.diff("", e, s, differences);
            assertTrue(differences.isEmpty(), name + ": " + differences);
            // the manifest's date, not today's; the edition asked for
            assertEquals("2025-11-28", s.path("asOf").asText(), name);
            assertEquals(edition, s.path("edition").asText(), name);
            for (JsonNode f : s.path("inputs").path("files")) {
                if (f.path("name").asText().startsWith("activityLog")) assertTrue(f.path("records").asLong() > 0, name + ": " + f);
            }
            for (JsonNode id : s.path("rules").path("fired")) armWrites |= id.asText().startsWith("MM-ARM-");
        }
        // The Activity Log (ARM writes) is judged in the later edition only.
        assertEquals(edition.equals("2026-04-03"), armWrites, edition + ": ARM write rules fired");
    }
}
