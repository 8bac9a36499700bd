package io.github.mfaeval.report;

import io.github.mfaeval.result.SignInVerdict;
import io.github.mfaeval.result.Summary;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static io.github.mfaeval.report.HtmlRenderer.MAX_SIGN_INS;
import static io.github.mfaeval.report.HtmlRenderer.PAGE_SIZE;

/**
 * The HTML report's sign-ins table, those that need action first, each with the rules that decided.
 */
final class SignInsSection extends HtmlPage {
    SignInsSection(HtmlPage page) {
        super(page);
    }

    void signIns() {
        Summary m = r.summary();
        h.append("<section id=\"sign-ins\" aria-labelledby=\"sign-ins-h\"><h2 id=\"sign-ins-h\">Sign-ins <small>")
                .append(m.signInsInScope()).append(" in scope of ").append(m.signInsEvaluated()).append(" evaluated; ")
                .append(m.signInsNotSatisfied()).append(" without MFA</small></h2>\n");
        if (r.signIns().isEmpty()) {
            h.append("<p class=\"lead\">No sign-ins in the exports.</p></section>\n");
            return;
        }
        List<SignInVerdict> ordered = new ArrayList<>(r.signIns());
        ordered.sort(Comparator.comparingInt(HtmlPage::signInRank)
                .thenComparing(SignInVerdict::createdDateTime, Comparator.nullsLast(Comparator.reverseOrder())));
        h.append("<div class=\"controls\"><label>Filter<input type=\"search\" data-filter=\"sign-ins-table\" placeholder=\"user, application, rule\u2026\"></label>");
        select("sign-ins-table", 5, "MFA", List.of("Satisfied", "Not satisfied", "Not required"));
        h.append("<output data-count=\"sign-ins-table\" aria-live=\"polite\"></output></div>\n");
        capped(ordered.size(), MAX_SIGN_INS, "sign-ins", CsvRenderer.SIGN_INS);
        h.append("<div class=\"table-wrap\"><table id=\"sign-ins-table\" class=\"sortable filterable stack\" data-page-size=\"" + PAGE_SIZE + "\"><thead><tr>")
                .append(sortableHeaders("Time (UTC)", "User", "Application", "Phase", "Scope", "MFA", "Satisfied by", "Enforced", "Why"))
                .append("</tr></thead><tbody>\n");
        int row = 0;
        for (SignInVerdict s : ordered.subList(0, Math.min(ordered.size(), MAX_SIGN_INS))) {
            int start = h.length();
            String user = s.userPrincipalName() != null ? s.userPrincipalName() : s.userId();
            String anchor = userAnchor.get(s.userId() != null && !s.userId().isEmpty() ? s.userId()
                    : s.userPrincipalName() == null ? "" : s.userPrincipalName().toLowerCase(java.util.Locale.ROOT));
            h.append("<tr><td class=\"nowrap\" data-sort=\"").append(Html.esc(s.createdDateTime())).append("\">")
                    .append(Html.esc(s.createdDateTime() == null ? "" : s.createdDateTime().toString().replace('T', ' ').replace("Z", "")))
                    .append("</td><td>").append(anchor == null ? Html.esc(user) : "<a href=\"#" + anchor + "\">" + Html.esc(user) + "</a>")
                    .append("</td><td>").append(Html.esc(s.application() != null ? s.application() : s.appId())).append("</td><td>")
                    .append(s.phase() == null ? "" : s.phase()).append("</td><td>").append(scope(s)).append("</td><td>")
                    .append(!s.inScope() ? "<span class=\"muted\">Not required</span>"
                            : Boolean.TRUE.equals(s.mfaSatisfied()) ? "<span class=\"yes\">Satisfied</span>" : "<span class=\"no\">Not satisfied</span>")
                    .append("</td><td>").append(Html.esc(s.satisfiedBy())).append("</td><td>")
                    .append(s.enforcementActive() == null ? "" : s.enforcementActive() ? "Yes" : "No")
                    .append("</td><td class=\"why\"><details><summary>").append(s.rules().size()).append(s.rules().size() == 1 ? " rule" : " rules")
                    .append("</summary><p>Rules that decided: ").append(codes(s.rules())).append("</p><p>Record: ")
                    .append(Html.esc(s.source())).append("</p><p>Sign-in <code>").append(Html.esc(s.id())).append("</code>, app <code>")
                    .append(Html.esc(s.appId())).append("</code></p></details></td></tr>\n");
            laterIfPast(start, row++);
        }
        h.append("</tbody></table></div>");
        laterRows("sign-ins-table", "sign-ins", CsvRenderer.SIGN_INS);
        pager("sign-ins-table");
        h.append("</section>\n");
    }
}
