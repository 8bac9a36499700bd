package io.github.mfaeval.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.mfaeval.cli.Main;
import io.github.mfaeval.generate.TenantGenerator;
import io.github.mfaeval.load.format.SignInFiles;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The Spark job and {@code evaluate} agree on every tenant: generated tenants whose sign-ins are written in the
 * storage account layout (categories, tenants, hours; duplicates across hours and files, a broken line, gzip), run
 * once through {@code mfa-eval spark} in local mode and once through {@code evaluate} on a folder holding the
 * tenant's configuration and a copy of each of its storage files (named after its path, '/' becoming '_').
 * The reports must be equal field by field; the only differences allowed are the ones the two runs cannot share:
 * the folder the tenant was read from and the file labels ("a/b/PT1H.json" against "a_b_PT1H.json").
 * One more tenant has all its sign-ins in one large hourly file (a broken line and repeated records in it), which the
 * job reads in several line ranges on several tasks: its report must be the same as evaluate's too, positions included.
 */
class SparkEquivalenceTest {
    static final String AS_OF = "2026-11-30";
    static final Path RULES = Path.of("..", "rules").toAbsolutePath().normalize();
    static final Path WORK = Path.of("target", "spark-equivalence").toAbsolutePath();
    static final int TENANTS = 3;
    /** The tenant whose sign-ins are in one large file, read in line ranges of about SPLIT_MB. */
    static final int LARGE = TENANTS;
    static final String SPLIT_MB = "1";
    static String largeFile;
    static int largeBrokenLine;
    static final String BROKEN = "{\"time\": \"2026-11-02T05:00:00Z\", \"category\": \"SignInLogs\", \"properties\": {\"id\": ";

    static Path config, storage, out;
    static final Map<String, String> tenantIds = new TreeMap<>();
    static final Map<String, List<String>> labelsOf = new TreeMap<>();
    static int sparkExit;
    static SparkSession spark;

    @AfterAll
    static void stopSpark() {
        if (spark != null) spark.stop();
    }

