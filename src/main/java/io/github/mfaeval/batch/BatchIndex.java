package io.github.mfaeval.batch;

import io.github.mfaeval.report.Html;
import io.github.mfaeval.report.PageAssets;
import io.github.mfaeval.result.Summary;
import io.github.mfaeval.report.SvgBarChart;

import java.io.IOException;
import java.io.Writer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The batch's index.html, a service provider's morning view: the run's verdict, its tenants by status, and one row
 * per tenant, most urgent first, its name linking to its report (or its error), with its first action, next
 * enforcement date, counts and trend since the baseline; the run's metadata folded away. Made from the summary alone, so it says
 * exactly what summary.json says. Like a tenant's page it is self-contained, uses the same style, script and
 * Content-Security-Policy ({@link PageAssets}), and passes every value from the input through {@link Html#esc}.
 */
final class BatchIndex {
    private static final Map<TenantStatus, String> COLOR = Map.of(TenantStatus.READY, "#079455",
            TenantStatus.ACTION_REQUIRED, "#d92d20", TenantStatus.INCOMPLETE, "#dc6803", TenantStatus.FAILED, "#5b6475",
            TenantStatus.TIMEOUT, "#98a2b3");

    private final BatchSummary summary;
    private final StringBuilder h = new StringBuilder(32 * 1024);

    BatchIndex(BatchSummary summary) {
        this.summary = summary;
    }

    void write(Writer out) throws IOException {
        out.write(html());
        out.flush();
    }

    String html() {
        BatchSummary.Run run = summary.run();
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(PageAssets.POLICY).append("\">\n")
                .append("<meta name=\"generator\" content=\"mfa-eval\">\n")
                .append("<title>Mandatory MFA readiness: ").append(io.github.mfaeval.text.Plural.count(summary.tenants().size(), "tenant"))
                .append(" (").append(Html.esc(asOfWords())).append(")</title>\n")
                .append("<style>").append(PageAssets.CSS).append("</style>\n")
                .append("<script>").append(PageAssets.ERROR_HOOK).append("</script>\n</head>\n");
        h.append("<body>\n<div id=\"page-errors\" class=\"page-errors\" role=\"alert\" hidden><strong>Part of this page did not work;"
                + " the table below is still complete.</strong><ul></ul></div>\n");
        header();
        h.append("<main>\n");
        // The tenants first: the morning question is which one to open; the totals and the changes follow.
        tenants();
        changes();
        totals();
        h.append("</main>\n<footer><p>Made by mfa-eval (summary schema ").append(summary.schemaVersion())
                .append("). summary.json and summary.csv next to this page hold the same rows. This page loads nothing from the network.</p></footer>\n");
        h.append("<script>").append(PageAssets.SCRIPT).append("</script>\n</body>\n</html>\n");
        return h.toString();
    }

    private void header() {
        BatchSummary.Run run = summary.run();
        BatchSummary.Totals t = summary.totals();
        // The header's colour says the worst of the run, like a tenant page's says its status.
        String worst = t.anyFailed() ? "failed" : t.anyFindings() ? "action_required" : "ready";
        h.append("<header class=\"top status-").append(worst).append("\"><div>\n");
        h.append("<p class=\"eyebrow\">Mandatory MFA for Azure and the admin portals: readiness of a batch of tenants</p>\n");
        h.append("<h1 id=\"run-title\">").append(io.github.mfaeval.text.Plural.count(t.tenants(), "tenant")).append("</h1>\n");
        // Each report is as of its own date (a frozen snapshot keeps its tenant.json asOf): the run date is labelled as such.
        h.append("<p class=\"meta\" id=\"run-dates\">").append(Html.esc(asOfWords())).append("</p>\n");
        h.append("<p class=\"lead\" id=\"run-verdict\">").append(Html.esc(verdict(t))).append(" The tenants below are in order of urgency;"
                + " <a href=\"").append(OutDir.ACTION_PLAN_CSV).append("\">action-plan.csv</a> lists every tenant's actions, most urgent first.</p>\n");
        h.append("<details class=\"run-meta\"><summary>About this run</summary><p class=\"meta\" id=\"run-meta\">Rules <code>")
                .append(Html.esc(run.rulesFingerprint())).append("</code> (")
                .append(Html.esc(run.rulesSource())).append(") \u00b7 run from ").append(time(run.startedAt())).append(" to ")
                .append(time(run.endedAt())).append(" \u00b7 ").append(Html.esc(run.toolVersion()));
        if (run.baseline() != null) h.append(" \u00b7 compared with <code>").append(Html.esc(run.baseline())).append("</code>");
        h.append(" \u00b7 <a href=\"").append(OutDir.ACTION_PLAN_CSV).append("\">action-plan.csv</a>, <a href=\"")
                .append(OutDir.SUMMARY_CSV).append("\">summary.csv</a>, <a href=\"").append(OutDir.SUMMARY_JSON).append("\">summary.json</a>");
        h.append("</p></details>\n</div>\n</header>\n");
    }

    /** "Reports as of 2025-11-28 · run date 2026-12-07": the tenants' own as-of dates, then the run's date, labelled. */
    private String asOfWords() {
        TreeSet<java.time.LocalDate> dates = new TreeSet<>();
        for (TenantRow r : summary.tenants()) if (r.asOf() != null) dates.add(r.asOf());
        String run = "run date " + summary.run().asOf();
        if (dates.isEmpty()) return "Run date " + summary.run().asOf();
        String reports = dates.size() == 1 ? "Reports as of " + dates.first()
                : "Reports as of " + dates.first() + " to " + dates.last() + " (each tenant's own date is in its row)";
        return reports + " \u00b7 " + run;
    }

    private static String verdict(BatchSummary.Totals t) {
        List<String> parts = new ArrayList<>();
        if (t.failed() + t.timedOut() > 0) parts.add((t.failed() + t.timedOut()) + " could not be evaluated");
        if (t.actionRequired() > 0) parts.add(t.actionRequired() + io.github.mfaeval.text.Plural.word(t.actionRequired(), " requires action", " require action"));
        if (t.incomplete() > 0) parts.add(t.incomplete() + io.github.mfaeval.text.Plural.word(t.incomplete(), " is incomplete", " are incomplete"));
        if (t.ready() > 0) parts.add(t.ready() + io.github.mfaeval.text.Plural.word(t.ready(), " is ready", " are ready"));
        return parts.isEmpty() ? "No tenant." : String.join(", ", parts) + ".";
    }

    private void totals() {
        BatchSummary.Totals t = summary.totals();
        h.append("<section id=\"totals\" aria-labelledby=\"totals-h\"><h2 id=\"totals-h\">Tenants by status</h2>\n");
        h.append("<div class=\"tiles\">\n");
        for (TenantStatus s : TenantStatus.values()) {
            int n = count(t, s);
            boolean bad = n > 0 && s != TenantStatus.READY;
            h.append("<div class=\"tile ").append(bad ? "bad" : "good").append("\" data-status=\"").append(s)
                    .append("\"><span class=\"num\">").append(n).append("</span><span class=\"of\">").append(label(s)).append("</span></div>\n");
        }
        h.append("</div>\n");
        List<SvgBarChart.Segment> segments = new ArrayList<>();
        for (TenantStatus s : TenantStatus.values()) segments.add(new SvgBarChart.Segment(label(s), count(t, s), COLOR.get(s)));
        h.append(SvgBarChart.render("chart-status", "Tenants by status",
                "How many of the run's tenants are ready, require action, are incomplete, failed or timed out.",
                segments, List.of(new SvgBarChart.Bar("Tenants", segments))));
        if (!summary.skippedFolders().isEmpty()) {
            h.append("<p class=\"note\" id=\"skipped\">Not evaluated (no tenant.json): ");
            for (int i = 0; i < summary.skippedFolders().size(); i++) {
                if (i > 0) h.append(", ");
                h.append("<code>").append(Html.esc(summary.skippedFolders().get(i))).append("</code>");
            }
            h.append("</p>\n");
        }
        h.append("</section>\n");
    }

    private void changes() {
        BatchSummary.RunChanges c = summary.changes();
        if (c == null) return;
        h.append("<section id=\"changes\" aria-labelledby=\"changes-h\"><h2 id=\"changes-h\">Since the baseline</h2>\n<p class=\"lead\">")
                .append(c.statusChanges()).append(" status change(s), ").append(c.findingsNew()).append(" new and ")
                .append(c.findingsResolved()).append(" resolved finding(s), ").append(c.usersBecameReady()).append(" user(s) became ready and ")
                .append(c.usersNoLongerReady()).append(" stopped being ready.</p>\n");
        names("New tenants", c.tenantsNew());
        names("Tenants gone since the baseline", c.tenantsGone());
        h.append("</section>\n");
    }

    private void names(String label, List<String> tenants) {
        if (tenants.isEmpty()) return;
        h.append("<p>").append(label).append(": ");
        for (int i = 0; i < tenants.size(); i++) {
            if (i > 0) h.append(", ");
            h.append("<code>").append(Html.esc(tenants.get(i))).append("</code>");
        }
        h.append("</p>\n");
    }

    private void tenants() {
        boolean baseline = summary.changes() != null;
        List<TenantRow> ordered = new ArrayList<>(summary.tenants());
        ordered.sort(URGENCY);
        h.append("<section id=\"tenants\" aria-labelledby=\"tenants-h\"><h2 id=\"tenants-h\">Tenants <small>")
                .append(summary.tenants().size()).append(", most urgent first: failed, then action required by nearest enforcement"
                        + " date and severity, then ready</small></h2>\n");
        h.append("<div class=\"controls\"><label>Filter<input type=\"search\" data-filter=\"tenants-table\" placeholder=\"tenant, status, action, error\u2026\"></label>");
        h.append("<label>Status<select data-filter=\"tenants-table\" data-column=\"1\"><option value=\"\">All</option>");
        for (TenantStatus s : TenantStatus.values()) h.append("<option>").append(label(s)).append("</option>");
        h.append("</select></label><output data-count=\"tenants-table\" aria-live=\"polite\"></output></div>\n");

        List<String> headers = new ArrayList<>(List.of("Tenant", "Status", "First action", "Next enforcement", "Sign-ins without MFA",
                "Users ready", "Findings to act on"));
        if (baseline) headers.add("Since the baseline");
        h.append("<div class=\"table-wrap\"><table id=\"tenants-table\" class=\"sortable filterable stack\" data-page-size=\"100\"><thead><tr>");
        for (String name : headers) h.append("<th><button type=\"button\">").append(Html.esc(name)).append("</button></th>");
        h.append("</tr></thead><tbody>\n");
        int rank = 0;
        for (TenantRow r : ordered) row(r, ++rank, baseline);
        h.append("</tbody></table></div>\n<div class=\"pager\" data-pager=\"tenants-table\" hidden><button type=\"button\" data-step=\"-1\">"
                + "Previous</button><output></output><button type=\"button\" data-step=\"1\">Next</button></div>\n</section>\n");
    }

    /** Failed or timed out first; then not ready, by nearest enforcement date, then severity, then findings; then ready. */
    static final java.util.Comparator<TenantRow> URGENCY = java.util.Comparator
            .comparingInt((TenantRow r) -> switch (r.status()) {
                case FAILED, TIMEOUT -> 0;
                case ACTION_REQUIRED, INCOMPLETE -> 1;
                case READY -> 2;
            })
            .thenComparing(BatchIndex::nearestDate, java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()))
            .thenComparing(BatchIndex::worstSeverity, java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()))
            .thenComparing(r -> -(r.findingsRequiringAction() == null ? 0 : r.findingsRequiringAction()))
            .thenComparing(TenantRow::tenant);

    private static java.time.LocalDate nearestDate(TenantRow r) {
        if (r.actions() == null) return null;
        return r.actions().stream().map(TenantRow.Action::enforcementDate).filter(java.util.Objects::nonNull).min(java.util.Comparator.naturalOrder()).orElse(null);
    }

    private static io.github.mfaeval.model.Severity worstSeverity(TenantRow r) {
        if (r.actions() == null) return null;
        return r.actions().stream().map(TenantRow.Action::severity).min(java.util.Comparator.naturalOrder()).orElse(null);
    }

    private void row(TenantRow r, int rank, boolean baseline) {
        h.append("<tr data-tenant=\"").append(Html.esc(r.tenant())).append("\"><td data-sort=\"").append(rank).append("\">");
        link(r);
        h.append("<br><span class=\"muted\">").append(Html.esc(r.tenant()));
        if (r.tenantId() != null) h.append(" \u00b7 <code>").append(Html.esc(r.tenantId())).append("</code>");
        if (r.asOf() != null) h.append(" \u00b7 as of <time class=\"tenant-as-of\" datetime=\"").append(r.asOf()).append("\">")
                .append(r.asOf()).append("</time>");
        h.append("</span>");
        if (r.error() != null) {
            h.append("<br><span class=\"error-text\">").append(Html.esc(r.error().stage())).append(": ").append(Html.esc(r.error().message())).append("</span>");
        }
        h.append("</td>");
        h.append("<td data-sort=\"").append(r.status().ordinal()).append("\"><span class=\"status-badge small status-").append(r.status())
                .append("\">").append(label(r.status())).append("</span></td>");
        firstAction(r);
        nextEnforcement(r);
        Summary c = r.counts();
        if (c == null) {
            h.append("<td></td><td></td><td></td>");
        } else {
            ratio(c.signInsNotSatisfied() > 0, c.signInsNotSatisfied(), c.signInsInScope());
            ratio(c.usersReady() < c.usersInScope(), c.usersReady(), c.usersInScope());
            h.append("<td class=\"num-cell\">");
            Integer n = r.findingsRequiringAction();
            if (n != null) h.append(n > 0 ? "<span class=\"no\">" + n + "</span>" : String.valueOf(n));
            if (r.findingsAccepted() != null && r.findingsAccepted() > 0) h.append("<br><span class=\"muted\">").append(r.findingsAccepted()).append(" accepted</span>");
            h.append("</td>");
        }
        if (baseline) trend(r);
        h.append("</tr>\n");
    }

    private void firstAction(TenantRow r) {
        h.append("<td>");
        if (r.actions() != null && !r.actions().isEmpty()) {
            TenantRow.Action a = r.actions().get(0);
            h.append("<span class=\"sev sev-").append(a.severity()).append("\">").append(a.severity()).append("</span> ").append(Html.esc(a.title()));
            if (a.users() > 0) h.append(" <span class=\"muted\">(").append(io.github.mfaeval.text.Plural.count(a.users(), "user")).append(")").append("</span>");
            if (r.actions().size() > 1) h.append("<br><span class=\"muted\">and ").append(r.actions().size() - 1).append(" more</span>");
        } else if (r.actions() != null) {
            h.append("<span class=\"muted\">none</span>");
        }
        h.append("</td>");
    }

    /** The next phase to be enforced, or, when all are, since when; postponement noted. */
    private void nextEnforcement(TenantRow r) {
        if (r.schedule() == null || r.schedule().isEmpty()) {
            h.append("<td></td>");
            return;
        }
        // Microsoft's start is still ahead for a phase the tenant self-enforces
        TenantRow.Phase next = r.schedule().stream().filter(p -> p.state() == io.github.mfaeval.result.ScheduleEntry.State.UPCOMING
                        || p.state() == io.github.mfaeval.result.ScheduleEntry.State.SELF_ENFORCED)
                .min(java.util.Comparator.comparing(TenantRow.Phase::start)).orElse(null);
        TenantRow.Phase shown = next != null ? next
                : r.schedule().stream().max(java.util.Comparator.comparing(TenantRow.Phase::start)).orElseThrow();
        h.append("<td class=\"nowrap\" data-sort=\"").append(shown.start()).append("\">Phase ").append(shown.phase())
                .append(next != null ? " from " : " since ").append("<time datetime=\"").append(shown.start()).append("\">")
                .append(shown.start()).append("</time>");
        h.append("<br><span class=\"muted source\">source: ").append(Html.esc(shown.sourceShown())).append("</span>");
        if (shown.postponed()) h.append("<br><span class=\"muted\">postponed</span>");
        if (next == null) h.append("<br><span class=\"muted\">all phases enforced</span>");
        h.append("</td>");
    }

    private void ratio(boolean bad, long n, long of) {
        h.append("<td class=\"num-cell\" data-sort=\"").append(n).append("\"><span class=\"").append(bad ? "no" : "yes").append("\">")
                .append(n).append("</span> of ").append(of).append("</td>");
    }

    private void number(boolean bad, Integer n) {
        h.append("<td class=\"num-cell\">");
        if (n != null) h.append(bad ? "<span class=\"no\">" + n + "</span>" : String.valueOf(n));
        h.append("</td>");
    }

    private void phase(TenantRow r, int phase) {
        TenantRow.Phase p = r.schedule() == null ? null
                : r.schedule().stream().filter(s -> s.phase() == phase).findFirst().orElse(null);
        if (p == null) {
            h.append("<td></td>");
            return;
        }
        h.append("<td class=\"nowrap\" data-sort=\"").append(p.start()).append("\"><span class=\"state state-").append(p.state()).append("\">")
                .append(switch (p.state()) {
                    case ENFORCED -> "Enforced";
                    case UPCOMING -> "Upcoming";
                    case NOT_ENFORCED -> "Not enforced";
                    case SELF_ENFORCED -> "Self-enforced";
                })
                .append("</span><br><time datetime=\"").append(p.start()).append("\">").append(p.start()).append("</time>");
        if (p.postponed()) h.append(" <span class=\"muted\">(postponed)</span>");
        h.append("</td>");
    }

    private void trend(TenantRow r) {
        TenantRow.RowChanges c = r.changes();
        h.append("<td>");
        if (c == null) {
            h.append("</td>");
            return;
        }
        if (c.previousStatus() == null) h.append("New since the baseline");
        else if (c.statusChanged()) h.append("<strong>").append(Html.esc(c.previousStatus())).append(" \u2192 ").append(r.status()).append("</strong>");
        else h.append("<span class=\"muted\">Status unchanged</span>");
        if (c.compared()) {
            h.append("<br>findings: ").append(c.findingsNew()).append(" new, ").append(c.findingsResolved()).append(" resolved")
                    .append("<br>users: ").append(c.usersBecameReady()).append(" became ready, ").append(c.usersNoLongerReady())
                    .append(" stopped being ready");
        } else if (c.previousStatus() != null) {
            h.append("<br><span class=\"muted\">findings not compared (a run could not evaluate it)</span>");
        }
        h.append("</td>");
    }

    /** The tenant's name, linking to its page, or for one that could not be evaluated, to its error.json. */
    private void link(TenantRow r) {
        String name = Html.esc(r.displayName() == null ? r.tenant() : r.displayName());
        String target = OutDir.TENANTS + "/" + segment(r.tenant()) + "/" + (r.error() == null ? OutDir.REPORT_HTML : OutDir.ERROR);
        h.append("<a class=\"report-link\" href=\"").append(Html.esc(target)).append("\"><strong>").append(name).append("</strong></a>");
        if (r.error() != null) h.append(" <span class=\"muted\">(error.json)</span>");
    }

    /** A folder name as one relative-URL path segment: a name with "#", "?" or "%" must still reach its folder. */
    static String segment(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String time(java.time.Instant t) {
        return t == null ? "" : "<time datetime=\"" + t + "\">" + t.toString().replace('T', ' ') + "</time>";
    }

    private static int count(BatchSummary.Totals t, TenantStatus s) {
        return switch (s) {
            case READY -> t.ready();
            case ACTION_REQUIRED -> t.actionRequired();
            case INCOMPLETE -> t.incomplete();
            case FAILED -> t.failed();
            case TIMEOUT -> t.timedOut();
        };
    }

    private static String label(TenantStatus s) {
        return switch (s) {
            case READY -> "Ready";
            case ACTION_REQUIRED -> "Action required";
            case INCOMPLETE -> "Incomplete";
            case FAILED -> "Failed";
            case TIMEOUT -> "Timed out";
        };
    }
}
