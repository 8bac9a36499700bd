package io.github.mfaeval.report;

import io.github.mfaeval.model.Finding;
import io.github.mfaeval.model.Severity;
import io.github.mfaeval.result.Actions;
import io.github.mfaeval.result.EnforcementDates;
import io.github.mfaeval.result.Report;
import io.github.mfaeval.result.SignInVerdict;
import io.github.mfaeval.result.SubjectNames;
import io.github.mfaeval.result.UserVerdict;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.github.mfaeval.report.HtmlRenderer.PAGE_SIZE;

/**
 * One rendering of the HTML report: the report plus what its sections share (the markup being written, names,
 * dates, anchors of users, rows held back for the script), and the pieces every section uses. Each section is
 * a class of its own that extends this one, so it reads the shared state by the same names.
 */
class HtmlPage {
    final Report r;
    final StringBuilder h;
    final SubjectNames names;
    final EnforcementDates dates;
    final Map<String, String> userAnchor;
    final Map<String, List<Finding>> findingsOf;
    final List<Actions.Group> actions;
    final List<String> later;

    HtmlPage(Report report) {
        this.r = report;
        this.h = new StringBuilder(64 * 1024);
        this.names = new SubjectNames(report);
        this.dates = new EnforcementDates(report);
        this.userAnchor = new HashMap<>();
        this.findingsOf = new HashMap<>();
        this.later = new ArrayList<>();
        // Anchors are numbered, never built from ids: an id from the input is not a safe fragment.
        for (UserVerdict u : report.users()) userAnchor.put(u.id(), "user-" + (userAnchor.size() + 1));
        for (Finding f : report.findings()) findingsOf.computeIfAbsent(f.subject(), k -> new ArrayList<>()).add(f);
        this.actions = Actions.groups(report);
    }

    /** A section of the same page: it writes into the same markup and shares the rows held back. */
    HtmlPage(HtmlPage page) {
        this.r = page.r;
        this.h = page.h;
        this.names = page.names;
        this.dates = page.dates;
        this.userAnchor = page.userAnchor;
        this.findingsOf = page.findingsOf;
        this.actions = page.actions;
        this.later = page.later;
    }

    void select(String table, int column, String label, Iterable<String> values) {
        h.append("<label>").append(Html.esc(label)).append("<select data-filter=\"").append(table).append("\" data-column=\"")
                .append(column).append("\"><option value=\"\">All</option>");
        for (String v : values) h.append("<option>").append(Html.esc(v)).append("</option>");
        h.append("</select></label>");
    }

    /**
     * A row past a long table's first page leaves the markup for {@link #laterRows}: the browser then parses and
     * lays out one page per table on opening, and a 5,000-user report opens as fast as a 100-user one.
     */
    void laterIfPast(int start, int row) {
        if (row < PAGE_SIZE) return;
        later.add(h.substring(start));
        h.setLength(start);
    }

    /**
     * The rows held back by {@link #laterIfPast}, as a JSON array of the same escaped markup, in a data block
     * the page's script turns into rows when a reader pages, sorts, filters, follows a link or prints. The
     * markup is made here, by the code that made the first page, so both pages look alike; the page's policy
     * still forbids any script in it. Without scripts (a mail preview), the first page and a note are shown.
     */
    void laterRows(String table, String what, String csv) {
        if (later.isEmpty()) return;
        h.append("<script type=\"application/json\" data-rows=\"").append(table).append("\" data-count=\"")
                .append(later.size()).append("\">");
        HtmlJson.writeStrings(later, h);
        h.append("</script>\n<noscript><p class=\"note\">Showing the first ").append(PAGE_SIZE).append(" of ")
                .append(PAGE_SIZE + later.size()).append(' ').append(what).append("; with scripts on, this page shows the rest")
                .append(csv == null ? ", and --format json lists all of them." : "; " + csv + " (--format csv) and --format json list all of them.")
                .append("</p></noscript>\n");
        later.clear();
    }

