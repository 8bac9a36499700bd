package io.github.mfaeval.report;

import io.github.mfaeval.result.CollectionGap;
import io.github.mfaeval.result.FindingCounts;
import io.github.mfaeval.result.Report;

import java.io.IOException;
import java.io.Writer;

/**
 * The report as one self-contained HTML page: status and schedule first, then charts, the findings (sortable,
 * filterable), users and sign-ins with their "why", and what was read. Nothing is fetched: styles, scripts and
 * charts (SVG) are inline, and a Content-Security-Policy allows only this page's own style and scripts (by hash),
 * so even a value that slipped through escaping could not run or load anything.
 * <p>
 * Every value from the input passes through {@link Html#esc}; the script never builds markup from data.
 */
public final class HtmlRenderer implements Renderer {
    /** Beyond these, the page would get too heavy to open; the CSV and JSON formats carry every row. */
    static final int MAX_SIGN_INS = 2000;
    static final int MAX_USERS = 5000;
    static final int MAX_REJECTED = 500;
    /** Actions shown open at the top; the rest are folded below them. */
    static final int TOP_ACTIONS = 10;
    /** Rows of a long table shown at a time (the script pages through the rest; without it, all are shown). */
    static final int PAGE_SIZE = 100;
    /** Subjects listed under an action; the findings table has them all. */
    static final int ACTION_SUBJECTS = 50;

    private static final String CSS = PageAssets.CSS;
    private static final String ERROR_HOOK = PageAssets.ERROR_HOOK;
    private static final String SCRIPT = PageAssets.SCRIPT;
    private static final String POLICY = PageAssets.POLICY;

    @Override
    public void render(Report report, Writer out) throws IOException {
        out.write(new Page(report).html());
        out.flush();
    }

    /** One rendering: the report plus what the sections share (names, dates, anchors of users). */
    private static final class Page extends HtmlPage {
        Page(Report report) {
            super(report);
        }

        String html() {
            head();
            h.append("<body data-status=\"").append(r.status()).append("\">\n");
            h.append("<div id=\"page-errors\" class=\"page-errors\" role=\"alert\" hidden><strong>Part of this page did not work;"
                    + " the tables below are still complete.</strong><ul></ul></div>\n");
            header();
            h.append("<main>\n");
            new ActionsSection(this).actions();
            new ScheduleSection(this).schedule();
            ChartsSection charts = new ChartsSection(this);
            charts.numbers();
            charts.charts();
            new FindingsSection(this).findings();
            new UsersSection(this).users();
            new SignInsSection(this).signIns();
            if (r.edition() != null && r.armWrites() != null) ArmWritesSection.render(h, r);
            new InputsSection(this).inputs();
            h.append("</main>\n");
            footer();
            h.append("<script>").append(SCRIPT).append("</script>\n</body>\n</html>\n");
            return h.toString();
        }

        private void head() {
            h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                    .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                    .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(POLICY).append("\">\n")
                    .append("<meta name=\"generator\" content=\"mfa-eval\">\n")
                    .append("<title>Mandatory MFA readiness: ").append(Html.esc(r.tenant().displayName())).append(" (")
                    .append(statusLabel(r.status())).append(", ").append(r.asOf()).append(")</title>\n")
                    .append("<style>").append(CSS).append("</style>\n")
                    .append("<script>").append(ERROR_HOOK).append("</script>\n</head>\n");
        }

        private void header() {
            Report.TenantRef t = r.tenant();
            h.append("<header class=\"top status-").append(r.status().name().toLowerCase(java.util.Locale.ROOT)).append("\"><div>\n");
            h.append("<p class=\"eyebrow\">Mandatory MFA for Azure and the admin portals: readiness report</p>\n");
            h.append("<h1 id=\"tenant-name\">").append(Html.esc(t.displayName())).append("</h1>\n");
            h.append("<p class=\"meta\">Tenant <code>").append(Html.esc(t.id())).append("</code> \u00b7 licence ")
                    .append(Html.esc(t.license() == null ? "unknown" : t.license().toUpperCase(java.util.Locale.ROOT)));
            if (t.testTenant()) h.append(" \u00b7 test tenant");
            h.append(" \u00b7 evaluated as of <time datetime=\"").append(r.asOf()).append("\">").append(r.asOf()).append("</time>")
                    .append(ArmWritesSection.edition(r)).append("</p>\n");
            boolean stale = Freshness.stale(r);
            h.append("<p class=\"period").append(stale ? " stale" : "").append("\" id=\"sign-in-period\"><strong>Sign-ins evaluated:</strong> ")
                    .append(Html.esc(Freshness.sentence(r))).append(".</p>\n");
            h.append("<div class=\"verdict\"><span id=\"status\" class=\"status-badge status-").append(r.status()).append("\">")
                    .append(statusLabel(r.status())).append("</span><p>").append(Html.esc(verdictSentence())).append("</p></div>\n");
            String gaps = CollectionGap.notice(r.collectionGaps());
            if (gaps != null) h.append("<p class=\"collection-gaps\" id=\"collection-gaps\" role=\"alert\">").append(Html.esc(gaps)).append("</p>\n");
            h.append("</div>\n<nav class=\"toc\" aria-label=\"Sections\"><a href=\"#actions\">What to do</a><a href=\"#schedule\">Schedule</a><a href=\"#charts\">Charts</a>"
                    + "<a href=\"#findings\">Findings</a><a href=\"#users\">Users</a><a href=\"#sign-ins\">Sign-ins</a>"
                    + "<a href=\"#inputs\">Inputs</a></nav>\n</header>\n");
        }

        private String verdictSentence() {
            FindingCounts counts = r.findingCounts();
            long action = counts.requiringAction();
            String findings = counts.sentence() + ".";
            return switch (r.status()) {
                case READY -> "No finding requires action: every in-scope user and sign-in meets mandatory MFA.";
                case ACTION_REQUIRED -> findings + " " + actionsSentence();
                case INCOMPLETE -> (r.inputs().rejected().isEmpty() ? "" : r.inputs().rejected().size()
                        + " input record(s) could not be read, so this verdict covers only what could. ")
                        + (r.inputs().incompleteEvidence() == null || r.inputs().incompleteEvidence().isEmpty() ? ""
                        : "The sign-in evidence cannot show readiness (" + String.join(", ", r.inputs().incompleteEvidence()) + "). ")
                        + (action > 0 ? findings : "");
            };
        }

        private String actionsSentence() {
            int n = actions.size();
            return n == 1 ? "One action fixes them all: see what to do first, below."
                    : n + " actions fix them all; what to do first is below, most urgent first.";
        }

        private void footer() {
            h.append("<footer><p>Made by mfa-eval (report schema ").append(r.schemaVersion()).append("). Source sections link to Microsoft's article <a href=\"")
                    .append(SourceSection.ARTICLE).append("\" rel=\"noopener noreferrer\" target=\"_blank\">Planning for mandatory multifactor "
                            + "authentication for Azure and other admin portals</a>. This page loads nothing from the network.</p></footer>\n");
        }
    }
}
