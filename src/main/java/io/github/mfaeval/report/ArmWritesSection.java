package io.github.mfaeval.report;

import io.github.mfaeval.result.ArmWriteVerdict;
import io.github.mfaeval.result.Report;
import io.github.mfaeval.result.Summary;
import java.util.List;

/**
 * The HTML report's "Phase 2 writes" section (editions that judge Phase 2 on Azure Resource Manager writes):
 * the counts, and each in-scope write operation without MFA first. Self-contained: plain markup in the
 * page's existing table styles, escaped like every value from the input.
 */
final class ArmWritesSection {
    static final int MAX = 500;

    private ArmWritesSection() {
    }

    /** The edition line of the header. */
    static String edition(Report r) {
        return r.edition() == null ? "" : " \u00b7 rules of Microsoft's page as of <span id=\"edition\">" + Html.esc(r.edition()) + "</span>";
    }

    /** Only for a report that read an activity log ({@code armWrites} not null). */
    static void render(StringBuilder h, Report r) {
        Summary m = r.summary();
        h.append("<section id=\"phase2-writes\" aria-labelledby=\"phase2-writes-h\"><h2 id=\"phase2-writes-h\">Phase 2: Azure Resource Manager writes</h2>\n");
        h.append("<p>Activity log records read: ").append(m.armWritesRead()).append(" = ").append(m.armWritesEvaluated())
                .append(" evaluated + ").append(m.armWritesRejected()).append(" rejected + ").append(m.armWritesDuplicate())
                .append(" duplicate (<span id=\"activity-log-period\">")
                .append(Html.esc(EditionWords.activityLogPeriod(r))).append("</span>). Write operations of users in scope: ")
                .append(m.armWritesInScope()).append(", of which <strong>").append(m.armWritesWithoutMfa())
                .append("</strong> without MFA in the token.</p>\n");
        List<ArmWriteVerdict> ordered = r.armWrites().stream()
                .sorted(java.util.Comparator.comparing(ArmWriteVerdict::mfa)).toList();
        if (ordered.size() > MAX) {
            h.append("<p class=\"muted\">The first ").append(MAX).append(" of ").append(ordered.size())
                    .append(" operations are shown (those without MFA first); the JSON report lists every one.</p>\n");
        }
        h.append("<div class=\"table-wrap\"><table id=\"phase2-writes-table\" class=\"stack\"><thead><tr><th>Time</th><th>User</th><th>Operation</th>"
                + "<th>MFA</th><th>Enforced</th><th>Result</th><th>Read from</th></tr></thead><tbody>\n");
        for (ArmWriteVerdict w : ordered.subList(0, Math.min(MAX, ordered.size()))) {
            h.append("<tr><td>").append(w.time() == null ? "" : Html.esc(w.time().toString())).append("</td><td>").append(Html.esc(w.user()))
                    .append("</td><td><code>").append(Html.esc(w.operation())).append("</code></td><td>").append(w.mfa() ? "yes" : "<strong>no</strong>")
                    .append("</td><td>").append(w.enforcementActive() ? "yes" : "not yet").append("</td><td>")
                    .append(w.refused() ? "refused" : Html.esc(String.join(", ", w.statuses()).toLowerCase(java.util.Locale.ROOT)))
                    .append("</td><td>").append(Html.esc(String.join("; ", w.sources()))).append("</td></tr>\n");
        }
        h.append("</tbody></table></div>\n</section>\n");
    }
}
