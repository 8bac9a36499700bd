package io.github.mfaeval.spark;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.mfaeval.cli.Main;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The cluster way, without a cluster: the jar built by {@code mvn -f spark/pom.xml package} is run by Spark's own
 * submit entry point ({@code org.apache.spark.deploy.SparkSubmit}, what {@code spark-submit} runs) in a JVM of its
 * own, on Spark's jars only (target/spark-classpath.txt), with {@code --master local[2]}: so the submit jar must
 * carry everything the job needs that a Spark installation does not have. Its reports of the bundled examples
 * equal {@code evaluate}'s. Runs after package (integration-test phase of {@code mvn verify}).
 */
class SparkSubmitIT {
    static final Path WORK = Path.of("target", "spark-submit").toAbsolutePath();

    @Test
    void theSubmitJarRunsThroughSparkSubmitAndGivesEvaluatesReports() throws Exception {
        SparkEquivalenceTest.deleteTree(WORK);
        Files.createDirectories(WORK);
        Path jar = Path.of("target", "mfa-eval-spark-submit.jar").toAbsolutePath();
        Path classpath = Path.of("target", "spark-classpath.txt");
        assertTrue(Files.isRegularFile(jar) && Files.isRegularFile(classpath), "run after package: " + jar + ", " + classpath);
        Path out = WORK.resolve("out");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx1g");
        command.addAll(Arrays.asList(System.getProperty("spark.java.options", "").trim().split("\\s+")));
        command.addAll(List.of("-cp", Files.readString(classpath).trim(), "org.apache.spark.deploy.SparkSubmit",
                "--master", "local[2]", "--conf", "spark.ui.enabled=false", "--conf", "spark.driver.bindAddress=127.0.0.1",
                "--conf", "spark.driver.host=127.0.0.1", "--class", "io.github.mfaeval.spark.SparkMain", jar.toString(),
                "--config", ExampleTenantsOnSparkTest.EXAMPLES.toString(), "--out", out.toString(),
                "--rules", SparkEquivalenceTest.RULES.toString(), "--list-sign-ins", "all"));
        Path log = WORK.resolve("spark-submit.log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("SparkSubmit did not finish in 10 minutes; " + log);
        }
        assertEquals(1, p.exitValue(), "exit code (1: some example needs action); see " + log + ":\n" + tail(log));
        List<String> names = new ArrayList<>();
        try (var children = Files.list(ExampleTenantsOnSparkTest.EXAMPLES)) {
            children.filter(Files::isDirectory).forEach(d -> names.add(d.getFileName().toString()));
        }
        assertTrue(names.size() >= 3, names.toString());
        for (String name : names) {
            Path expected = WORK.resolve(name + ".json");
            int exit = Main.run("evaluate", ExampleTenantsOnSparkTest.EXAMPLES.resolve(name).toString(), "--format", "json",
                    "--rules", SparkEquivalenceTest.RULES.toString(), "--sign-ins", "all", "--output", expected.toString());
            assertTrue(exit == 0 || exit == 1, name + ": evaluate exit code " + exit);
            JsonNode e = SparkEquivalenceTest.readReport(expected);
            JsonNode s = SparkEquivalenceTest.readReport(out.resolve("tenants").resolve(name).resolve("report.json"));
            List<String> differences = new ArrayList<>();
            SparkEquivalenceTest.diff("", e, s, differences);
            assertTrue(differences.isEmpty(), name + ": " + differences);
        }
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }
}
