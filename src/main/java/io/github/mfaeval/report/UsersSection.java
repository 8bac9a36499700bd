package io.github.mfaeval.report;

import io.github.mfaeval.model.Finding;
import io.github.mfaeval.result.Summary;
import io.github.mfaeval.result.UserVerdict;
import io.github.mfaeval.text.Plural;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static io.github.mfaeval.report.HtmlRenderer.MAX_USERS;
import static io.github.mfaeval.report.HtmlRenderer.PAGE_SIZE;

/**
 * The HTML report's users table, each with its findings and the rules that decided ("why").
 */
final class UsersSection extends HtmlPage {
    UsersSection(HtmlPage page) {
        super(page);
    }

    void users() {
        Summary m = r.summary();
        h.append("<section id=\"users\" aria-labelledby=\"users-h\"><h2 id=\"users-h\">Users <small>").append(m.usersReady())
                .append(" of ").append(m.usersInScope()).append(" in scope ready; ").append(Plural.count(m.users(), "user")).append(" in all</small></h2>\n");
        if (r.users().isEmpty()) {
            h.append("<p class=\"lead\">No users in the exports.</p></section>\n");
            return;
        }
        List<UserVerdict> ordered = new ArrayList<>(r.users());
        ordered.sort(Comparator.comparing(UserVerdict::ready).thenComparing(u -> !u.inScope())
                .thenComparing(u -> String.valueOf(u.userPrincipalName()), String.CASE_INSENSITIVE_ORDER));
        h.append("<div class=\"controls\"><label>Filter<input type=\"search\" data-filter=\"users-table\" placeholder=\"user, finding, rule\u2026\"></label>");
        select("users-table", 2, "Ready", List.of("Ready", "Not ready", "Not in scope"));
        h.append("<output data-count=\"users-table\" aria-live=\"polite\"></output></div>\n");
        capped(ordered.size(), MAX_USERS, "users", CsvRenderer.USERS);
        h.append("<div class=\"table-wrap\"><table id=\"users-table\" class=\"sortable filterable stack\" data-page-size=\"" + PAGE_SIZE + "\"><thead><tr>")
                .append(sortableHeaders("User", "In scope", "Ready", "Covered by", "In-scope sign-ins", "Without MFA", "Findings", "Why"))
                .append("</tr></thead><tbody>\n");
        int row = 0;
        for (UserVerdict u : ordered.subList(0, Math.min(ordered.size(), MAX_USERS))) {
            int start = h.length();
            UserVerdict.SignInCounts n = u.signIns() == null ? new UserVerdict.SignInCounts(0, 0, 0) : u.signIns();
            List<Finding> own = findingsOf.getOrDefault(u.id(), List.of());
            h.append("<tr id=\"").append(userAnchor.get(u.id())).append("\"><td>").append(Html.esc(names.of(u.id())))
                    .append("</td><td>").append(u.inScope() ? "Yes" : "No").append("</td><td>")
                    .append(!u.ready() ? "<span class=\"no\">Not ready</span>"
                            : u.inScope() ? "<span class=\"yes\">Ready</span>" : "<span class=\"muted\">Not in scope</span>")
                    .append("</td><td>").append(u.coveredBy() == null || u.coveredBy().isEmpty() ? "<span class=\"no\">not covered by any policy</span>"
                            : Html.esc(String.join(", ", u.coveredBy())))
                    .append("</td><td class=\"num-cell\">").append(n.inScope()).append("</td><td class=\"num-cell\">").append(n.unsatisfied())
                    .append("</td><td>").append(codes(u.findings())).append("</td><td class=\"why\"><details><summary>")
                    .append(own.size()).append(own.size() == 1 ? " finding, " : " findings, ").append(u.rules().size())
                    .append(u.rules().size() == 1 ? " rule" : " rules").append("</summary>");
            if (!own.isEmpty()) {
                h.append("<ul>");
                for (Finding f : own) {
                    h.append("<li>").append(severity(f.severity())).append(' ').append(code(f.code())).append(' ')
                            .append(Html.esc(f.message())).append(" <span class=\"muted\">(rule <code>").append(Html.esc(f.rule()))
                            .append("</code>, ").append(sectionLink(f.section())).append(")</span></li>");
                }
                h.append("</ul>");
            }
            h.append("<p>Rules that decided: ").append(codes(u.rules())).append("</p></details></td></tr>\n");
            laterIfPast(start, row++);
        }
        h.append("</tbody></table></div>");
        laterRows("users-table", "users", CsvRenderer.USERS);
        pager("users-table");
        h.append("</section>\n");
    }
}
