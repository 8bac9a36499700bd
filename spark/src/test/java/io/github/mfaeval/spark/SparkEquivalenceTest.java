package io.github.mfaeval.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.mfaeval.cli.Main;
import io.github.mfaeval.generate.TenantGenerator;
import io.github.mfaeval.load.signin.SignInFiles;
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
 * Two tenants share a file whose path names no tenant (a lake export): each record goes to the tenant of its own log
 * (the envelope's tenantId), and each tenant's report equals evaluate's on a copy of the whole file, where the other
 * tenant's records are left out with a warning; its broken line is in both reports, with its line. A record of one
 * tenant in another's storage path, a record of a tenant without a folder and a record without any tenantId are in
 * no report: they are counted in summary.json and the run exits 3. A tenant without any sign-in says they are missing.
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
    /** A file of two tenants' logs, its path naming none; the tenants whose records are mixed in it. */
    static final String MIXED = "lake/signins/y=2026/m=11/d=02/h=05/part-00000.json";
    static final int[] MIXED_TENANTS = {1, 2};
    /** A tenant with a folder and no sign-in anywhere. */
    static final int SILENT = TENANTS + 1;
    static final String UNKNOWN_TENANT = "00000000-0000-0000-0000-0000000000ff";
    static String contradicted;
    static int mixedBrokenLine;

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
                        // Some records of two tenants are in the lake's file instead (a few in both places).
                        boolean mixed = i == MIXED_TENANTS[0] || i == MIXED_TENANTS[1] ? n % 5 == 2 : false;
                        layout.add(mixed ? MIXED : file, record);
                        if (mixed && n % 10 == 2) layout.add(file, record);
                        // Diagnostic settings deliver some records twice, in the next hour's blob.
                        if (n++ % 37 == 0) layout.add(file.replaceFirst("/h=(\\d\\d)/", "/h=$1x/").replace("x/", "-late/"), record);
                    }
                }
            }
        }
        // A broken line in the middle of the first tenant's first file, and gzip for every third file.
        String first = layout.files.keySet().stream().filter(k -> k.contains(tenantIds.get(TenantGenerator.folderName(0)))).findFirst().orElseThrow();
        layout.files.get(first).add(1, BROKEN);
        // In the first tenant's storage path, a record of the third tenant's log (its own copy is in its own files).
        String third = layout.files.keySet().stream().filter(k -> k.contains(tenantIds.get(TenantGenerator.folderName(2)))).findFirst().orElseThrow();
        contradicted = first;
        layout.add(first, layout.files.get(third).get(0));
        // In the lake's file: a broken line, and a record of a tenant without a folder.
        List<String> lake = layout.files.get(MIXED);
        JsonNode someone = StorageAccountLayout.JSON.readTree(lake.get(0)).path("properties").deepCopy();
        ((ObjectNode) someone).put("id", "ffffffff-0000-4000-8000-000000000001");
        lake.add(lake.size() / 2, StorageAccountLayout.envelope(UNKNOWN_TENANT, someone));
        mixedBrokenLine = 4;
        lake.add(mixedBrokenLine - 1, BROKEN);
        // A Graph export that says no tenant, in a path that names none.
        ((ObjectNode) someone).put("id", "ffffffff-0000-4000-8000-000000000002");
        layout.add("exports/signIns.json", StorageAccountLayout.JSON.writeValueAsString(someone));
        // A tenant with its configuration and no sign-in at all.
        Path silent = generated.resolve(TenantGenerator.folderName(SILENT));
        new TenantGenerator(17, 10, 20, false).write(SILENT, silent);
        tenantIds.put(TenantGenerator.folderName(SILENT), StorageAccountLayout.JSON.readTree(silent.resolve("tenant.json").toFile()).path("tenantId").asText());
        Files.createDirectories(config.resolve(TenantGenerator.folderName(SILENT)));
        try (Stream<Path> files = Files.list(silent)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (!SignInFiles.isSignInName(f.getFileName().toString())) {
                    Files.copy(f, config.resolve(TenantGenerator.folderName(SILENT)).resolve(f.getFileName()));
                }
            }
        }
        int k = 0;
        for (String f : layout.files.keySet()) if (k++ % 3 == 0) gzipped.add(f);
        gzipped.remove(MIXED);
        gzipped.remove("exports/signIns.json");
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
            if (label.equals(MIXED)) for (int i : MIXED_TENANTS) labelsOf.computeIfAbsent(TenantGenerator.folderName(i), x -> new ArrayList<>()).add(label);
        }
        sparkExit = SparkMain.run(spark, "--config", config.toString(), "--sign-ins", storage.toString(),
                "--out", out.toString(), "--as-of", AS_OF, "--rules", RULES.toString(), "--partitions", "3", "--split-mb", SPLIT_MB);
    }

    @Test
    void everyTenantsReportEqualsEvaluates() throws IOException {
        assertEquals(3, sparkExit, "records no report holds fail the run");
        for (String name : tenantIds.keySet()) {
            Path folder = WORK.resolve("evaluate").resolve(name);
            Files.createDirectories(folder);
            try (Stream<Path> files = Files.list(config.resolve(name))) {
                for (Path f : (Iterable<Path>) files::iterator) Files.copy(f, folder.resolve(f.getFileName()));
            }
            for (String label : labelsOf.getOrDefault(name, List.of())) Files.copy(storage.resolve(label), folder.resolve(flat(label)));
            Path expectedFile = WORK.resolve("evaluate").resolve(name + ".json");
            int exit = Main.run("evaluate", folder.toString(), "--format", "json", "--as-of", AS_OF, "--rules", RULES.toString(),
                    "--output", expectedFile.toString());
            assertTrue(exit == 0 || exit == 1, name + ": evaluate exit code " + exit);

            String sparkText = Files.readString(out.resolve("tenants").resolve(name).resolve("report.json"));
            for (String label : labelsOf.getOrDefault(name, List.of())) sparkText = sparkText.replace("\"" + label, "\"" + flat(label));
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
            if (name.equals(TenantGenerator.folderName(SILENT))) {
                assertEquals(0, expected.path("summary").path("signInsRead").asLong());
                assertTrue(expected.path("inputs").path("missing").toString().contains("signIn"), expected.path("inputs").toString());
                continue;
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
    void eachTenantReadsItsRecordsOfTheMixedFileAndItsBrokenLine() throws IOException {
        for (int i : MIXED_TENANTS) {
            String name = TenantGenerator.folderName(i);
            JsonNode report = StorageAccountLayout.JSON.readTree(out.resolve("tenants").resolve(name).resolve("report.json").toFile());
            long own = 0;
            for (JsonNode f : report.path("inputs").path("files")) if (f.path("name").asText().equals(MIXED)) own = f.path("records").asLong();
            assertTrue(own > 10, name + ": its records of " + MIXED + ": " + own);
            JsonNode rejected = report.path("inputs").path("rejected");
            assertEquals(1, rejected.size(), rejected.toString());
            assertEquals(MIXED, rejected.get(0).path("file").asText());
            assertTrue(rejected.get(0).path("record").asText().endsWith("(line " + mixedBrokenLine + ")"), rejected.toString());
            String warning = report.path("inputs").path("warnings").get(0).asText();
            String other = tenantIds.get(TenantGenerator.folderName(MIXED_TENANTS[0] == i ? MIXED_TENANTS[1] : MIXED_TENANTS[0]));
            assertTrue(warning.startsWith(MIXED + ": ") && warning.contains(other + ": ") && warning.contains(UNKNOWN_TENANT + ": 1"), warning);
        }
    }

    @Test
    void recordsNoReportHoldsAreCountedInTheSummary() throws IOException {
        JsonNode summary = StorageAccountLayout.JSON.readTree(out.resolve("summary.json").toFile());
        Map<String, String> notEvaluated = new TreeMap<>();
        for (JsonNode n : summary.path("recordsNotEvaluated")) {
            notEvaluated.put(n.path("file").asText() + " " + n.path("tenantId").asText("-") + " " + n.path("records").asLong(), n.path("reason").asText());
        }
        String third = tenantIds.get(TenantGenerator.folderName(2));
        String firstFile = labelsOf.get(TenantGenerator.folderName(0)).stream().filter(l -> l.startsWith(contradicted)).findFirst().orElseThrow();
        assertEquals(Map.of(
                firstFile + " " + third + " 1", "the record's tenantId contradicts tenantId=" + tenantIds.get(TenantGenerator.folderName(0)) + " in its path",
                MIXED + " " + UNKNOWN_TENANT + " 1", "no tenant folder under --config has this tenantId",
                "exports/signIns.json - 1", "no tenantId, in the record or in its path"), notEvaluated);
    }

    @Test
    void theLargeFileIsReadInSeveralLineRangesAndItsBrokenLineKeepsItsLine() throws IOException {
        InputFile f = new InputFile(0, storage.resolve(largeFile).toUri().toString(), largeFile, "t", "id", List.of(), Files.size(storage.resolve(largeFile)));
        List<ReadPart> parts = PartReader.parts(f, (long) (Double.parseDouble(SPLIT_MB) * 1024 * 1024), null);
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
    void filesReadThroughHadoopAreCutAndReadAsLocalOnesAre() throws IOException {
        long partBytes = (long) (Double.parseDouble(SPLIT_MB) * 1024 * 1024);
        org.apache.hadoop.conf.Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        org.apache.hadoop.conf.Configuration remote = new org.apache.hadoop.conf.Configuration(hadoop);
        remote.setBoolean(PartReader.THROUGH_HADOOP, true);
        InputFile f = new InputFile(0, storage.resolve(largeFile).toUri().toString(), largeFile, "t", "id", List.of(), Files.size(storage.resolve(largeFile)));
        List<ReadPart> local = PartReader.parts(f, partBytes, null);
        List<ReadPart> throughHadoop = PartReader.parts(f, partBytes, remote);
        assertTrue(throughHadoop.size() >= 4, "several line ranges, not " + throughHadoop.size());
        assertEquals(local, throughHadoop, "the same cuts, found by positioned reads through Hadoop");

        // The job again, every file through Hadoop's FileSystem (seek and bounded reads of each line range; gzip
        // files copied whole), for the tenant of the large file and the first tenant (gzip files, a broken line).
        String first = TenantGenerator.folderName(0);
        String large = TenantGenerator.folderName(LARGE);
        Path config2 = WORK.resolve("config-hadoop");
        Path out2 = WORK.resolve("out-hadoop");
        for (String name : List.of(first, large)) {
            Files.createDirectories(config2.resolve(name));
            try (Stream<Path> files = Files.list(config.resolve(name))) {
                for (Path x : (Iterable<Path>) files::iterator) Files.copy(x, config2.resolve(name).resolve(x.getFileName()));
            }
        }
        String glob = storage + "/*/tenantId={" + tenantIds.get(first) + "," + tenantIds.get(large) + "}/*/*/*/*/*/*";
        hadoop.setBoolean(PartReader.THROUGH_HADOOP, true);
        int exit;
        try {
            exit = SparkMain.run(spark, "--config", config2.toString(), "--sign-ins", glob, "--out", out2.toString(), "--as-of", AS_OF,
                    "--rules", RULES.toString(), "--partitions", "2", "--split-mb", SPLIT_MB);
        } finally {
            hadoop.unset(PartReader.THROUGH_HADOOP);
        }
        assertEquals(3, exit, "the first tenant's file still holds the third tenant's record (summary.json)");
        for (String name : List.of(first, large)) {
            ObjectNode viaHadoop = (ObjectNode) readReport(out2.resolve("tenants").resolve(name).resolve("report.json"));
            ObjectNode direct = (ObjectNode) readReport(out.resolve("tenants").resolve(name).resolve("report.json"));
            ((ObjectNode) viaHadoop.get("inputs")).remove("folder");
            ((ObjectNode) direct.get("inputs")).remove("folder");
            List<String> differences = new ArrayList<>();
            diff("", direct, viaHadoop, differences);
            assertEquals(List.of(), differences, name);
        }
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
