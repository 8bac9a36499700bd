package io.github.mfaeval.spark;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.mfaeval.engine.Evaluator;
import io.github.mfaeval.engine.RuleBase;
import io.github.mfaeval.load.InputException;
import io.github.mfaeval.load.JsonRecords;
import io.github.mfaeval.load.TenantData;
import io.github.mfaeval.load.TenantLoader;
import io.github.mfaeval.load.format.SignInFiles;
import io.github.mfaeval.load.format.SignInReader;
import io.github.mfaeval.report.AtomicFile;
import io.github.mfaeval.report.CsvRenderer;
import io.github.mfaeval.report.HtmlRenderer;
import io.github.mfaeval.report.JsonRenderer;
import io.github.mfaeval.report.Renderer;
import io.github.mfaeval.result.Rejection;
import io.github.mfaeval.result.Report;
import io.github.mfaeval.result.SignInSelection;
import io.github.mfaeval.result.SignInVerdict;
import io.github.mfaeval.risk.AcceptedRisks;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The run on Spark. On the driver: the tenant folders are loaded and their tenant stage run, and the sign-in files
 * listed and cut into parts. On the executors: each part is read by a task, each sign-in given its tenant
 * ({@link TenantRouting}: by the tenantId= of its file's path, else by the tenant of its log), its copies from every
 * file meet it in a shuffle by (tenant, id), and the sign-in stage runs there. Spark then merges per-user and
 * per-tenant partial results; the driver gives each tenant its share of each file ({@link FileShares}), runs the
 * user stage and writes each tenant's report with the project's renderers, and the executors write every verdict
 * to Parquet.
 */
public final class SparkJob {
    /**
     * What one run needs; {@code signIns} may be null (only the tenant folders' own sign-in files are read);
     * {@code asOf} null evaluates each tenant as batch does: as of its tenant.json asOf (a frozen snapshot), else today (UTC).
     */
    public record Options(Path config, String signIns, Path out, LocalDate asOf, SignInSelection listed, String cacheDir,
                          int partitions, long splitBytes) {
    }

    /** Tenants of the run and the run's own verdict. */
    public record Result(int exitCode, Map<String, Report.Status> statuses, List<String> failed) {
    }

    private final SparkSession spark;
    private final RuleBase rules;
    private final RulePayload payload;
    private final PrintWriter log;

    public SparkJob(SparkSession spark, RuleBase rules, io.github.mfaeval.rules.RuleFiles files, String cacheDir, PrintWriter log) {
        this.spark = spark;
        this.rules = rules;
        this.payload = new RulePayload(files, cacheDir);
        this.payload.register(rules);
        this.log = log;
    }

    private record Tenant(String key, Path folder, TenantData data) {
    }

    public Result run(Options o) throws IOException {
        Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        // Tenants: every sub-folder with a tenant.json, as batch finds them.
        Map<String, Tenant> tenants = new TreeMap<>();
        List<String> failed = new ArrayList<>();
        ObjectNode summary = JsonRenderer.MAPPER.createObjectNode();
        ObjectNode failures = summary.putObject("failedTenants");
        try (DirectoryStream<Path> children = Files.newDirectoryStream(o.config(), Files::isDirectory)) {
            for (Path child : children) {
                String key = child.getFileName().toString();
                if (key.startsWith(".") || !Files.isRegularFile(child.resolve(TenantLoader.MANIFEST))) continue;
                try {
                    tenants.put(key, new Tenant(key, child, TenantLoader.load(child)));
                } catch (InputException e) {
                    failed.add(key);
                    failures.put(key, e.getMessage());
                    log.println("mfa-eval spark: " + key + ": " + e.getMessage());
                }
            }
        }
        Map<String, String> byTenantId = new HashMap<>();
        for (Tenant t : tenants.values()) {
            String id = t.data().tenant.getTenantId();
            if (id != null && !id.isBlank()) {
                String previous = byTenantId.put(id.toLowerCase(Locale.ROOT), t.key());
                if (previous != null) throw new IOException("tenant id " + id + " is in two tenant folders: " + previous + " and " + t.key());
            }
        }

        TenantRouting routing = new TenantRouting(byTenantId);

        // Files, in reading order: each tenant folder's own sign-in files (as evaluate reads them), then --sign-ins.
        List<InputFile> files = new ArrayList<>();
        for (Tenant t : tenants.values()) {
            List<String> details = t.data().authDetailFiles.stream().map(p -> p.toAbsolutePath().toString()).toList();
            for (Path p : t.data().signInFiles()) {
                files.add(new InputFile(files.size(), p.toAbsolutePath().toUri().toString(), p.getFileName().toString(), t.key(),
                        t.data().tenant.getTenantId().trim().toLowerCase(Locale.ROOT), details, Files.isRegularFile(p) ? Files.size(p) : 0));
            }
        }
        ArrayNode unmatched = summary.putArray("filesOfUnknownTenants");
        boolean unpathed = false;
        if (o.signIns() != null) {
            for (StorageFiles.Found f : StorageFiles.list(o.signIns(), hadoop)) {
                if (f.tenantId() == null) {
                    // Its records say whose they are (TenantRouting).
                    files.add(new InputFile(files.size(), f.uri(), f.label(), null, null, List.of(), f.bytes()));
                    unpathed = true;
                } else if (!byTenantId.containsKey(f.tenantId())) {
                    unmatched.add(f.label());
                } else {
                    String key = byTenantId.get(f.tenantId());
                    files.add(new InputFile(files.size(), f.uri(), f.label(), key, f.tenantId(), List.of(), f.bytes()));
                    // The tenant's sign-ins are not missing: they are in the storage account, not in its folder.
                    tenants.get(key).data().missing.removeIf(m -> SignInFiles.PATTERN.equals(m.getFile()));
                }
            }
        }
        if (unmatched.size() > 0) {
            log.println("mfa-eval spark: " + unmatched.size() + " file(s) belong to tenants without a folder under "
                    + o.config() + " and are not read, e.g. " + unmatched.get(0).asText());
        }
        // A tenant without a file of its own may have records in the files whose path names no tenant; known only
        // once they are read. Until then its sign-ins are not called missing; if it has none, they are again, and
        // its tenant stage is run again as evaluate would run it (below).
        Map<String, List<io.github.mfaeval.model.MissingInput>> maybeMissing = new HashMap<>();
        if (unpathed) {
            java.util.Set<String> withFiles = new java.util.HashSet<>();
            for (InputFile f : files) if (f.tenant() != null) withFiles.add(f.tenant());
            for (Tenant t : tenants.values()) {
                if (withFiles.contains(t.key())) continue;
                List<io.github.mfaeval.model.MissingInput> removed = t.data().missing.stream()
                        .filter(m -> SignInFiles.PATTERN.equals(m.getFile())).toList();
                if (!removed.isEmpty()) {
                    maybeMissing.put(t.key(), removed);
                    t.data().missing.removeAll(removed);
                }
            }
        }

        // The tenant stage, on the driver.
        Evaluator evaluator = new Evaluator(rules);
        Map<String, Evaluator.TenantStage> stages = new LinkedHashMap<>();
        HashMap<String, Evaluator.SignInContext> contexts = new HashMap<>();
        for (Tenant t : tenants.values()) {
            Evaluator.TenantStage stage = evaluator.tenantStage(t.data(), t.data().tenant.evaluationDate(o.asOf()));
            stages.put(t.key(), stage);
            contexts.put(t.key(), stage.signInContextOfTenant());
        }

        // Reading and the sign-in stage, on the executors.
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<RulePayload> rulesB = jsc.broadcast(payload);
        Broadcast<HashMap<String, Evaluator.SignInContext>> contextsB = jsc.broadcast(contexts);
        HashMap<String, Integer> pathFiles = new HashMap<>();
        for (InputFile f : files) if (f.tenant() != null) pathFiles.merge(f.tenant(), 1, Integer::sum);
        Broadcast<HashMap<String, Integer>> pathFilesB = jsc.broadcast(pathFiles);
        Broadcast<TenantRouting> routingB = jsc.broadcast(routing);
        HashMap<String, String> conf = new HashMap<>();
        hadoop.forEach(e -> conf.put(e.getKey(), e.getValue()));
        Broadcast<HashMap<String, String>> confB = jsc.broadcast(conf);
        int partitions = o.partitions() > 0 ? o.partitions() : Math.max(1, jsc.defaultParallelism());

        // Parts: large plain NDJSON files cut into line ranges (on the driver: a few reads near each cut).
        List<ReadPart> parts = new ArrayList<>();
        HashMap<Integer, String> labels = new HashMap<>();
        for (InputFile f : files) {
            parts.addAll(PartReader.parts(f, o.splitBytes(), hadoop));
            labels.put(f.order(), f.label());
        }
        Broadcast<HashMap<Integer, String>> labelsB = jsc.broadcast(labels);
        List<ArrayList<ReadPart>> bins = ReadTasks.bins(parts, jsc.defaultParallelism(), o.splitBytes());
        int reducers = partitions;
        JavaPairRDD<String, Piece> pieces = jsc.parallelize(bins, Math.max(1, bins.size())).mapPartitionsToPair(tasks -> {
            Configuration c = new Configuration(false);
            confB.value().forEach(c::set);
            List<ReadPart> mine = new ArrayList<>();
            tasks.forEachRemaining(mine::addAll);
            return new StreamedPieces(mine, c, routingB.value(), reducers);
        });
        JavaRDD<Outcome> outcomes = pieces.repartitionAndSortWithinPartitions(new PieceShuffle(partitions), new PieceShuffle.KeyOrder())
                .mapPartitions(sorted -> {
                    SortedGroups groups = new SortedGroups(sorted, labelsB.value());
                    return new SignInStageTask(groups, rulesB.value().ruleBase(), contextsB.value(),
                            groups.severalFiles(pathFilesB.value(), routingB.value()));
                })
                .persist(StorageLevel.MEMORY_AND_DISK_SER());

        // Spark merges the partial results: per tenant, and per user (the aggregation that needs a shuffle).
        Map<String, Outcome> tenantParts = new HashMap<>(outcomes.filter(x -> x.kind == Outcome.Kind.TENANT)
                .mapToPair(x -> new Tuple2<>(x.tenant, x)).reduceByKey(Outcome::merge).collectAsMap());
        List<Outcome> userParts = outcomes.filter(x -> x.kind == Outcome.Kind.USER)
                .mapToPair(x -> new Tuple2<>(x.tenant + '\u0000' + x.user, x)).reduceByKey(Outcome::merge).values().collect();
        List<Outcome> readParts = outcomes.filter(x -> x.kind == Outcome.Kind.REJECTION || x.kind == Outcome.Kind.PART_END).collect();
        SignInSelection listed = o.listed();
        List<Outcome> listedVerdicts = listed == SignInSelection.NONE ? List.of()
                : outcomes.filter(x -> x.kind == Outcome.Kind.VERDICT && listed.keeps(x.verdict)).collect();
        writeParquet(outcomes, o.out().resolve("signins").toAbsolutePath().toUri().toString());
        outcomes.unpersist(false);

        // Each file's share of each tenant's report, and what no tenant's report holds.
        FileShares shares = new FileShares(files, readParts, routing);
        ArrayNode notEvaluated = summary.putArray("recordsNotEvaluated");
        for (FileShares.NotEvaluated n : shares.notEvaluated) {
            ObjectNode row = notEvaluated.addObject();
            row.put("file", n.file());
            if (n.tenantId() != null) row.put("tenantId", n.tenantId());
            row.put("records", n.records());
            row.put("reason", n.reason());
            if (!n.rejected().isEmpty()) {
                Evaluator.SignInTotals rejected = new Evaluator.SignInTotals();
                assemble(List.of(new FileShares.Share(n.input(), n.rejected(), n.records(), Map.of())), labels, rejected);
                row.putPOJO("rejected", rejected.rejected);
            }
        }
        if (!shares.notEvaluated.isEmpty()) {
            log.println("mfa-eval spark: " + shares.notEvaluatedRecords() + " sign-in record(s) could not be given to a tenant with a folder "
                    + "and are not evaluated (summary.json, recordsNotEvaluated), e.g. " + shares.notEvaluated.get(0).file() + ": "
                    + shares.notEvaluated.get(0).reason());
        }

        // The user stage and the report, per tenant, on the driver.
        Map<String, List<Outcome>> usersOf = group(userParts);
        Map<String, List<Outcome>> listedOf = group(listedVerdicts);
        Map<String, Report.Status> statuses = new LinkedHashMap<>();
        ArrayNode rows = summary.putArray("tenants");
        int exit = 0;
        for (Tenant t : tenants.values()) {
            Evaluator.SignInTotals totals = new Evaluator.SignInTotals();
            List<FileShares.Share> mine = shares.byTenant.getOrDefault(t.key(), List.of());
            assemble(mine, labels, totals);
            Outcome part = tenantParts.get(t.key());
            Evaluator.TenantStage stage = stages.get(t.key());
            if (mine.isEmpty() && maybeMissing.containsKey(t.key())) {
                // No file holds its records after all: its sign-ins are missing, as evaluate says of an empty folder.
                t.data().missing.addAll(maybeMissing.get(t.key()));
                stage = evaluator.tenantStage(t.data(), t.data().tenant.evaluationDate(o.asOf()));
            }
            if (part != null) {
                totals.duplicates = part.duplicates;
                totals.inScope = part.inScope;
                totals.satisfied = part.satisfied;
                totals.notSatisfied = part.notSatisfied;
                totals.period.merge(part.period);
                stage.addSignInResults(part.findings, part.fired);
            }
            List<Outcome> users = new ArrayList<>(usersOf.getOrDefault(t.key(), List.of()));
            users.sort(Comparator.comparingInt((Outcome x) -> x.file).thenComparingLong(x -> x.seq));
            for (Outcome u : users) {
                totals.tallies.put(u.user, u.tally);
                totals.seenUsers.put(u.user, u.seenAs);
            }
            List<Outcome> verdicts = new ArrayList<>(listedOf.getOrDefault(t.key(), List.of()));
            verdicts.sort(Comparator.comparingInt((Outcome x) -> x.file).thenComparingLong(x -> x.seq).thenComparing(x -> x.verdict.id()));
            List<SignInVerdict> list = new ArrayList<>(verdicts.size());
            for (Outcome v : verdicts) list.add(v.verdict);

            Report report;
            try {
                report = AcceptedRisks.read(t.folder()).apply(evaluator.finish(t.data(), t.data().tenant.evaluationDate(o.asOf()), stage, totals)).withSignIns(list);
            } catch (InputException e) {
                failed.add(t.key());
                failures.put(t.key(), e.getMessage());
                continue;
            }
            write(o.out().resolve("tenants").resolve(t.key()), report);
            statuses.put(t.key(), report.status());
            ObjectNode row = rows.addObject();
            row.put("tenant", t.key());
            row.put("status", report.status().name());
            row.put("asOf", t.data().tenant.evaluationDate(o.asOf()).toString());
            row.put("report", "tenants/" + t.key() + "/report.json");
            row.putPOJO("summary", report.summary());
            if (report.status() != Report.Status.READY) exit = Math.max(exit, 1);
        }
        // Sign-ins that no report holds fail the run closed, as a tenant folder that cannot be used does.
        if (!failed.isEmpty() || unmatched.size() > 0 || !shares.notEvaluated.isEmpty()) exit = 3;
        summary.put("asOf", (o.asOf() != null ? o.asOf() : java.time.LocalDate.now(java.time.ZoneOffset.UTC)).toString());
        summary.put("rulesFingerprint", rules.fingerprint());
        summary.put("signInFiles", files.size());
        AtomicFile.write(o.out().resolve("summary.json"), w -> {
            JsonRenderer.MAPPER.writerWithDefaultPrettyPrinter().writeValue(w, summary);
            w.write(System.lineSeparator());
        });
        return new Result(exit, statuses, failed);
    }

    /**
     * Puts each file's parts back together, in order, as reading it whole does: positions of rejections in later
     * parts moved by the records and lines before them, the first rejections of the file listed and the rest summed
     * up; each file counted with the tenant's share of its records, and its records of other tenants' logs left out
     * as evaluate leaves them out (same warning).
     */
    private static void assemble(List<FileShares.Share> shares, Map<Integer, String> labels, Evaluator.SignInTotals totals) {
        SignInReader.Sink sink = new SignInReader.Sink() {
            @Override
            public void signIn(io.github.mfaeval.model.SignIn signIn, io.github.mfaeval.load.SignInKind kind) {
                throw new IllegalStateException("sign-ins are judged on the executors");
            }

            @Override
            public void rejected(Rejection r) {
                totals.rejectedCount += r.records();
                totals.rejected.add(r);
            }
        };
        for (FileShares.Share share : shares) {
            String label = labels.get(share.file().order());
            SignInReader.FileAssembler assembler = new SignInReader.FileAssembler(label, sink);
            for (Outcome x : share.read()) {
                if (x.kind == Outcome.Kind.PART_END) {
                    assembler.add(new SignInReader.PartResult(null, null, null, x.partRecords, x.partLines));
                } else {
                    assembler.rejected(x.atIndex < 0 ? null : new JsonRecords.Position(x.atIndex, x.atLine), x.where, x.reason, x.records);
                }
            }
            assembler.finish();
            totals.read += share.records();
            totals.recordsPerFile.put(label, share.records());
            totals.otherTenants.add(label, share.others());
        }
    }

    private static Map<String, List<Outcome>> group(List<Outcome> outcomes) {
        Map<String, List<Outcome>> by = new HashMap<>();
        for (Outcome x : outcomes) by.computeIfAbsent(x.tenant, k -> new ArrayList<>()).add(x);
        return by;
    }

    /** The report contract of evaluate and batch: report.json, report.html, and the CSV files in csv/. */
    private static void write(Path dir, Report report) throws IOException {
        Files.createDirectories(dir.resolve("csv"));
        for (Map.Entry<String, Renderer> file : new CsvRenderer().files().entrySet()) {
            AtomicFile.write(dir.resolve("csv").resolve(file.getKey()), w -> file.getValue().render(report, w));
        }
        AtomicFile.write(dir.resolve("report.html"), w -> new HtmlRenderer().render(report, w));
        AtomicFile.write(dir.resolve("report.json"), w -> new JsonRenderer().render(report, w));
    }

    static final StructType VERDICTS = new StructType()
            .add("tenant", DataTypes.StringType, false)
            .add("id", DataTypes.StringType)
            .add("createdDateTime", DataTypes.TimestampType)
            .add("userId", DataTypes.StringType)
            .add("userPrincipalName", DataTypes.StringType)
            .add("appId", DataTypes.StringType)
            .add("application", DataTypes.StringType)
            .add("phase", DataTypes.IntegerType)
            .add("inScope", DataTypes.BooleanType, false)
            .add("scopeReason", DataTypes.StringType)
            .add("mfaSatisfied", DataTypes.BooleanType)
            .add("satisfiedBy", DataTypes.StringType)
            .add("enforcementActive", DataTypes.BooleanType)
            .add("rules", DataTypes.createArrayType(DataTypes.StringType))
            .add("source", DataTypes.StringType);

    /** Every verdict, one row each, partitioned by tenant: the columns of the report's signIns[]. */
    private void writeParquet(JavaRDD<Outcome> outcomes, String path) {
        JavaRDD<Row> rows = outcomes.filter(x -> x.kind == Outcome.Kind.VERDICT).map(x -> {
            SignInVerdict v = x.verdict;
            return RowFactory.create(x.tenant, v.id(), v.createdDateTime() == null ? null : Timestamp.from(v.createdDateTime()),
                    v.userId(), v.userPrincipalName(), v.appId(), v.application(), v.phase(), v.inScope(),
                    v.scopeReason() == null ? null : v.scopeReason().name(), v.mfaSatisfied(),
                    v.satisfiedBy() == null ? null : v.satisfiedBy().name(), v.enforcementActive(),
                    scala.jdk.javaapi.CollectionConverters.asScala(v.rules()).toSeq(), v.source());
        });
        spark.createDataFrame(rows, VERDICTS).write().mode(SaveMode.Overwrite).partitionBy("tenant").parquet(path);
    }
}