    /** Buttons the script wires to page through a long table; hidden until the script finds more than one page. */
    void pager(String table) {
        h.append("<div class=\"pager\" data-pager=\"").append(table).append("\" hidden><button type=\"button\" data-step=\"-1\">Previous</button>"
                + "<output></output><button type=\"button\" data-step=\"1\">Next</button></div>\n");
    }

    void capped(int size, int max, String what, String csv) {
        if (size <= max) return;
        h.append("<p class=\"note\">Showing the first ").append(max).append(" of ").append(size).append(' ').append(what)
                .append(" (those that need action first)").append(csv == null ? "; --format json lists all of them."
                        : "; " + csv + " (--format csv) and --format json list all of them.").append("</p>\n");
    }

    /** A user links to their row; a policy shows its name and its id; anything else is shown as it is. */
    String subject(String subject) {
        String anchor = userAnchor.get(subject);
        String name = Html.esc(names.of(subject));
        if (anchor != null) return "<a href=\"#" + anchor + "\">" + name + "</a>";
        if (names.isNamed(subject) && !subject.equals(r.tenant().id())) return name + " <code class=\"id\">" + Html.esc(subject) + "</code>";
        return name;
    }

    Map<Severity, Long> bySeverity() {
        Map<Severity, Long> counts = new EnumMap<>(Severity.class);
        for (Finding f : r.findings()) counts.merge(f.severity(), 1L, Long::sum);
        return counts;
    }

    static String sortableHeaders(String... names) {
        StringBuilder s = new StringBuilder();
        for (String n : names) {
            s.append(n.equals("Why") ? "<th>Why</th>" : "<th><button type=\"button\">" + Html.esc(n) + "</button></th>");
        }
        return s.toString();
    }

    static String severity(Severity s) {
        return "<span class=\"sev sev-" + s + "\">" + s + "</span>";
    }

    static String sectionLink(String section) {
        return "<a href=\"" + Html.esc(SourceSection.url(section)) + "\" rel=\"noopener noreferrer\" target=\"_blank\">"
                + Html.esc(section == null ? "Article" : section) + "</a>";
    }

    static String codesPlain(List<String> codes) {
        return Html.esc(String.join(", ", codes));
    }

    static String codes(List<String> codes) {
        if (codes == null || codes.isEmpty()) return "";
        StringBuilder s = new StringBuilder();
        for (String c : codes) {
            if (!s.isEmpty()) s.append(' ');
            s.append(code(c));
        }
        return s.toString();
    }

    /** A code or rule id; long codes may wrap after their underscores, and nowhere else. */
    static String code(String c) {
        return "<code>" + Html.esc(c).replace("_", "_<wbr>") + "</code>";
    }

    static String scope(SignInVerdict s) {
        if (s.inScope()) return "In scope";
        if (s.scopeReason() == null) return "<span class=\"muted\">Not decided</span>";
        return "<span class=\"muted\">Out: " + switch (s.scopeReason()) {
            case APP_NOT_LISTED -> "application not listed";
            case WORKLOAD_IDENTITY -> "workload identity";
            case LISTED_APP -> "listed application";
            case RESOURCE_NOT_IN_SCOPE -> "resource not in scope";
            case ENFORCED_RESOURCE -> "enforced resource";
        } + "</span>";
    }

    static String applicationOf(SignInVerdict s) {
        return s.application() != null ? s.application() : s.appId() != null ? s.appId() : "unknown application";
    }

    /** Sign-ins that need action first: in scope without MFA, then in scope with MFA, then out of scope. */
    static int signInRank(SignInVerdict s) {
        if (!s.inScope()) return 2;
        return Boolean.TRUE.equals(s.mfaSatisfied()) ? 1 : 0;
    }

    static String statusLabel(Report.Status status) {
        return switch (status) {
            case READY -> "Ready";
            case ACTION_REQUIRED -> "Action required";
            case INCOMPLETE -> "Incomplete";
        };
    }

    static String days(long n) {
        return n + (n == 1 ? " day" : " days");
    }
}