    @BeforeAll
    static void generateAndRun() throws IOException {
        spark = SparkMain.session("local[2]");
        deleteTree(WORK);
        Path generated = WORK.resolve("generated");
        config = WORK.resolve("config");
        storage = WORK.resolve("storage");
        out = WORK.resolve("out");
        StorageAccountLayout layout = new StorageAccountLayout(storage);
        TenantGenerator generator = new TenantGenerator(17, 40, 400, false);
        List<String> gzipped = new ArrayList<>();
        for (int i = 0; i < TENANTS; i++) {
            String name = TenantGenerator.folderName(i);
            Path folder = generated.resolve(name);
            generator.write(i, folder);
            String tenantId = StorageAccountLayout.JSON.readTree(folder.resolve("tenant.json").toFile()).path("tenantId").asText();
            tenantIds.put(name, tenantId);
            Files.createDirectories(config.resolve(name));
            int n = 0;
            try (Stream<Path> files = Files.list(folder).sorted()) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    if (!SignInFiles.isSignInName(f.getFileName().toString())) {
                        Files.copy(f, config.resolve(name).resolve(f.getFileName()));
                        continue;
                    }
                    for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                        if (line.isBlank()) continue;
                        JsonNode graph = StorageAccountLayout.JSON.readTree(line);
                        String file = StorageAccountLayout.fileOf(tenantId, graph);
                        String record = StorageAccountLayout.envelope(tenantId, graph);
                        layout.add(file, record);
                        // Diagnostic settings deliver some records twice, in the next hour's blob.
                        if (n++ % 37 == 0) layout.add(file.replaceFirst("/h=(\\d\\d)/", "/h=$1x/").replace("x/", "-late/"), record);
                    }
                }
            }
        }
        // A broken line in the middle of the first tenant's first file, and gzip for every third file.
        String first = layout.files.keySet().stream().filter(k -> k.contains(tenantIds.get(TenantGenerator.folderName(0)))).findFirst().orElseThrow();
        layout.files.get(first).add(1, BROKEN);
        int k = 0;
        for (String f : layout.files.keySet()) if (k++ % 3 == 0) gzipped.add(f);
        // The large tenant: every sign-in in one plain hourly file, some repeated further on, a broken line at 70%.
        String large = TenantGenerator.folderName(LARGE);
        Path largeFolder = generated.resolve(large);
        new TenantGenerator(17, 60, 2500, false).write(LARGE, largeFolder);
        String largeId = StorageAccountLayout.JSON.readTree(largeFolder.resolve("tenant.json").toFile()).path("tenantId").asText();
        tenantIds.put(large, largeId);
        Files.createDirectories(config.resolve(large));
        largeFile = "insights-logs-signinlogs/tenantId=" + largeId + "/y=2026/m=11/d=01/h=00/m=00/PT1H.json";
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.list(largeFolder).sorted()) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (!SignInFiles.isSignInName(f.getFileName().toString())) {
                    Files.copy(f, config.resolve(large).resolve(f.getFileName()));
                    continue;
                }
                for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    if (!line.isBlank()) lines.add(StorageAccountLayout.envelope(largeId, StorageAccountLayout.JSON.readTree(line)));
                }
            }
        }
        int records = lines.size();
        for (int i = 0; i < records; i += 41) lines.add(lines.get(i));
        largeBrokenLine = lines.size() * 7 / 10;
        lines.add(largeBrokenLine - 1, BROKEN);
        for (String line : lines) layout.add(largeFile, line);
        gzipped.remove(largeFile);
        // Sign-ins of a tenant that has no folder: not read, listed in summary.json.
        layout.add("insights-logs-signinlogs/tenantId=00000000-0000-0000-0000-0000000000ff/y=2026/m=11/d=01/h=00/m=00/PT1H.json",
                layout.files.get(first).get(0));
        for (Path p : layout.write(gzipped)) {
            String label = storage.relativize(p).toString().replace('\\', '/');
            String tenantId = StorageFiles.tenantId(label);
            tenantIds.forEach((name, id) -> {
                if (id.equalsIgnoreCase(tenantId)) labelsOf.computeIfAbsent(name, x -> new ArrayList<>()).add(label);
            });
        }
        sparkExit = SparkMain.run(spark, "--config", config.toString(), "--sign-ins", storage.toString(),
                "--out", out.toString(), "--as-of", AS_OF, "--rules", RULES.toString(), "--partitions", "3", "--split-mb", SPLIT_MB);
    }

    @Test
    void everyTenantsReportEqualsEvaluates() throws IOException {
        assertTrue(sparkExit == 0 || sparkExit == 1, "spark exit code " + sparkExit);
        for (String name : tenantIds.keySet()) {
            Path folder = WORK.resolve("evaluate").resolve(name);
            Files.createDirectories(folder);
            try (Stream<Path> files = Files.list(config.resolve(name))) {
                for (Path f : (Iterable<Path>) files::iterator) Files.copy(f, folder.resolve(f.getFileName()));
            }
            for (String label : labelsOf.get(name)) Files.copy(storage.resolve(label), folder.resolve(flat(label)));
            Path expectedFile = WORK.resolve("evaluate").resolve(name + ".json");
            int exit = Main.run("evaluate", folder.toString(), "--format", "json", "--as-of", AS_OF, "--rules", RULES.toString(),
                    "--output", expectedFile.toString());
            assertTrue(exit == 0 || exit == 1, name + ": evaluate exit code " + exit);

            String sparkText = Files.readString(out.resolve("tenants").resolve(name).resolve("report.json"));
            for (String label : labelsOf.get(name)) sparkText = sparkText.replace("\"" + label, "\"" + flat(label));
            ObjectNode spark = (ObjectNode) StorageAccountLayout.JSON.readTree(sparkText);
            ObjectNode expected = (ObjectNode) StorageAccountLayout.JSON.readTree(expectedFile.toFile());
            ((ObjectNode) spark.get("inputs")).remove("folder");
            ((ObjectNode) expected.get("inputs")).remove("folder");
            List<String> differences = new ArrayList<>();
            diff("", expected, spark, differences);
            if (!differences.isEmpty()) {
                fail(name + ": the Spark report differs from evaluate's in " + differences.size() + " place(s), first: "
                        + String.join("\n", differences.subList(0, Math.min(10, differences.size()))));
            }
            assertTrue(expected.path("signIns").size() > 0, name + ": the comparison should cover listed sign-ins");
            assertTrue(expected.path("summary").path("signInsDuplicate").asLong() > 0, name + ": duplicates expected");
        }
    }

    @Test
    void theBrokenLineIsRejectedWithItsFileAndLine() throws IOException {
        String name = TenantGenerator.folderName(0);
        JsonNode report = StorageAccountLayout.JSON.readTree(out.resolve("tenants").resolve(name).resolve("report.json").toFile());
        JsonNode rejected = report.path("inputs").path("rejected");
        assertEquals(1, rejected.size(), rejected.toString());
        assertTrue(rejected.get(0).path("file").asText().matches("insights-logs-.*/tenantId=.*/PT1H\\.json(\\.gz)?"), rejected.toString());
        assertTrue(rejected.get(0).path("record").asText().contains("line 2"), rejected.toString());
        assertEquals("INCOMPLETE", report.path("status").asText());
        JsonNode summary = StorageAccountLayout.JSON.readTree(out.resolve("summary.json").toFile());
        assertEquals(1, summary.path("filesOfUnknownTenants").size(), summary.toString());
    }

    @Test
    void theLargeFileIsReadInSeveralLineRangesAndItsBrokenLineKeepsItsLine() throws IOException {
        InputFile f = new InputFile(0, storage.resolve(largeFile).toUri().toString(), largeFile, "t", List.of(), Files.size(storage.resolve(largeFile)));
        List<ReadPart> parts = PartReader.parts(f, (long) (Double.parseDouble(SPLIT_MB) * 1024 * 1024));
        assertTrue(parts.size() >= 4, "the large file should be read in several parts, not " + parts.size());
        assertTrue(ReadTasks.bins(parts, 2, (long) (Double.parseDouble(SPLIT_MB) * 1024 * 1024)).size() >= 4, "and by several tasks");
        long brokenAt = new String(Files.readAllBytes(storage.resolve(largeFile)), StandardCharsets.ISO_8859_1).indexOf(BROKEN);
        assertTrue(brokenAt > parts.get(1).end(), "the broken line should be in a later part, at byte " + brokenAt);
        JsonNode report = StorageAccountLayout.JSON.readTree(out.resolve("tenants").resolve(TenantGenerator.folderName(LARGE))
                .resolve("report.json").toFile());
        JsonNode rejected = report.path("inputs").path("rejected");
        assertEquals(1, rejected.size(), rejected.toString());
        assertEquals(largeFile, rejected.get(0).path("file").asText());
        assertTrue(rejected.get(0).path("record").asText().endsWith("(line " + largeBrokenLine + ")"), rejected.toString());
    }

    @Test
    void everyVerdictIsInTheParquetTable() throws IOException {
        {
            Dataset<Row> verdicts = spark.read().parquet(out.resolve("signins").toString());
            for (String name : tenantIds.keySet()) {
                JsonNode report = StorageAccountLayout.JSON.readTree(out.resolve("tenants").resolve(name).resolve("report.json").toFile());
                long evaluated = report.path("summary").path("signInsEvaluated").asLong();
                long notSatisfied = report.path("summary").path("signInsNotSatisfied").asLong();
                Dataset<Row> mine = verdicts.filter(verdicts.col("tenant").equalTo(name));
                assertEquals(evaluated, mine.count(), name);
                assertEquals(notSatisfied, mine.filter("inScope and not mfaSatisfied").count(), name);
            }
        }
    }

    static JsonNode readReport(Path file) throws IOException {
        return StorageAccountLayout.JSON.readTree(file.toFile());
    }

    static String flat(String label) {
        return label.replace('/', '_');
    }

    /** Paths where two JSON trees differ. */
    static void diff(String path, JsonNode a, JsonNode b, List<String> out) {
        if (a == null || b == null || a.getNodeType() != b.getNodeType()) {
            if (a == null ? b != null : !a.equals(b)) out.add(path + ": evaluate " + a + ", spark " + b);
            return;
        }
        if (a.isObject()) {
            for (Iterator<String> it = a.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                diff(path + "." + f, a.get(f), b.get(f), out);
            }
            for (Iterator<String> it = b.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (!a.has(f)) out.add(path + "." + f + ": only in spark");
            }
        } else if (a.isArray()) {
            if (a.size() != b.size()) out.add(path + ": evaluate has " + a.size() + " elements, spark " + b.size());
            for (int i = 0; i < Math.min(a.size(), b.size()); i++) diff(path + "[" + i + "]", a.get(i), b.get(i), out);
        } else if (!a.equals(b)) {
            out.add(path + ": evaluate " + a + ", spark " + b);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.sorted((x, y) -> y.getNameCount() - x.getNameCount())::iterator) Files.delete(p);
        }
    }
}
