package io.github.mfaeval.cli;

import io.github.mfaeval.engine.Evaluator;
import io.github.mfaeval.engine.RuleBase;
import io.github.mfaeval.load.InputException;
import io.github.mfaeval.load.TenantData;
import io.github.mfaeval.load.TenantLoader;
import io.github.mfaeval.report.CsvRenderer;
import io.github.mfaeval.report.HtmlRenderer;
import io.github.mfaeval.report.AtomicFile;
import io.github.mfaeval.report.JsonRenderer;
import io.github.mfaeval.report.Renderer;
import io.github.mfaeval.report.Report;
import io.github.mfaeval.report.TextRenderer;
import io.github.mfaeval.risk.AcceptedRisks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Evaluate one tenant folder and print its readiness report.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:ready", "1:action required, or incomplete input (records rejected)",
                "2:input or rule error; with --strict, also any rejected input"})
final class EvaluateCommand implements Callable<Integer> {
    enum Format { text, json, html, csv }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "TENANT_DIR", description = "Folder holding tenant.json and the exports.")
    Path tenantDir;

    @Option(names = "--as-of", paramLabel = "DATE", description = "Evaluation date, yyyy-mm-dd (default: today, UTC).")
    LocalDate asOf;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = {"Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
                    "html: one self-contained page, to open in a browser or send on (it loads nothing).",
                    "csv: four files in the --output folder:",
                    "  action-plan.csv  what to do, most urgent first",
                    "  findings.csv, users.csv, signins.csv"})
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE|DIR",
            description = {"Write the report to FILE (written whole, then moved into place) instead of standard output.",
                    "With --format csv (required): the folder DIR to write the CSV files into; it is created if needed."})
    Path output;

    @Option(names = "--strict", description = "Exit with code 2 when any input was rejected (the report is still written).")
    boolean strict;

    @Mixin
    RulesOption rules;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (format == Format.csv && output == null) {
            err.println("mfa-eval: --format csv writes several files: name their folder with --output DIR");
            return Main.ERROR;
        }
        RuleBase base = rules.build(err);
        if (base == null) return Main.ERROR;
        TenantData data;
        AcceptedRisks accepted;
        try {
            data = TenantLoader.load(tenantDir);
            accepted = AcceptedRisks.read(tenantDir);
        } catch (InputException e) {
            err.println("mfa-eval: " + e.getMessage());
            return Main.ERROR;
        }
        Report report;
        try {
            report = accepted.apply(new Evaluator(base).evaluate(data, asOf == null ? LocalDate.now(ZoneOffset.UTC) : asOf));
        } catch (IOException e) {
            err.println("mfa-eval: " + tenantDir + ": " + e.getMessage());
            return Main.ERROR;
        }
        try {
            if (format == Format.csv) {
                for (Map.Entry<String, Renderer> file : new CsvRenderer().files().entrySet()) {
                    AtomicFile.write(output.resolve(file.getKey()), w -> file.getValue().render(report, w));
                }
                return exitCode(report);
            }
            Renderer renderer = switch (format) {
                case json -> new JsonRenderer();
                case html -> new HtmlRenderer();
                default -> new TextRenderer();
            };
            if (output == null) {
                Writer out = new OutputStreamWriter(System.out, StandardCharsets.UTF_8);
                renderer.render(report, out);
                out.flush();
            } else {
                AtomicFile.write(output, w -> renderer.render(report, w));
            }
        } catch (IOException e) {
            err.println("mfa-eval: cannot write " + output + ": " + e.getMessage());
            return Main.ERROR;
        }
        return exitCode(report);
    }

    private int exitCode(Report report) {
        if (strict && !report.inputs().rejected().isEmpty()) {
            spec.commandLine().getErr().println("mfa-eval: --strict: " + report.inputs().rejected().size()
                    + " input problem(s), the first: " + report.inputs().rejected().get(0));
            return Main.ERROR;
        }
        return report.status() == Report.Status.READY ? Main.READY : Main.ACTION_REQUIRED;
    }
}
