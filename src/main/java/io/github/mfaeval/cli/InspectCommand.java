package io.github.mfaeval.cli;

import io.github.mfaeval.load.InputException;
import io.github.mfaeval.load.Inventory;
import io.github.mfaeval.result.Rejection;
import io.github.mfaeval.load.signin.SignInKind;
import io.github.mfaeval.report.JsonRenderer;
import io.github.mfaeval.text.SafeText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Show what the loader finds in a tenant folder, without running the rules: each file, its detected "
                + "format, the records read and rejected, the dates and kinds of the sign-ins, and what is missing.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:everything was read and nothing is missing", "1:records were rejected or inputs are missing",
                "2:the folder cannot be read"})
final class InspectCommand implements Callable<Integer> {
    enum Format { text, json }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "TENANT_DIR", description = "Folder holding tenant.json and the exports.")
    Path tenantDir;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--rejections", paramLabel = "N", defaultValue = "5",
            description = "Rejections shown per file (default: ${DEFAULT-VALUE}).")
    int shown;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        String problem = TenantFolderCheck.problem(tenantDir, "inspect");
        if (problem != null) {
            Main.error(spec.commandLine().getErr(), problem);
            return Main.ERROR;
        }
        Inventory inv;
        try {
            inv = Inventory.of(tenantDir, Math.max(0, shown));
        } catch (InputException e) {
            Main.error(spec.commandLine().getErr(), e.getMessage());
            return Main.ERROR;
        }
        if (format == Format.json) {
            out.println(JsonRenderer.MAPPER.writeValueAsString(inv));
        } else {
            text(inv, out);
        }
        out.flush();
        return inv.complete() ? Main.READY : Main.ACTION_REQUIRED;
    }

    static void text(Inventory inv, PrintWriter out) {
        out.printf("Tenant folder  %s%n", s(inv.folder()));
        out.printf("Manifest       %s%n%n", inv.manifestProblem() != null ? "PROBLEM: " + s(inv.manifestProblem()) : "tenant.json: " + s(inv.manifest()));

        out.println("Sign-in files");
        if (inv.signInFiles().isEmpty()) out.println("  (none)");
        int w = Math.max(20, inv.signInFiles().stream().mapToInt(f -> s(f.name()).length()).max().orElse(0));
        String row = "  %-" + w + "s %8s %9s %10s  %-10s  %-10s %12s %16s %9s %6s  %s%n";
        if (!inv.signInFiles().isEmpty()) {
            out.printf(row, "FILE", "READ", "REJECTED", "DUPLICATE", "FROM", "TO", "INTERACTIVE", "NON-INTERACTIVE", "WORKLOAD", "USER?", "FORMAT");
            for (Inventory.SignInFileEntry f : inv.signInFiles()) {
                out.printf(row, s(f.name()), f.read(), f.rejected(), f.duplicates(), day(f.from()), day(f.to()),
                        n(f.kinds(), SignInKind.INTERACTIVE), n(f.kinds(), SignInKind.NON_INTERACTIVE), n(f.kinds(), SignInKind.WORKLOAD),
                        n(f.kinds(), SignInKind.USER), s(f.format()));
            }
            Inventory.SignInTotals t = inv.totals();
            out.printf(row, "total", t.read(), t.rejected(), t.duplicates(), day(t.from()), day(t.to()),
                    n(t.kinds(), SignInKind.INTERACTIVE), n(t.kinds(), SignInKind.NON_INTERACTIVE), n(t.kinds(), SignInKind.WORKLOAD),
                    n(t.kinds(), SignInKind.USER), "");
            out.printf("  read %d = evaluated %d + rejected %d + duplicate %d%n", t.read(), t.evaluated(), t.rejected(), t.duplicates());
        }
        for (Inventory.DetailsFileEntry d : inv.authenticationDetailFiles()) {
            out.printf("  %s: authentication details, %d rows (joined to the sign-ins by Request ID)%n", s(d.name()), d.rows());
        }

        boolean anyRejected = inv.signInFiles().stream().anyMatch(f -> f.rejected() > 0) || !inv.configurationRejections().isEmpty();
        if (anyRejected) {
            out.println();
            out.println("Rejected");
            for (Inventory.SignInFileEntry f : inv.signInFiles()) {
                long listed = 0;
                for (Rejection r : f.rejections()) {
                    out.println("  " + s(r));
                    listed += r.records();
                }
                if (f.rejected() > listed) out.printf("  … and %d more in %s%n", f.rejected() - listed, s(f.name()));
            }
            for (Rejection r : inv.configurationRejections()) out.println("  " + s(r));
        }
        if (inv.signInFiles().stream().anyMatch(f -> !f.notices().isEmpty())) {
            out.println();
            out.println("Notes");
            inv.signInFiles().forEach(f -> f.notices().forEach(n -> out.println("  " + s(n))));
        }

        if (!inv.activityLogFiles().isEmpty()) {
            out.println();
            out.println("Activity log files (Azure Resource Manager operations; Phase 2 of editions that judge writes)");
            int aw = Math.max(20, inv.activityLogFiles().stream().mapToInt(f -> s(f.name()).length()).max().orElse(0));
            String arow = "  %-" + aw + "s %8s %9s %9s %10s  %s%n";
            out.printf(arow, "FILE", "READ", "EVALUATED", "REJECTED", "DUPLICATE", "FORMAT");
            for (Inventory.ActivityLogFileEntry f : inv.activityLogFiles()) {
                out.printf(arow, s(f.name()), f.read(), f.evaluated(), f.rejected(), f.duplicates(), s(f.format()));
                f.rejections().forEach(r -> out.println("    " + s(r)));
                long listed = f.rejections().stream().mapToLong(Rejection::records).sum();
                if (f.rejected() > listed) out.printf("    … and %d more in %s%n", f.rejected() - listed, s(f.name()));
            }
        }

        out.println();
        out.println("Enforcement state (Azure Resource Manager: the tenant's settings and Azure Policy)");
        inv.enforcementState().forEach(line -> out.println("  " + s(line)));

        out.println();
        out.println("Configuration files");
        if (inv.configurationFiles().isEmpty()) out.println("  (none)");
        int cw = inv.configurationFiles().stream().mapToInt(c -> s(c.name()).length()).max().orElse(0);
        for (Inventory.ConfigFileEntry c : inv.configurationFiles()) {
            out.printf("  %-" + cw + "s %6d record%s%n", s(c.name()), c.records(), c.records() == 1 ? "" : "s");
        }
        if (!inv.notRead().isEmpty()) {
            out.println();
            out.println("Not read (not a known export name)");
            inv.notRead().forEach(n -> out.println("  " + s(n)));
        }
        out.println();
        if (inv.missing().isEmpty()) {
            out.println("Missing        nothing");
        } else {
            out.println("Missing");
            inv.missing().forEach(m -> out.println("  " + s(m)));
        }
    }

    /** Every value from the folder (file names, rejection reasons quoting records) goes through the terminal sanitiser. */
    private static String s(Object value) {
        return SafeText.terminal(value);
    }

    private static String day(Instant t) {
        return t == null ? "-" : t.atZone(ZoneOffset.UTC).toLocalDate().toString();
    }

    private static long n(Map<SignInKind, Long> kinds, SignInKind k) {
        return kinds.getOrDefault(k, 0L);
    }
}
