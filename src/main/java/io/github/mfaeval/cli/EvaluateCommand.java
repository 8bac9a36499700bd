package io.github.mfaeval.cli;

import io.github.mfaeval.engine.Evaluator;
import io.github.mfaeval.engine.RuleBase;
import io.github.mfaeval.load.InputException;
import io.github.mfaeval.load.TenantData;
import io.github.mfaeval.load.TenantLoader;
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
import java.util.concurrent.Callable;

@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Evaluate one tenant folder and print its readiness report.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:ready", "1:action required, or incomplete input (records rejected)", "2:input or rule error"})
final class EvaluateCommand implements Callable<Integer> {
    enum Format { text, json }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "TENANT_DIR", description = "Folder holding tenant.json and the exports.")
    Path tenantDir;

    @Option(names = "--as-of", paramLabel = "DATE", description = "Evaluation date, yyyy-mm-dd (default: today, UTC).")
    LocalDate asOf;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the report to FILE (written whole, then moved into place) instead of standard output.")
    Path output;

    @Mixin
    RulesOption rules;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
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
        Renderer renderer = format == Format.json ? new JsonRenderer() : new TextRenderer();
        try {
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
        return report.status() == Report.Status.READY ? Main.READY : Main.ACTION_REQUIRED;
    }
}
