package io.github.mfaeval.spark;

import io.github.mfaeval.engine.RuleBase;
import io.github.mfaeval.rules.RuleBaseCache;
import io.github.mfaeval.rules.RuleBases;
import io.github.mfaeval.rules.RuleBuildException;
import io.github.mfaeval.rules.RuleFiles;
import io.github.mfaeval.result.SignInSelection;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;

/**
 * {@code mfa-eval spark}: the main class of the Spark job, for {@code ./mfa-eval spark} (local mode) and for
 * {@code spark-submit --class io.github.mfaeval.spark.SparkMain} on a cluster.
 */
@Command(name = "mfa-eval spark", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Evaluates every tenant under --config against the sign-ins under --sign-ins, on Apache Spark.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:every tenant READY",
                "1:some tenant ACTION_REQUIRED or INCOMPLETE",
                "2:bad arguments, rule error, unreadable input or output",
                "3:some tenant folder could not be used, or some sign-ins could not be given to a tenant folder",
                "  (summary.json: failedTenants, recordsNotEvaluated, filesOfUnknownTenants; the others were evaluated)"})
public final class SparkMain implements Callable<Integer> {
    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master, e.g. 'local[2]' (default: what spark-submit or the environment sets).")
    String master;

    @Option(names = "--config", required = true, paramLabel = "ROOT",
            description = "Folder of tenant folders (tenant.json and configuration exports), as batch reads.")
    Path config;

    @Option(names = "--sign-ins", paramLabel = "PATH",
            description = "Sign-in files: a file, a folder or a glob, local or on any Hadoop file system (abfss://, s3a://, hdfs://), "
                    + "e.g. the storage account's insights-logs-*/tenantId=<id>/y=/m=/d=/h=/m=00/PT1H.json; in a file whose path names no "
                    + "tenantId=, each record goes to the tenant of its own tenantId.")
    String signIns;

    @Option(names = "--out", required = true, paramLabel = "OUT",
            description = "Output folder: tenants/<name>/report.json, report.html and csv/, signins/ (Parquet), summary.json.")
    Path out;

    @Option(names = "--as-of", paramLabel = "DATE", description = "Evaluation date of every tenant (default: as batch: the tenant.json asOf of a frozen snapshot, else today, UTC).")
    LocalDate asOf;

    @Option(names = "--edition", paramLabel = "ID",
            description = "Edition of Microsoft's page to evaluate against, as for evaluate (default: the latest in the rules folder).")
    String edition;

    @Option(names = "--list-sign-ins", paramLabel = "WHICH", defaultValue = "unsatisfied",
            description = "Sign-ins listed in each report: unsatisfied (default), all, none; every verdict is in signins/ anyway.")
    String listed;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "0",
            description = "Partitions of the sign-in stage (default: Spark's default parallelism).")
    int partitions;

    @Option(names = "--split-mb", paramLabel = "MB", defaultValue = "128",
            description = "Most bytes of sign-in files one reading task takes: small hourly files are read together, a larger "
                    + "plain NDJSON file is read in line ranges of about this size by several tasks (default 128).")
    double splitMb;

    @Option(names = "--rules", paramLabel = "DIR", description = "Rules folder (default: as evaluate).")
    Path rules;

    @Option(names = "--cache-dir", paramLabel = "DIR", description = "Rule cache folder, on the driver and each executor (default: as evaluate).")
    String cacheDir;

    /** A session to run in and leave running (tests share one per class); null: the job makes its own and stops it. */
    private final SparkSession given;

    public SparkMain() {
        this(null);
    }

    SparkMain(SparkSession given) {
        this.given = given;
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        return run(null, args);
    }

    /** Runs in {@code spark} (left running) when not null; {@code --master} is then ignored. */
    static int run(SparkSession spark, String... args) {
        return new CommandLine(new SparkMain(spark)).setCaseInsensitiveEnumValuesAllowed(true)
                // A failure is exit 2 (never 1, which means "action required"), with what failed.
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    cmd.getErr().println("mfa-eval spark: failed: " + e);
                    e.printStackTrace(cmd.getErr());
                    return 2;
                })
                .setExitCodeExceptionMapper(e -> 2)
                .execute(args);
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter err = new PrintWriter(System.err, true);
        SignInSelection selection;
        try {
            selection = SignInSelection.valueOf(listed.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            err.println("mfa-eval spark: --list-sign-ins must be unsatisfied, all or none");
            return 2;
        }
        RuleFiles files;
        RuleBase base;
        try {
            files = (rules == null ? RuleFiles.defaults() : RuleFiles.fromDirectory(rules)).edition(edition);
            base = RuleBases.load(files, RuleBaseCache.at(cacheDir != null ? Path.of(cacheDir) : null)).base();
        } catch (IOException e) {
            err.println("mfa-eval spark: " + e.getMessage());
            return 2;
        } catch (RuleBuildException e) {
            e.getProblems().forEach(p -> err.println(p));
            err.println("mfa-eval spark: the rules do not build");
            return 2;
        }
        SparkSession spark = given != null ? given : session(master);
        try {
            SparkJob.Result result = new SparkJob(spark, base, files, cacheDir, err).run(new SparkJob.Options(config, signIns, out,
                    asOf, selection, cacheDir, partitions, Math.max(1, (long) (splitMb * 1024 * 1024))));
            err.println("mfa-eval spark: " + result.statuses().size() + " tenant(s) evaluated, " + result.failed().size()
                    + " failed; reports in " + out.resolve("tenants") + ", verdicts in " + out.resolve("signins"));
            return result.exitCode();
        } catch (IOException e) {
            err.println("mfa-eval spark: " + e.getMessage());
            return 2;
        } finally {
            if (given == null) spark.stop();
        }
    }

    static SparkSession session(String master) {
        SparkSession.Builder builder = SparkSession.builder().appName("mfa-eval");
        if (master != null) {
            builder.master(master);
            if (master.startsWith("local")) {
                // Local mode stays on this machine: no web UI on a fixed port, the driver on the loopback address.
                builder.config("spark.ui.enabled", "false").config("spark.driver.bindAddress", "127.0.0.1")
                        .config("spark.driver.host", "127.0.0.1");
            }
        }
        SparkSession spark = builder.getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        return spark;
    }
}
