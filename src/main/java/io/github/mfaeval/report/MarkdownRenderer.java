package io.github.mfaeval.report;

import io.github.mfaeval.text.Plural;
import io.github.mfaeval.result.CollectionGap;
import io.github.mfaeval.result.Action;
import io.github.mfaeval.result.Report;
import io.github.mfaeval.result.ScheduleEntry;
import io.github.mfaeval.result.Summary;
import io.github.mfaeval.model.Finding;
import io.github.mfaeval.model.Severity;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.github.mfaeval.report.Markdown.esc;

/**
 * A summary in Markdown (GitHub-flavoured tables) for a CI job page, a mail or a chat message: the verdict, the
 * sign-in period, the schedule, the actions most urgent first, and the findings counted by code. Per-user detail
 * stays in the HTML, CSV, XLSX and JSON formats; every value from the input goes through {@link Markdown#esc}.
 */
public final class MarkdownRenderer implements Renderer {
    /** Actions listed in the table; the others are counted. */
    static final int TOP_ACTIONS = 10;

    @Override
    public void render(Report r, Writer writer) throws IOException {
        PrintWriter out = new PrintWriter(writer);
        out.printf("## Mandatory MFA readiness: %s: **%s**%n%n", esc(r.tenant().displayName()), label(r.status()));
        String gaps = CollectionGap.notice(r.collectionGaps());
        if (gaps != null) out.printf("> **%s**%n%n", esc(gaps));
        out.printf("Tenant %s · licence %s%s · evaluated as of %s%n%n", esc(r.tenant().id()),
                esc(r.tenant().license() == null ? "unknown" : r.tenant().license().toUpperCase(java.util.Locale.ROOT)),
                r.tenant().testTenant() ? " · test tenant" : "", r.asOf());
        if (EditionWords.edition(r) != null) out.printf("**Edition:** %s.%n%n", esc(EditionWords.edition(r)));
        out.printf("**Sign-ins evaluated:** %s.%n%n", esc(Freshness.sentence(r)));
        if (EditionWords.armWrites(r) != null) out.printf("**Phase 2 writes:** %s.%n%n", esc(EditionWords.armWrites(r)));
        List<Action> actions = r.actions();
        Summary m = r.summary();
        out.printf("- %d of %d in-scope users ready (%s in all)%n", m.usersReady(), m.usersInScope(), Plural.count(m.users(), "user"));
        out.printf("- %d of %d in-scope sign-ins without MFA%n", m.signInsNotSatisfied(), m.signInsInScope());
        out.printf("- %s%s%n", r.findingCounts().sentence(), actions.isEmpty() ? "" : ", fixed by " + Plural.count(actions.size(), "action"));
        if (!r.inputs().rejected().isEmpty()) {
            out.printf("- %d input record(s) rejected: the verdict covers only what could be read%n", r.inputs().rejected().size());
        }
        if (!r.inputs().missing().isEmpty()) out.printf("- missing exports: %s%n", esc(String.join(", ", r.inputs().missing())));
        out.println();

        if (!r.schedule().isEmpty()) {
            out.println("### Enforcement schedule");
            out.println();
            out.println("| Phase | Enforced from | State | Postponed | Source | Azure Policy |");
            out.println("|---|---|---|---|---|---|");
            for (ScheduleEntry s : r.schedule()) {
                out.printf("| %d | %s | %s | %s | %s | %s |%n", s.phase(), s.start(), esc(s.stateShown()),
                        s.postponed() ? "yes" : "no", esc(s.sourceShown()),
                        s.policy() == null || s.policy().isEmpty() ? "none" : esc(String.join("; ", s.policy())));
            }
            out.println();
        }

        out.println("### What to do first");
        out.println();
        if (actions.isEmpty()) {
            out.println("Nothing: no finding requires action.");
        } else {
            out.println("| # | Severity | Action | Fixes | Enforcement | Findings |");
            out.println("|---|---|---|---|---|---|");
            for (Action a : actions.subList(0, Math.min(TOP_ACTIONS, actions.size()))) {
                out.printf("| %d | %s | **%s** | %s | %s | %d (%s) |%n", a.rank(), a.severity(), esc(a.title()), esc(a.fixes()),
                        a.enforcementDate() == null ? "" : (a.enforced() ? "since " : "from ") + a.enforcementDate(), a.findings(),
                        esc(String.join(", ", a.codes())));
            }
            if (actions.size() > TOP_ACTIONS) {
                out.printf("%n%d more actions: see the HTML, XLSX or JSON report.%n", actions.size() - TOP_ACTIONS);
            }
            out.println();
            for (Action a : actions.subList(0, Math.min(TOP_ACTIONS, actions.size()))) {
                out.printf("%d. **%s**: %s%n", a.rank(), esc(a.title()), esc(a.whatToDo()));
            }
        }
        out.println();

        if (!r.findings().isEmpty()) {
            out.println("### Findings by code");
            out.println();
            out.println("| Severity | Finding | Count |");
            out.println("|---|---|---|");
            Map<String, long[]> byCode = new TreeMap<>();
            Map<String, Severity> severity = new TreeMap<>();
            for (Finding f : r.findings()) {
                byCode.computeIfAbsent(f.code(), k -> new long[2])[f.accepted() == null ? 0 : 1]++;
                severity.merge(f.code(), f.severity(), (a, b) -> a.compareTo(b) <= 0 ? a : b);
            }
            byCode.entrySet().stream()
                    .sorted(Map.Entry.<String, long[]>comparingByKey().thenComparing(e -> 0))
                    .sorted((x, y) -> severity.get(x.getKey()).compareTo(severity.get(y.getKey())))
                    .forEach(e -> out.printf("| %s | %s | %d%s |%n", severity.get(e.getKey()), esc(e.getKey()), e.getValue()[0] + e.getValue()[1],
                            e.getValue()[1] == 0 ? "" : " (" + e.getValue()[1] + " accepted)"));
            out.println();
        }
        out.println("<sub>mfa-eval report schema " + r.schemaVersion() + "; per-user detail: --format html, xlsx, csv or json.</sub>");
        out.flush();
    }

    private static String label(Report.Status s) {
        return switch (s) {
            case READY -> "Ready";
            case ACTION_REQUIRED -> "Action required";
            case INCOMPLETE -> "Incomplete";
        };
    }
}
