package io.github.mfaeval.cli;

import io.github.mfaeval.batch.BatchRunner;
import io.github.mfaeval.batch.BatchSummary;
import io.github.mfaeval.batch.Progress;
import io.github.mfaeval.batch.TenantEvaluation;
import io.github.mfaeval.engine.RuleBase;
import io.github.mfaeval.pipeline.EvaluationDate;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

@Command(name = "batch", mixinStandardHelpOptions = true,
        description = {"Evaluate every tenant folder under TENANTS_ROOT (each sub-folder holding a tenant.json) in parallel, "
                + "writing OUT_DIR/tenants/NAME/report.json and report.html (or error.json when the tenant cannot be evaluated) "
                + "and OUT_DIR/summary.json, summary.csv and index.html.",
                "A failing tenant never stops the others. Reports are written whole and renamed into place, so a killed run "
                + "leaves no partial report; rerun it with --resume to finish it. See docs/batch.md."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:every tenant is ready",
                "1:some tenant requires action or has incomplete input, and none failed",
                "2:bad arguments, no tenant folder, rule errors, or the output folder cannot be written or is in use by another batch run",
                "3:some tenant could not be evaluated (FAILED or TIMEOUT: see its error.json and the summary)"})
final class BatchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "TENANTS_ROOT", description = "Folder whose sub-folders are tenant folders.")
    Path root;

    @Option(names = "--out", paramLabel = "OUT_DIR", required = true, description = "Output folder (created if missing).")
    Path out;

    @Option(names = "--as-of", paramLabel = "DATE", description = "Evaluation date, yyyy-mm-dd (default: today, UTC; "
            + "a tenant whose tenant.json sets asOf, a frozen snapshot such as the bundled examples, is evaluated as of that date).")
    LocalDate asOf;

    @Option(names = "--max-sign-in-age", paramLabel = "DAYS", defaultValue = "7",
            description = "A tenant whose newest sign-in is older than this many days before the evaluation date is "
                    + "INCOMPLETE (SIGN_INS_STALE), never READY (default: ${DEFAULT-VALUE}).")
    int maxSignInAge;

    @Option(names = "--threads", paramLabel = "N", description = "Tenants evaluated at the same time (default: the number of cores, ${DEFAULT-VALUE}).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--resume", description = "Keep the reports in OUT_DIR that are complete and current (same tenant files, "
            + "rules, as-of date, tool version and baseline) and evaluate the rest: finishes an interrupted run.")
    boolean resume;

    @Option(names = "--baseline", paramLabel = "PREV_OUT_DIR",
            description = "Output folder of an earlier run: each report and the summary then say what changed since.")
    Path baseline;

    @Option(names = "--tenant-timeout", paramLabel = "DURATION", defaultValue = "1h", converter = DurationConverter.class,
            description = "Stop a tenant's evaluation after this long and record it as TIMEOUT, e.g. 90s, 10m, 1h30m, PT2H, "
                    + "or 0 for no limit (default: ${DEFAULT-VALUE}).")
    Duration tenantTimeout;

    @Mixin
    RulesOption rules;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (maxSignInAge < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--max-sign-in-age must not be negative, found " + maxSignInAge);
        }
        if (threads < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--threads must be at least 1, found " + threads);
        }
        if (Files.isRegularFile(root.resolve("tenant.json"))) {
            Main.error(err, root + " is one tenant's folder (it holds tenant.json), not a folder of tenant folders: evaluate it with"
                    + " mfa-eval evaluate " + root + " (batch evaluates every sub-folder holding a tenant.json)");
            return Main.ERROR;
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            Main.error(err, "--out " + out + " is a file: batch writes a folder (summary.json, summary.csv, index.html and one folder"
                    + " per tenant); name a folder that does not exist yet, or an earlier run's");
            return Main.ERROR;
        }
        RuleBase base = rules.build(err);
        if (base == null) return Main.ERROR;
        BatchRunner.Options options = new BatchRunner.Options(root, out, EvaluationDate.ofRun(asOf),
                threads, resume, baseline, tenantTimeout.isZero() ? null : tenantTimeout, new Main.Version().getVersion()[0]);
        BatchSummary summary;
        try {
            summary = new BatchRunner(base, options, TenantEvaluation.standard(base, asOf == null, maxSignInAge), Progress.onStderr(err), Clock.systemUTC()).run();
        } catch (IOException e) {
            Main.error(err, e instanceof java.nio.file.FileSystemException ? "cannot write --out " + out + ": " + PathProblems.describe(e) : e.getMessage());
            return Main.ERROR;
        }
        if (summary.totals().anyFailed()) return Main.TENANTS_FAILED;
        return summary.totals().anyFindings() ? Main.ACTION_REQUIRED : Main.READY;
    }

    /** Durations as people write them (90s, 10m, 1h30m, 2d) or in ISO-8601 (PT1H30M); 0 means no limit. */
    static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
        private static final Pattern PART = Pattern.compile("(\\d+)([dhms])");

        /** Longer than any nightly run: a larger value is a typo, and near Long.MAX_VALUE seconds it overflows the clock. */
        static final Duration LONGEST = Duration.ofDays(30);

        @Override
        public Duration convert(String value) {
            Duration d;
            try {
                d = parse(value);
            } catch (ArithmeticException | NumberFormatException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is too long a duration (at most " + LONGEST.toDays() + " days)");
            }
            if (d.isNegative()) {
                throw new CommandLine.TypeConversionException("'" + value + "' is negative: give a positive duration, or 0 for no limit");
            }
            if (d.compareTo(LONGEST) > 0) {
                throw new CommandLine.TypeConversionException("'" + value + "' is too long a duration (at most " + LONGEST.toDays()
                        + " days; 0 for no limit)");
            }
            return d;
        }

        private static Duration parse(String value) {
            String v = value.trim().toLowerCase(Locale.ROOT);
            if (v.equals("0") || v.equals("none")) return Duration.ZERO;
            if (v.startsWith("p")) {
                try {
                    return Duration.parse(value.trim().toUpperCase(Locale.ROOT));
                } catch (java.time.format.DateTimeParseException e) {
                    throw new CommandLine.TypeConversionException("not a duration: " + value);
                }
            }
            Matcher m = PART.matcher(v);
            Duration d = Duration.ZERO;
            int end = 0;
            while (m.find() && m.start() == end) {
                long n = Long.parseLong(m.group(1));
                d = d.plus(switch (m.group(2)) {
                    case "d" -> Duration.ofDays(n);
                    case "h" -> Duration.ofHours(n);
                    case "m" -> Duration.ofMinutes(n);
                    default -> Duration.ofSeconds(n);
                });
                end = m.end();
            }
            if (end == 0 || end != v.length()) {
                throw new CommandLine.TypeConversionException("not a duration: '" + value + "' (write e.g. 90s, 10m, 1h30m or PT1H30M)");
            }
            return d;
        }
    }
}
