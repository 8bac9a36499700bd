package io.github.mfaeval.spark;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.mfaeval.cli.Main;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bundled example tenants, with their sign-in files in their own folders (overlapping exports, workload
 * identities, a tenant with no unsatisfied sign-in), through the Spark job and through evaluate: the reports
 * are identical, byte for byte once parsed, folder included.
 */
class ExampleTenantsOnSparkTest {
    static final Path EXAMPLES = Path.of("..", "examples", "tenants").toAbsolutePath().normalize();
    static final Path WORK = Path.of("target", "spark-examples").toAbsolutePath();

    @Test
    void eachExampleReportEqualsEvaluates() throws IOException {
        SparkEquivalenceTest.deleteTree(WORK);
        Path out = WORK.resolve("out");
        int exit = SparkMain.run("--master", "local[2]", "--config", EXAMPLES.toString(), "--out", out.toString(),
                "--as-of", "2025-11-28", "--rules", SparkEquivalenceTest.RULES.toString(), "--list-sign-ins", "all");
        assertEquals(1, exit, "some example tenant needs action");
        List<String> names = new ArrayList<>();
        try (var children = Files.list(EXAMPLES)) {
            children.filter(Files::isDirectory).forEach(p -> names.add(p.getFileName().toString()));
        }
        assertTrue(names.size() >= 3, names.toString());
        for (String name : names) {
            Path expected = WORK.resolve(name + ".json");
            Main.run("evaluate", EXAMPLES.resolve(name).toString(), "--format", "json", "--as-of", "2025-11-28",
                    "--rules", SparkEquivalenceTest.RULES.toString(), "--sign-ins", "all", "--output", expected.toString());
            JsonNode e = SparkEquivalenceTest.readReport(expected);
            JsonNode s = SparkEquivalenceTest.readReport(out.resolve("tenants").resolve(name).resolve("report.json"));
            List<String> differences = new ArrayList<>();
            SparkEquivalenceTest.diff("", e, s, differences);
            assertTrue(differences.isEmpty(), name + ": " + differences);
        }
    }
}
