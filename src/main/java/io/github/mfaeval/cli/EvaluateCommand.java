package io.github.mfaeval.cli;

import io.github.mfaeval.engine.Evaluator;
import io.github.mfaeval.engine.RuleBase;
import io.github.mfaeval.load.InputException;
import io.github.mfaeval.load.TenantData;
import io.github.mfaeval.load.TenantLoader;
import io.github.mfaeval.report.JsonReportStream;
import io.github.mfaeval.report.Report;
import io.github.mfaeval.report.SignInSelection;
import io.github.mfaeval.report.SignInSink;
import io.github.mfaeval.report.TextRenderer;
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
import java.time.ZoneOffset;
import java.util.concurrent.Callable;

@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Evaluate one tenant folder and print its readiness report.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:ready", "1:action required, or incomplete input (records rejected)", "2:input or rule error"})
final class EvaluateCommand implements Callable<Integer> {
    enum Format { text, json }

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

    @Option(names = "--as-of", paramLabel = "DATE", description = "Evaluation date, yyyy-mm-dd (default: today, UTC).")
    LocalDate asOf;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--sign-ins", paramLabel = "WHICH", defaultValue = "unsatisfied",
            description = "Sign-ins listed in a JSON report's signIns: ${COMPLETION-CANDIDATES}; unsatisfied = in scope, "
                    + "MFA not satisfied (default: ${DEFAULT-VALUE}). All of them are always counted in summary and per user.")
    SignIns signIns;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the report to FILE (written whole, then moved into place) instead of standard output.")
    Path output;

    // Read the sign-ins as evaluate would, with no rules: the floor the benchmark (bench/run.sh) compares against.
    @Option(names = "--parse-only", hidden = true)
    boolean parseOnly;

    @Mixin
    RulesOption rules;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (parseOnly) return parseOnly(err);
        RuleBase base = rules.build(err);
        if (base == null) return Main.ERROR;
        TenantData data;
        try {
            data = TenantLoader.load(tenantDir);
        } catch (InputException e) {
            err.println("mfa-eval: " + e.getMessage());
            return Main.ERROR;
        }
        LocalDate day = asOf == null ? LocalDate.now(ZoneOffset.UTC) : asOf;
        Evaluator evaluator = new Evaluator(base);
        Report[] report = new Report[1];
        // The JSON report is written as the sign-ins are evaluated; the text report needs only the totals.
        AtomicFile.Content content = format == Format.json
                ? out -> {
                    JsonReportStream json = new JsonReportStream(out, signIns.selection);
                    json.begin(Report.TenantRef.of(data.tenant), day);
                    report[0] = evaluator.evaluate(data, day, json);
                    json.finish(report[0]);
                }
                : out -> {
                    report[0] = evaluator.evaluate(data, day, SignInSink.NONE);
                    new TextRenderer().render(report[0], out);
                };
        try {
            if (output == null) {
                Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16);
                content.write(out);
                out.flush();
            } else {
                AtomicFile.write(output, content);
            }
        } catch (JsonReportStream.WriteFailed e) {
            err.println("mfa-eval: cannot write " + (output == null ? "the report" : output) + ": " + e.getMessage());
            return Main.ERROR;
        } catch (IOException e) {
            if (report[0] != null) {
                err.println("mfa-eval: cannot write " + (output == null ? "the report" : output) + ": " + e.getMessage());
            } else {
                err.println("mfa-eval: " + tenantDir + ": " + e.getMessage());
            }
            return Main.ERROR;
        }
        return report[0].status() == Report.Status.READY ? Main.READY : Main.ACTION_REQUIRED;
    }

    private int parseOnly(PrintWriter err) {
        long start = System.nanoTime();
        try {
            TenantData data = TenantLoader.load(tenantDir);
            Evaluator.ReadCounts c = Evaluator.readOnly(data);
            double seconds = (System.nanoTime() - start) / 1e9;
            PrintWriter out = spec.commandLine().getOut();
            out.printf("parse-only: %d sign-ins read (%d rejected, %d duplicate) in %.3f s, %.0f sign-ins/s%n",
                    c.read(), c.rejected(), c.duplicates(), seconds, c.read() / seconds);
            out.flush();
            return Main.READY;
        } catch (InputException e) {
            err.println("mfa-eval: " + e.getMessage());
        } catch (IOException e) {
            err.println("mfa-eval: " + tenantDir + ": " + e.getMessage());
        }
        return Main.ERROR;
    }
}
