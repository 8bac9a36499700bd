package io.github.mfaeval.report;

import io.github.mfaeval.model.Finding;
import io.github.mfaeval.result.Action;
import io.github.mfaeval.result.Actions;
import io.github.mfaeval.text.Plural;

import static io.github.mfaeval.report.HtmlRenderer.TOP_ACTIONS;
import static io.github.mfaeval.report.HtmlRenderer.ACTION_SUBJECTS;

/**
 * The HTML report's "What to do first" section: the actions, most urgent first, each with the findings it
 * fixes; the top ones open, the rest folded below them.
 */
final class ActionsSection extends HtmlPage {
    ActionsSection(HtmlPage page) {
        super(page);
    }

    /** The actions, most urgent first: what the page is for. The top ones open, the rest one click away. */
    void actions() {
        h.append("<section id=\"actions\" aria-labelledby=\"actions-h\"><h2 id=\"actions-h\">What to do first");
        if (actions.isEmpty()) {
            h.append("</h2>\n<p class=\"lead\">Nothing: no finding requires action").append(r.findings().isEmpty() ? "."
                    : " (the findings below are for information" + (r.acceptedRisks() == null ? "" : " or accepted") + ").").append("</p></section>\n");
            return;
        }
        h.append(" <small>").append(Plural.count(actions.size(), "action")).append(Plural.word(actions.size(), " fixes ", " fix ")).append("every finding")
                .append(" that requires action; most severe, soonest enforced and most users first</small></h2>\n");
        h.append("<ol class=\"actions\" id=\"actions-list\">\n");
        for (int i = 0; i < actions.size(); i++) {
            if (i == TOP_ACTIONS) {
                h.append("</ol>\n<details class=\"more-actions\"><summary>").append(actions.size() - TOP_ACTIONS)
                        .append(" more actions</summary>\n<ol class=\"actions\" start=\"").append(TOP_ACTIONS + 1).append("\">\n");
            }
            action(actions.get(i));
        }
        h.append("</ol>\n");
        if (actions.size() > TOP_ACTIONS) h.append("</details>\n");
        h.append("</section>\n");
    }

    private void action(Actions.Group g) {
        Action a = g.action();
        h.append("<li class=\"action\" id=\"action-").append(a.rank()).append("\"><div class=\"action-head\">").append(severity(a.severity()))
                .append(" <strong class=\"action-title\">").append(Html.esc(a.title())).append("</strong>: fixes ")
                .append(Html.esc(a.fixes()));
        if (a.enforcementDate() != null) {
            h.append(" \u00b7 <span class=\"nowrap\">").append(a.enforced() ? "enforced since " : "enforced from ").append("<time datetime=\"")
                    .append(a.enforcementDate()).append("\">").append(a.enforcementDate()).append("</time></span>");
        }
        h.append("</div>\n<p>").append(Html.esc(a.whatToDo())).append("</p>\n");
        for (String d : a.details()) h.append("<p class=\"detail\">").append(Html.esc(d)).append("</p>\n");
        h.append("<details class=\"action-findings\"><summary>").append(Plural.count(a.findings(), "finding"))
                .append(" (").append(codesPlain(a.codes())).append(")</summary>\n<ul>");
        int shown = 0;
        for (Finding f : g.findings()) {
            if (shown++ == ACTION_SUBJECTS) break;
            h.append("<li>").append(subject(f.subject()));
            if (!names.isUser(f.subject())) h.append(": ").append(Html.esc(f.message()));
            h.append("</li>");
        }
        h.append("</ul>");
        if (g.findings().size() > ACTION_SUBJECTS) {
            h.append("<p class=\"note\">The first ").append(ACTION_SUBJECTS).append(" of ").append(g.findings().size())
                    .append("; the findings table lists all of them (filter on ").append(code(a.codes().get(0)))
                    .append("), and --format csv, xlsx or json export them.</p>");
        }
        h.append("</details></li>\n");
    }
}
