package io.github.mfaeval.report;

import io.github.mfaeval.model.Finding;
import io.github.mfaeval.model.Severity;
import io.github.mfaeval.result.ActionPlan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

import static io.github.mfaeval.report.HtmlRenderer.PAGE_SIZE;

/**
 * The HTML report's findings table: sortable, filterable and paged, most severe and soonest enforced first.
 */
final class FindingsSection extends HtmlPage {
    FindingsSection(HtmlPage page) {
        super(page);
    }

    void findings() {
        List<Finding> ordered = new ArrayList<>(r.findings());
        ordered.sort(ActionPlan.order(dates, names));
        h.append("<section id=\"findings\" aria-labelledby=\"findings-h\"><h2 id=\"findings-h\">Findings <small>")
                .append(r.findings().size()).append(" in all; most severe and soonest enforced first</small></h2>\n");
        if (ordered.isEmpty()) {
            h.append("<p class=\"lead\">No findings.</p></section>\n");
            return;
        }
        h.append("<div class=\"controls\"><label>Filter<input type=\"search\" id=\"findings-filter\" data-filter=\"findings-table\""
                + " placeholder=\"user, code, rule, words of the advice\u2026\"></label>");
        select("findings-table", 0, "Severity", ordered.stream().map(f -> f.severity().name()).distinct().sorted(
                Comparator.comparing(Severity::valueOf)).toList());
        select("findings-table", 4, "Source section", new TreeSet<>(ordered.stream().map(f -> String.valueOf(f.section())).toList()));
        h.append("<output data-count=\"findings-table\" aria-live=\"polite\"></output></div>\n");
        h.append("<div class=\"table-wrap\"><table id=\"findings-table\" class=\"sortable filterable stack\" data-page-size=\"" + PAGE_SIZE + "\"><thead><tr>")
                .append(sortableHeaders("Severity", "Finding", "Subject", "What to do", "Source section", "Rule", "Enforced from"))
                .append("</tr></thead><tbody>\n");
        int row = 0;
        for (Finding f : ordered) {
            int start = h.length();
            h.append("<tr data-severity=\"").append(f.severity()).append("\"><td data-sort=\"").append(f.severity().ordinal())
                    .append("\">").append(severity(f.severity())).append("</td><td>").append(code(f.code()))
                    .append("</td><td>").append(subject(f.subject())).append("</td><td>").append(Html.esc(f.message()))
                    .append("</td><td>").append(sectionLink(f.section())).append("</td><td><code>").append(Html.esc(f.rule()))
                    .append("</code></td><td class=\"nowrap\">").append(Html.esc(dates.of(f))).append("</td></tr>\n");
            laterIfPast(start, row++);
        }
        h.append("</tbody></table></div>");
        laterRows("findings-table", "findings", null);
        pager("findings-table");
        h.append("</section>\n");
    }
}
