package io.github.mfaeval.batch;

import io.github.mfaeval.report.Html;
import io.github.mfaeval.report.PageAssets;
import io.github.mfaeval.report.Summary;
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
 * The batch's index.html: the run, its tenants by status, and one row per tenant with its counts, schedule,
 * trend since the baseline and a link to its report (or its error). Made from the summary alone, so it says
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
                .append("<title>Mandatory MFA readiness: ").append(summary.tenants().size()).append(" tenants (")
                .append(run.asOf()).append(")</title>\n")
                .append("<style>").append(PageAssets.CSS).append("</style>\n")
                .append("<script>").append(PageAssets.ERROR_HOOK).append("</script>\n</head>\n");
        h.append("<body>\n<div id=\"page-errors\" class=\"page-errors\" role=\"alert\" hidden><strong>Part of this page did not work;"
                + " the table below is still complete.</strong><ul></ul></div>\n");
        header();
        h.append("<main>\n");
        totals();
        changes();
        tenants();
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
        h.append("<h1 id=\"run-title\">").append(t.tenants()).append(t.tenants() == 1 ? " tenant" : " tenants")
                .append(" as of <time datetime=\"").append(run.asOf()).append("\">").append(run.asOf()).append("</time></h1>\n");
        h.append("<p class=\"meta\" id=\"run-meta\">Rules <code>").append(Html.esc(run.rulesFingerprint())).append("</code> (")
                .append(Html.esc(run.rulesSource())).append(") \u00b7 run from ").append(time(run.startedAt())).append(" to ")
                .append(time(run.endedAt())).append(" \u00b7 mfa-eval ").append(Html.esc(run.toolVersion()));
        if (run.baseline() != null) h.append(" \u00b7 compared with <code>").append(Html.esc(run.baseline())).append("</code>");
        h.append("</p>\n</div>\n</header>\n");
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
        Set<Integer> phases = new TreeSet<>();
        for (TenantRow r : summary.tenants()) if (r.schedule() != null) r.schedule().forEach(p -> phases.add(p.phase()));

        h.append("<section id=\"tenants\" aria-labelledby=\"tenants-h\"><h2 id=\"tenants-h\">Tenants <small>")
                .append(summary.tenants().size()).append(" in name order</small></h2>\n");
        h.append("<div class=\"controls\"><label>Filter<input type=\"search\" data-filter=\"tenants-table\" placeholder=\"tenant, status, error\u2026\"></label>");
        h.append("<label>Status<select data-filter=\"tenants-table\" data-column=\"1\"><option value=\"\">All</option>");
        for (TenantStatus s : TenantStatus.values()) h.append("<option>").append(label(s)).append("</option>");
        h.append("</select></label><output data-count=\"tenants-table\" aria-live=\"polite\"></output></div>\n");

        List<String> headers = new ArrayList<>(List.of("Tenant", "Status", "In-scope sign-ins without MFA", "Users ready",
                "Findings requiring action", "Accepted"));
        for (int p : phases) headers.add("Phase " + p);
        if (baseline) headers.add("Since the baseline");
        h.append("<div class=\"table-wrap\"><table id=\"tenants-table\" class=\"sortable filterable\"><thead><tr>");
        for (String name : headers) h.append("<th><button type=\"button\">").append(Html.esc(name)).append("</button></th>");
        h.append("<th>Report</th></tr></thead><tbody>\n");
        for (TenantRow r : summary.tenants()) row(r, phases, baseline);
        h.append("</tbody></table></div></section>\n");
    }

    private void row(TenantRow r, Set<Integer> phases, boolean baseline) {
        h.append("<tr data-tenant=\"").append(Html.esc(r.tenant())).append("\"><td><strong>")
                .append(Html.esc(r.displayName() == null ? r.tenant() : r.displayName())).append("</strong><br><span class=\"muted\">")
                .append(Html.esc(r.tenant()));
        if (r.tenantId() != null) h.append(" \u00b7 <code>").append(Html.esc(r.tenantId())).append("</code>");
        h.append("</span></td>");
        h.append("<td data-sort=\"").append(r.status().ordinal()).append("\"><span class=\"status-badge small status-").append(r.status())
                .append("\">").append(label(r.status())).append("</span></td>");
        Summary c = r.counts();
        if (c == null) {
            h.append("<td></td><td></td><td></td><td></td>");
        } else {
            ratio(c.signInsNotSatisfied() > 0, c.signInsNotSatisfied(), c.signInsInScope());
            ratio(c.usersReady() < c.usersInScope(), c.usersReady(), c.usersInScope());
            number(r.findingsRequiringAction() != null && r.findingsRequiringAction() > 0, r.findingsRequiringAction());
            number(false, r.findingsAccepted());
        }
        for (int p : phases) phase(r, p);
        if (baseline) trend(r);
        link(r);
        h.append("</tr>\n");
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
                .append(p.state() == io.github.mfaeval.report.ScheduleEntry.State.ENFORCED ? "Enforced" : "Upcoming")
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

    /** The tenant's page, or for one that could not be evaluated, its error.json and what went wrong. */
    private void link(TenantRow r) {
        h.append("<td>");
        if (r.error() == null) {
            String page = OutDir.TENANTS + "/" + segment(r.tenant()) + "/" + OutDir.REPORT_HTML;
            h.append("<a class=\"report-link\" href=\"").append(Html.esc(page)).append("\">Report</a>");
        } else {
            String error = OutDir.TENANTS + "/" + segment(r.tenant()) + "/" + OutDir.ERROR;
            h.append("<a class=\"report-link\" href=\"").append(Html.esc(error)).append("\">error.json</a><br><span class=\"error-text\">")
                    .append(Html.esc(r.error().stage())).append(": ").append(Html.esc(r.error().message())).append("</span>");
        }
        h.append("</td>");
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
