package io.github.mfaeval.batch;

import io.github.mfaeval.report.CsvRenderer;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The batch's action-plan.csv: every tenant's actions in one worksheet, most urgent first across tenants (a
 * tenant that could not be evaluated first, then by severity, enforcement date and users fixed), with empty
 * Owner, Due date and Notes columns for the service provider to fill. Made from the summary's rows, like the
 * index; cells are defused as in every CSV of the report ({@link CsvRenderer#writeTable}).
 */
final class BatchActionPlan {
    static final List<String> HEADERS = List.of("Tenant", "Tenant id", "Tenant status", "Rank in tenant", "Action", "Severity",
            "Enforcement date", "Already enforced", "Users fixed", "Findings", "Report", "Owner", "Due date", "Notes");

    private record Line(TenantRow tenant, TenantRow.Action action) {
    }

    private BatchActionPlan() {
    }

    static void write(List<TenantRow> tenants, Writer out) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (TenantRow t : tenants) {
            if (t.error() != null) {
                rows.add(row(t, "", "Make the tenant evaluable: " + t.error().stage() + ": " + t.error().message(), "", "", "", "", ""));
            }
        }
        List<Line> lines = new ArrayList<>();
        for (TenantRow t : tenants) {
            if (t.actions() != null) t.actions().forEach(a -> lines.add(new Line(t, a)));
        }
        lines.sort(Comparator.comparing((Line l) -> l.action().severity())
                .thenComparing(l -> l.action().enforcementDate(), Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(l -> -l.action().users())
                .thenComparing(l -> l.tenant().tenant())
                .thenComparingInt(l -> l.action().rank()));
        for (Line l : lines) {
            TenantRow.Action a = l.action();
            rows.add(row(l.tenant(), String.valueOf(a.rank()), a.title(), a.severity().name(),
                    a.enforcementDate() == null ? "" : a.enforcementDate().toString(),
                    a.enforcementDate() == null ? "" : a.enforced() ? "yes" : "no", String.valueOf(a.users()), String.valueOf(a.findings())));
        }
        CsvRenderer.writeTable(out, HEADERS, rows);
    }

    /** The tenant's HTML report, what a person opens (its error.json for a tenant that could not be evaluated). */
    static String page(TenantRow t) {
        String r = t.report();
        if (t.error() != null || r == null || !r.endsWith(OutDir.REPORT)) return r;
        return r.substring(0, r.length() - OutDir.REPORT.length()) + OutDir.REPORT_HTML;
    }

    private static List<String> row(TenantRow t, String rank, String action, String severity, String date, String enforced,
                                    String users, String findings) {
        return java.util.Arrays.asList(t.displayName() == null ? t.tenant() : t.displayName(), t.tenantId(), t.status().name(), rank,
                action, severity, date, enforced, users, findings, page(t), "", "", "");
    }
}
