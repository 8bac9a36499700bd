package io.github.mfaeval.cli;

import io.github.mfaeval.engine.RuleBase;
import io.github.mfaeval.load.InputException;
import io.github.mfaeval.report.AtomicFile;
import io.github.mfaeval.report.JsonReportStream;
import io.github.mfaeval.report.Renderer;
import io.github.mfaeval.report.ReportFormat;
import io.github.mfaeval.pipeline.TenantPipeline;
import io.github.mfaeval.result.Report;
import io.github.mfaeval.result.SignInSelection;
import io.github.mfaeval.result.SignInSink;
import io.github.mfaeval.result.SignInVerdict;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Evaluate one tenant folder and print its readiness report.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:ready", "1:action required, or incomplete input (records rejected)",
                "2:input or rule error; with --strict, also any rejected input"})
final class EvaluateCommand implements Callable<Integer> {
    /** The --sign-ins values as typed (lower case, whatever the parser's case setting). */
    enum SignIns {
        none(SignInSelection.NONE), unsatisfied(SignInSelection.UNSATISFIED), all(SignInSelection.ALL);

        final SignInSelection selection;

        SignIns(SignInSelection selection) {
            this.selection = selection;
        }
    }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "TENANT_DIR", description = "Folder holding tenant.json and the exports.")
    Path tenantDir;

    @Option(names = "--as-of", paramLabel = "DATE", description = "Evaluation date, yyyy-mm-dd (default: the asOf of "
            + "tenant.json for a frozen snapshot such as the bundled examples, else today, UTC).")
    LocalDate asOf;

    @Option(names = "--max-sign-in-age", paramLabel = "DAYS", defaultValue = "7",
            description = "A newest sign-in older than this many days before the evaluation date makes the report "
                    + "INCOMPLETE (SIGN_INS_STALE), never READY (default: ${DEFAULT-VALUE}).")
    int maxSignInAge;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = {"Output format: ${COMPLETION-CANDIDATES}. Default: the one -o's extension names",
                    "(.txt .json .html .md .xlsx .ndjson/.jsonl), else text; a format that contradicts the extension is an error.",
                    "json: written as the sign-ins are evaluated (memory grows with users, not sign-ins).",
                    "html: one self-contained page, to open in a browser or send on (it loads nothing).",
                    "csv: eight files in the --output folder:",
                    "  action-plan.csv  what to do, most urgent first",
                    "  actions.csv, findings.csv, users.csv,",
                    "  signins.csv, sign-in-period.csv,",
                    "  schedule.csv, phase2-writes.csv",
                    "markdown: a summary (verdict, schedule, actions) for a CI job page, a mail or a chat.",
                    "xlsx: one workbook (Summary, Actions, Findings, Users, Sign-ins sheets); needs -o FILE.",
                    "ndjson: one finding per line (tenant, code, severity, subject, rule, section, time), for a SIEM."})
    ReportFormat format;

    @Option(names = "--sign-ins", paramLabel = "WHICH",
            description = {"Sign-ins listed in the report: ${COMPLETION-CANDIDATES}; unsatisfied = in scope, MFA not satisfied.",
                    "Default: unsatisfied for json (a month of a large tenant is millions), all for html and csv.",
                    "Every sign-in is always counted in the summary and per user."})
    SignIns signIns;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE|DIR",
            description = {"Write the report to FILE (written whole, then moved into place) instead of standard output;",
                    "its extension chooses the format, and one no format has (.pdf, .docx...) is refused.",
                    "Missing folders on the way are created.",
                    "With --format csv (required): the folder DIR to write the CSV files into (not a name ending in .csv);",
                    "it is created if needed.",
                    "On success, one line on standard error says the status, the findings requiring action",
                    "and the file written."})
    Path output;

    @Option(names = "--strict", description = "Exit with code 2 when any input was rejected (the report is still written).")
    boolean strict;

    @Option(names = "--readers", paramLabel = "N",
            description = "Threads that parse sign-in files (default: the number of cores, ${DEFAULT-VALUE}). Reports do not depend on it.")
    int readers = TenantPipeline.defaultReaders();

    @Option(names = "--compare-edition", paramLabel = "ID",
            description = {"Evaluate the tenant under edition ID too and list only the verdicts that differ between it and --edition",
                    "(default: the latest): what Microsoft's edit of the page changes for this tenant. Text, or json with --format json.",
                    "Exit code 0 when nothing differs, 1 when something does."})
    String compareEdition;

    @Mixin
    RulesOption rules;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (readers < 1) {
            Main.error(err, "--readers must be at least 1, found " + readers);
            return Main.ERROR;
        }
        String problem = compareEdition == null ? null : compareFormatProblem();
        if (problem == null) problem = chooseFormat();
        if (problem == null) problem = TenantFolderCheck.problem(tenantDir);
        if (problem != null) {
            Main.error(err, problem);
            return Main.ERROR;
        }
        if (compareEdition != null) return compare(err);
        if (maxSignInAge < 0) {
            Main.error(err, "--max-sign-in-age must not be negative, found " + maxSignInAge);
            return Main.ERROR;
        }
        RuleBase base = rules.build(err);
        if (base == null) return Main.ERROR;
        TenantPipeline.Tenant tenant;
        try {
            tenant = new TenantPipeline(base).withMaxSignInAge(maxSignInAge).withReaders(readers).load(tenantDir, asOf);
        } catch (InputException e) {
            Main.error(err, e.getMessage());
            return Main.ERROR;
        }
        for (String warning : tenant.warnings()) Main.error(err, "warning: " + warning);
        Report[] report = new Report[1];
        SignInSelection selection = (signIns != null ? signIns : format == ReportFormat.json ? SignIns.unsatisfied : SignIns.all).selection;
        try {
            if (format == ReportFormat.json) {
                // Written as the sign-ins are evaluated: the head, each verdict as it is decided, then the rest.
                write(out -> {
                    JsonReportStream json = new JsonReportStream(out, selection);
                    json.begin(tenant.tenantRef(), tenant.asOf(), io.github.mfaeval.result.CollectionGap.of(tenant.data().collection));
                    report[0] = tenant.evaluate(json);
                    json.finish(report[0]);
                });
            } else {
                List<SignInVerdict> kept = new ArrayList<>();
                SignInSink sink = format == ReportFormat.text ? SignInSink.NONE : v -> {
                    if (selection.keeps(v)) kept.add(v);
                };
                report[0] = tenant.evaluate(sink).withSignIns(kept);
                if (format.isText()) {
                    Renderer renderer = format.renderer();
                    write(w -> renderer.render(report[0], w));
                } else {
                    format.write(report[0], output);
                }
            }
        } catch (io.github.mfaeval.engine.SpoolFailed e) {
            Main.error(err, "cannot evaluate " + tenantDir + ": " + e.getMessage());
            return Main.ERROR;
        } catch (JsonReportStream.WriteFailed e) {
            Main.error(err, "cannot write " + (output == null ? "the report" : output) + ": "
                    + PathProblems.describe(e.getCause() instanceof IOException io ? io : e));
            return Main.ERROR;
        } catch (IOException e) {
            Main.error(err, report[0] == null ? "cannot read " + tenantDir + ": " + PathProblems.describe(e)
                    : "cannot write " + (output == null ? "the report" : output) + ": " + PathProblems.describe(e));
            return Main.ERROR;
        }
        if (output != null) {
            // Exit 1 is "action required", not a failure: with the report in a file, say so in one line.
            Main.error(err, report[0].status() + ": " + report[0].findingCounts().sentence() + "; report written to " + output);
        }
        return exitCode(report[0]);
    }

    /** Settles the format from --format and -o's extension; a sentence saying what is wrong, or null. */
    private String chooseFormat() {
        ReportFormat named = output == null ? null : ReportFormat.ofFile(output);
        if (format == null) format = named != null ? named : ReportFormat.text;
        else if (named != null && named != format) {
            return "--format " + format + " but -o " + output + " names a ." + named + " file: change the extension or the format"
                    + " (or leave --format out: the extension chooses it)";
        }
        if (format == ReportFormat.csv && output == null) {
            return "--format csv writes several files: name their folder with --output DIR (or -o DIR)";
        }
        if (output != null && format != ReportFormat.csv && named == null && extension(output) != null) {
            return "-o " + output + ": ." + extension(output) + " is not a report format; name the file .txt, .json, .html, .md,"
                    + " .xlsx or .ndjson (or a folder with --format csv)";
        }
        if (format == ReportFormat.csv && output != null && "csv".equals(extension(output)) && !java.nio.file.Files.isDirectory(output)) {
            return "--format csv writes eight CSV files into a folder, but -o " + output + " names a .csv file: name the folder"
                    + " instead, such as -o " + stripExtension(output);
        }
        if (format == ReportFormat.csv && output != null && java.nio.file.Files.isRegularFile(output)) {
            return "--format csv writes several files into a folder, but " + output + " is a file: name a folder with -o DIR";
        }
        if (format == ReportFormat.xlsx && output == null) {
            return "--format xlsx writes a workbook, not text: name the file with -o FILE.xlsx";
        }
        if (format != ReportFormat.csv && output != null && java.nio.file.Files.isDirectory(output)) {
            return output + " is a folder: -o names the file to write (only --format csv writes into a folder)";
        }
        return null;
    }

    /** The extension of a file name in lower case (null for none). */
    private static String extension(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot <= 0 || dot == name.length() - 1 ? null : name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
    }

    private static Path stripExtension(Path file) {
        String name = file.getFileName().toString();
        return file.resolveSibling(name.substring(0, name.lastIndexOf('.')));
    }

    /**
     * The comparison is a list, written as text or JSON: any other format asked for (by --format or by -o's
     * extension) is refused rather than answered with text under a .html or .xlsx name.
     */
    private String compareFormatProblem() {
        ReportFormat named = output == null ? null : ReportFormat.ofFile(output);
        ReportFormat asked = format != null ? format : named;
        if (asked == null || asked == ReportFormat.text || asked == ReportFormat.json) return null;
        return "--compare-edition lists the verdicts that differ as text or json, not " + asked
                + (format == null ? " (as -o " + output + " says)" : "") + ": use --format text or --format json"
                + (output == null ? "" : " with a .txt or .json file name");
    }

    /** Both editions on the same data and date; prints what differs. */
    private int compare(PrintWriter err) {
        RuleBase base = rules.build(err);
        if (base == null) return Main.ERROR;
        RuleBase other;
        try {
            other = rules.build(rules.folder().edition(compareEdition), err);
        } catch (IOException e) {
            Main.error(err, e.getMessage());
            return Main.ERROR;
        }
        if (other == null) return Main.ERROR;
        try {
            Report from = new TenantPipeline(other).withMaxSignInAge(maxSignInAge).evaluate(tenantDir, asOf);
            Report to = new TenantPipeline(base).withMaxSignInAge(maxSignInAge).evaluate(tenantDir, asOf);
            io.github.mfaeval.report.EditionComparison c = io.github.mfaeval.report.EditionComparison.of(from, to);
            AtomicFile.Content content = w -> {
                if (format == ReportFormat.json) {
                    w.write(io.github.mfaeval.report.JsonRenderer.MAPPER.writerWithDefaultPrettyPrinter()
                            .with(io.github.mfaeval.report.TerminalSafeJson.ESCAPES).writeValueAsString(c));
                    w.write(System.lineSeparator());
                } else {
                    c.renderText(w);
                }
            };
            if (output != null) {
                AtomicFile.write(output, content);
            } else {
                PrintWriter out = spec.commandLine().getOut();
                content.write(out);
                out.flush();
            }
            return c.differences().isEmpty() ? Main.READY : Main.ACTION_REQUIRED;
        } catch (InputException e) {
            Main.error(err, e.getMessage());
        } catch (IOException e) {
            Main.error(err, tenantDir + ": " + e.getMessage());
        }
        return Main.ERROR;
    }

    private void write(AtomicFile.Content content) throws IOException {
        if (output == null) {
            Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16);
            content.write(out);
            out.flush();
        } else {
            AtomicFile.write(output, content);
        }
    }

    private int exitCode(Report report) {
        if (strict && !report.inputs().rejected().isEmpty()) {
            Main.error(spec.commandLine().getErr(), "--strict: " + report.inputs().rejected().size()
                    + " input problem(s), the first: " + report.inputs().rejected().get(0));
            return Main.ERROR;
        }
        return report.status() == Report.Status.READY ? Main.READY : Main.ACTION_REQUIRED;
    }
}
