package io.github.mfaeval.report;

import io.github.mfaeval.result.Inputs;
import io.github.mfaeval.result.Rejection;
import io.github.mfaeval.result.Report;
import io.github.mfaeval.result.SignInPeriod;
import io.github.mfaeval.result.Summary;

import static io.github.mfaeval.report.HtmlRenderer.MAX_REJECTED;

/**
 * The HTML report's "Inputs" section: what was read (files, the sign-in period, the collection), what was
 * missing or rejected, and the rules used.
 */
final class InputsSection extends HtmlPage {
    InputsSection(HtmlPage page) {
        super(page);
    }

    /** The period the sign-ins cover, overall and per kind. */
    private void signInPeriod(SignInPeriod period) {
        if (period == null) {
            h.append("<p id=\"sign-in-period-kinds\">Sign-in period: none (no sign-in was read).</p>\n");
            return;
        }
        h.append("<p id=\"sign-in-period-kinds\">Sign-ins from <time>").append(Html.esc(String.valueOf(period.first())))
                .append("</time> to <time>").append(Html.esc(String.valueOf(period.last()))).append("</time>.</p>\n");
        h.append("<div class=\"table-wrap\"><table id=\"sign-in-period-table\"><thead><tr><th>Kind</th><th class=\"num-cell\">Sign-ins</th>"
                + "<th>First</th><th>Last</th></tr></thead><tbody>\n");
        period.kinds().forEach((kind, k) -> h.append("<tr><td>").append(Html.esc(kind)).append("</td><td class=\"num-cell\">")
                .append(k.count()).append("</td><td>").append(Html.esc(String.valueOf(k.first()))).append("</td><td>")
                .append(Html.esc(String.valueOf(k.last()))).append("</td></tr>\n"));
        h.append("</tbody></table></div>\n");
    }

    void inputs() {
        Inputs in = r.inputs();
        Summary m = r.summary();
        h.append("<section id=\"inputs\" aria-labelledby=\"inputs-h\"><h2 id=\"inputs-h\">Inputs</h2>\n");
        h.append("<p>Tenant folder <code>").append(Html.esc(in.folder())).append("</code>. Sign-ins read: ").append(m.signInsRead())
                .append(" = ").append(m.signInsEvaluated()).append(" evaluated + ").append(m.signInsRejected()).append(" rejected + ")
                .append(m.signInsDuplicate()).append(" duplicate.</p>\n");
        signInPeriod(in.signInPeriod());
        if (in.warnings() != null) {
            for (String w : in.warnings()) h.append("<p class=\"warning\">Warning: ").append(Html.esc(w)).append("</p>\n");
        }
        h.append("<div class=\"table-wrap\"><table id=\"files-table\"><thead><tr><th>File read</th><th class=\"num-cell\">Records</th></tr></thead><tbody>\n");
        for (Inputs.FileRead f : in.files()) {
            h.append("<tr><td><code>").append(Html.esc(f.name())).append("</code></td><td class=\"num-cell\">").append(f.records()).append("</td></tr>\n");
        }
        h.append("</tbody></table></div>\n");
        if (in.collection() != null) {
            h.append("<p id=\"collection\">Collected: ").append(Html.esc(Inputs.describe(in.collection()))).append("</p>\n");
        }
        h.append("<p id=\"missing\">Missing: ").append(in.missing().isEmpty() ? "none." : codes(in.missing())
                + " <span class=\"muted\">(the findings say what could not be checked without them)</span>").append("</p>\n");
        if (in.rejected().isEmpty()) {
            h.append("<p id=\"rejected\">Rejected records: none.</p>\n");
        } else {
            h.append("<h3 id=\"rejected\">Rejected records (").append(in.rejected().size()).append(")</h3>\n");
            capped(in.rejected().size(), MAX_REJECTED, "rejected records", null);
            h.append("<div class=\"table-wrap\"><table id=\"rejected-table\"><thead><tr><th>File</th><th>Record</th><th>Why</th></tr></thead><tbody>\n");
            for (Rejection x : in.rejected().subList(0, Math.min(in.rejected().size(), MAX_REJECTED))) {
                h.append("<tr><td><code>").append(Html.esc(x.file())).append("</code></td><td>").append(Html.esc(x.record()))
                        .append("</td><td>").append(Html.esc(x.reason())).append("</td></tr>\n");
            }
            h.append("</tbody></table></div>\n");
        }
        Report.RulesUsed rules = r.rules();
        if (rules != null) {
            h.append("<p>Rules: ").append(Html.esc(rules.source())).append(", fingerprint <code>").append(Html.esc(rules.fingerprint()))
                    .append("</code>, ").append(rules.fired() == null ? 0 : rules.fired().size()).append(" rules fired.</p>\n");
        }
        h.append("</section>\n");
    }
}
