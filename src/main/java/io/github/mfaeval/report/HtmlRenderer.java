package io.github.mfaeval.report;

import io.github.mfaeval.result.ActionPlan;
import io.github.mfaeval.result.Action;
import io.github.mfaeval.result.Actions;
import io.github.mfaeval.result.EnforcementDates;
import io.github.mfaeval.result.Inputs;
import io.github.mfaeval.result.Report;
import io.github.mfaeval.result.ScheduleEntry;
import io.github.mfaeval.result.SignInPeriod;
import io.github.mfaeval.result.SignInVerdict;
import io.github.mfaeval.result.SubjectNames;
import io.github.mfaeval.result.Summary;
import io.github.mfaeval.result.FindingCounts;
import io.github.mfaeval.text.Plural;
import io.github.mfaeval.result.CollectionGap;
import io.github.mfaeval.result.UserVerdict;
import io.github.mfaeval.result.Rejection;
import io.github.mfaeval.model.Finding;
import io.github.mfaeval.model.Severity;

import java.io.IOException;
import java.io.Writer;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

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

    private static final String GREEN = "#079455";
    private static final String RED = "#d92d20";
    private static final Map<Severity, String> SEVERITY_COLOR = new EnumMap<>(Map.of(
            Severity.HIGH, "#b42318", Severity.MEDIUM, "#dc6803", Severity.LOW, "#175cd3", Severity.INFO, "#98a2b3"));

    @Override
    public void render(Report report, Writer out) throws IOException {
        out.write(new Page(report).html());
        out.flush();
    }

    /** One rendering: the report plus what the sections share (names, dates, anchors of users). */
    private static final class Page {
        private final Report r;
        private final StringBuilder h = new StringBuilder(64 * 1024);
        private final SubjectNames names;
        private final EnforcementDates dates;
        private final Map<String, String> userAnchor = new HashMap<>();
        private final Map<String, List<Finding>> findingsOf = new HashMap<>();
        private final List<Actions.Group> actions;
        private final List<String> later = new ArrayList<>();

        Page(Report report) {
            this.r = report;
            this.names = new SubjectNames(report);
            this.dates = new EnforcementDates(report);
            // Anchors are numbered, never built from ids: an id from the input is not a safe fragment.
            for (UserVerdict u : report.users()) userAnchor.put(u.id(), "user-" + (userAnchor.size() + 1));
            for (Finding f : report.findings()) findingsOf.computeIfAbsent(f.subject(), k -> new ArrayList<>()).add(f);
            this.actions = Actions.groups(report);
        }

        String html() {
            head();
            h.append("<body data-status=\"").append(r.status()).append("\">\n");
            h.append("<div id=\"page-errors\" class=\"page-errors\" role=\"alert\" hidden><strong>Part of this page did not work;"
                    + " the tables below are still complete.</strong><ul></ul></div>\n");
            header();
            h.append("<main>\n");
            actions();
            schedule();
            numbers();
            charts();
            findings();
            users();
            signIns();
            if (r.edition() != null && r.armWrites() != null) ArmWritesSection.render(h, r);
            inputs();
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

        /** The actions, most urgent first: what the page is for. The top ones open, the rest one click away. */
        private void actions() {
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

        private void schedule() {
            h.append("<section id=\"schedule\" aria-labelledby=\"schedule-h\"><h2 id=\"schedule-h\">Enforcement schedule</h2>\n");
            h.append("<p class=\"lead\" id=\"schedule-headline\">").append(Html.esc(scheduleHeadline())).append("</p>\n");
            if (r.schedule().isEmpty()) {
                h.append("</section>\n");
                return;
            }
            Map<Integer, TreeSet<String>> appsOfPhase = new HashMap<>();
            for (SignInVerdict s : r.signIns()) {
                if (s.inScope() && s.phase() != null) {
                    appsOfPhase.computeIfAbsent(s.phase(), k -> new TreeSet<>()).add(applicationOf(s));
                }
            }
            h.append("<div class=\"table-wrap\"><table id=\"schedule-table\" class=\"stack\"><thead><tr><th>Phase</th><th>Enforced from</th><th>State</th>"
                    + "<th>Postponed</th><th>Source</th><th>Azure Policy</th><th>Applications in the sign-ins</th><th>Rules</th></tr></thead><tbody>\n");
            for (ScheduleEntry s : r.schedule()) {
                h.append("<tr><td class=\"nowrap\">Phase ").append(s.phase()).append("</td><td class=\"nowrap\"><time datetime=\"")
                        .append(s.start()).append("\">").append(s.start()).append("</time></td><td><span class=\"state state-")
                        .append(s.state()).append("\">").append(stateLabel(s))
                        .append("</span> ").append(Html.esc(stateDetail(s))).append("</td><td>")
                        .append(s.postponed() ? "Yes, to " + s.start() : "No").append("</td><td class=\"source\">")
                        .append(Html.esc(s.sourceShown())).append("</td><td>")
                        .append(Html.esc(s.policy() == null || s.policy().isEmpty() ? "none" : String.join("; ", s.policy()))).append("</td><td>")
                        .append(Html.esc(String.join(", ", appsOfPhase.getOrDefault(s.phase(), new TreeSet<>(List.of("none seen"))))))
                        .append("</td><td>").append(codes(s.rules())).append("</td></tr>\n");
            }
            h.append("</tbody></table></div></section>\n");
        }

        private static String stateLabel(ScheduleEntry s) {
            return switch (s.state()) {
                case ENFORCED -> "Enforced";
                case UPCOMING -> "Upcoming";
                case NOT_ENFORCED -> "Not enforced";
                case SELF_ENFORCED -> "Self-enforced";
            };
        }

        private String stateDetail(ScheduleEntry s) {
            if (s.state() == ScheduleEntry.State.UPCOMING) return "in " + days(s.daysUntilStart());
            if (s.state() == ScheduleEntry.State.NOT_ENFORCED) return "";
            if (s.state() == ScheduleEntry.State.SELF_ENFORCED) {
                return (s.selfEnforcedSince() == null ? "" : "since " + s.selfEnforcedSince() + "; ") + "Microsoft's start in " + days(s.daysUntilStart());
            }
            long since = ChronoUnit.DAYS.between(s.start(), r.asOf());
            return since == 0 ? "from today" : "for " + days(since);
        }

        private String scheduleHeadline() {
            if (r.schedule().isEmpty()) return "No enforcement schedule could be worked out for this tenant.";
            String postponed = r.schedule().stream().anyMatch(ScheduleEntry::postponed)
                    ? " Enforcement was postponed for this tenant." : " Enforcement was not postponed.";
            ScheduleEntry next = r.schedule().stream().filter(s -> s.state() == ScheduleEntry.State.UPCOMING)
                    .min(Comparator.comparing(ScheduleEntry::start)).orElse(null);
            if (next != null) {
                return "Phase " + next.phase() + " is enforced from " + next.start() + ": in " + days(next.daysUntilStart()) + "." + postponed;
            }
            List<String> since = r.schedule().stream().map(s -> "phase " + s.phase() + " since " + s.start()).toList();
            return "Mandatory MFA is enforced for this tenant: " + String.join(", ", since) + "." + postponed;
        }

        private void numbers() {
            Summary m = r.summary();
            long action = r.findingCounts().requiringAction();
            h.append("<section class=\"tiles\" aria-label=\"Key numbers\">\n");
            tile(m.signInsNotSatisfied() > 0, m.signInsNotSatisfied(), "of " + m.signInsInScope() + " in-scope sign-ins without MFA");
            tile(m.usersReady() < m.usersInScope(), m.usersReady(), "of " + m.usersInScope() + " in-scope users ready");
            tile(action > 0, action, "of " + Plural.count(r.findingCounts().total(), "finding") + " " + Plural.word(action, "requires", "require") + " action");
            tile(!r.inputs().rejected().isEmpty(), r.inputs().rejected().size(), "input records rejected");
            h.append("</section>\n");
        }

        private void tile(boolean bad, long number, String text) {
            h.append("<div class=\"tile ").append(bad ? "bad" : "good").append("\"><span class=\"num\">").append(number)
                    .append("</span><span class=\"of\">").append(Html.esc(text)).append("</span></div>\n");
        }

        private void charts() {
            h.append("<section id=\"charts\" aria-labelledby=\"charts-h\"><h2 id=\"charts-h\">At a glance</h2><div class=\"charts\">\n");
            h.append("<div><h3>In-scope sign-ins by application and outcome</h3>\n");
            Map<String, long[]> byApp = new TreeMap<>();
            for (SignInVerdict s : r.signIns()) {
                if (!s.inScope()) continue;
                long[] n = byApp.computeIfAbsent(applicationOf(s) + (s.phase() == null ? "" : " (phase " + s.phase() + ")"), k -> new long[2]);
                n[Boolean.TRUE.equals(s.mfaSatisfied()) ? 0 : 1]++;
            }
            if (byApp.isEmpty()) {
                h.append("<p class=\"note\">No sign-in in the exports is in scope of mandatory MFA.</p>\n");
            } else {
                List<SvgBarChart.Bar> bars = new ArrayList<>();
                byApp.forEach((app, n) -> bars.add(new SvgBarChart.Bar(app, List.of(
                        new SvgBarChart.Segment("without MFA", n[1], RED), new SvgBarChart.Segment("with MFA", n[0], GREEN)))));
                h.append(SvgBarChart.render("chart-sign-ins", "In-scope sign-ins by application and outcome",
                        "For each application in scope, how many sign-ins met the MFA requirement and how many did not.",
                        List.of(new SvgBarChart.Segment("without MFA", 0, RED), new SvgBarChart.Segment("with MFA", 0, GREEN)), bars));
            }
            h.append("</div>\n<div><h3>Users' readiness by finding</h3>\n");
            Summary m = r.summary();
            Map<String, Long> usersWith = new LinkedHashMap<>();
            Map<String, Severity> severityOf = new HashMap<>();
            for (Finding f : r.findings()) severityOf.merge(f.code(), f.severity(), (a, b) -> a.compareTo(b) <= 0 ? a : b);
            for (UserVerdict u : r.users()) {
                for (String code : new TreeSet<>(u.findings())) usersWith.merge(code, 1L, Long::sum);
            }
            List<SvgBarChart.Bar> bars = new ArrayList<>();
            bars.add(new SvgBarChart.Bar("Ready (in scope)", List.of(new SvgBarChart.Segment("users ready", m.usersReady(), GREEN),
                    new SvgBarChart.Segment("not ready", m.usersInScope() - m.usersReady(), RED))));
            usersWith.entrySet().stream()
                    .sorted(Comparator.<Map.Entry<String, Long>, Severity>comparing(e -> severityOf.getOrDefault(e.getKey(), Severity.INFO))
                            .thenComparing(Map.Entry.<String, Long>comparingByValue().reversed()).thenComparing(Map.Entry::getKey))
                    .forEach(e -> {
                        Severity sev = severityOf.getOrDefault(e.getKey(), Severity.INFO);
                        bars.add(new SvgBarChart.Bar(e.getKey() + " (" + sev + ")",
                                List.of(new SvgBarChart.Segment("users", e.getValue(), SEVERITY_COLOR.get(sev)))));
                    });
            h.append(SvgBarChart.render("chart-users", "Users' readiness by finding",
                    "How many in-scope users are ready, and how many users each finding applies to.",
                    List.of(new SvgBarChart.Segment("ready", 0, GREEN), new SvgBarChart.Segment("not ready", 0, RED),
                            new SvgBarChart.Segment("high", 0, SEVERITY_COLOR.get(Severity.HIGH)),
                            new SvgBarChart.Segment("medium", 0, SEVERITY_COLOR.get(Severity.MEDIUM)),
                            new SvgBarChart.Segment("low", 0, SEVERITY_COLOR.get(Severity.LOW)),
                            new SvgBarChart.Segment("info", 0, SEVERITY_COLOR.get(Severity.INFO))), bars));
            h.append("</div>\n</div></section>\n");
        }

        private void findings() {
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

        private void users() {
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

        private void signIns() {
            Summary m = r.summary();
            h.append("<section id=\"sign-ins\" aria-labelledby=\"sign-ins-h\"><h2 id=\"sign-ins-h\">Sign-ins <small>")
                    .append(m.signInsInScope()).append(" in scope of ").append(m.signInsEvaluated()).append(" evaluated; ")
                    .append(m.signInsNotSatisfied()).append(" without MFA</small></h2>\n");
            if (r.signIns().isEmpty()) {
                h.append("<p class=\"lead\">No sign-ins in the exports.</p></section>\n");
                return;
            }
            List<SignInVerdict> ordered = new ArrayList<>(r.signIns());
            ordered.sort(Comparator.comparingInt(HtmlRenderer::signInRank)
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

        private void inputs() {
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

        private void footer() {
            h.append("<footer><p>Made by mfa-eval (report schema ").append(r.schemaVersion()).append("). Source sections link to Microsoft's article <a href=\"")
                    .append(SourceSection.ARTICLE).append("\" rel=\"noopener noreferrer\" target=\"_blank\">Planning for mandatory multifactor "
                            + "authentication for Azure and other admin portals</a>. This page loads nothing from the network.</p></footer>\n");
        }

        // pieces

        private void select(String table, int column, String label, Iterable<String> values) {
            h.append("<label>").append(Html.esc(label)).append("<select data-filter=\"").append(table).append("\" data-column=\"")
                    .append(column).append("\"><option value=\"\">All</option>");
            for (String v : values) h.append("<option>").append(Html.esc(v)).append("</option>");
            h.append("</select></label>");
        }

        /**
         * A row past a long table's first page leaves the markup for {@link #laterRows}: the browser then parses and
         * lays out one page per table on opening, and a 5,000-user report opens as fast as a 100-user one.
         */
        private void laterIfPast(int start, int row) {
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
        private void laterRows(String table, String what, String csv) {
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
        private void pager(String table) {
            h.append("<div class=\"pager\" data-pager=\"").append(table).append("\" hidden><button type=\"button\" data-step=\"-1\">Previous</button>"
                    + "<output></output><button type=\"button\" data-step=\"1\">Next</button></div>\n");
        }

        private void capped(int size, int max, String what, String csv) {
            if (size <= max) return;
            h.append("<p class=\"note\">Showing the first ").append(max).append(" of ").append(size).append(' ').append(what)
                    .append(" (those that need action first)").append(csv == null ? "; --format json lists all of them."
                            : "; " + csv + " (--format csv) and --format json list all of them.").append("</p>\n");
        }

        /** A user links to their row; a policy shows its name and its id; anything else is shown as it is. */
        private String subject(String subject) {
            String anchor = userAnchor.get(subject);
            String name = Html.esc(names.of(subject));
            if (anchor != null) return "<a href=\"#" + anchor + "\">" + name + "</a>";
            if (names.isNamed(subject) && !subject.equals(r.tenant().id())) return name + " <code class=\"id\">" + Html.esc(subject) + "</code>";
            return name;
        }

        private Map<Severity, Long> bySeverity() {
            Map<Severity, Long> counts = new EnumMap<>(Severity.class);
            for (Finding f : r.findings()) counts.merge(f.severity(), 1L, Long::sum);
            return counts;
        }
    }

    private static String sortableHeaders(String... names) {
        StringBuilder s = new StringBuilder();
        for (String n : names) {
            s.append(n.equals("Why") ? "<th>Why</th>" : "<th><button type=\"button\">" + Html.esc(n) + "</button></th>");
        }
        return s.toString();
    }

    private static String severity(Severity s) {
        return "<span class=\"sev sev-" + s + "\">" + s + "</span>";
    }

    private static String sectionLink(String section) {
        return "<a href=\"" + Html.esc(SourceSection.url(section)) + "\" rel=\"noopener noreferrer\" target=\"_blank\">"
                + Html.esc(section == null ? "Article" : section) + "</a>";
    }

    private static String codesPlain(List<String> codes) {
        return Html.esc(String.join(", ", codes));
    }

    private static String codes(List<String> codes) {
        if (codes == null || codes.isEmpty()) return "";
        StringBuilder s = new StringBuilder();
        for (String c : codes) {
            if (!s.isEmpty()) s.append(' ');
            s.append(code(c));
        }
        return s.toString();
    }

    /** A code or rule id; long codes may wrap after their underscores, and nowhere else. */
    private static String code(String c) {
        return "<code>" + Html.esc(c).replace("_", "_<wbr>") + "</code>";
    }

    private static String scope(SignInVerdict s) {
        if (s.inScope()) return "In scope";
        if (s.scopeReason() == null) return "<span class=\"muted\">Not decided</span>";
        return "<span class=\"muted\">Out: " + switch (s.scopeReason()) {
            case APP_NOT_LISTED -> "application not listed";
            case WORKLOAD_IDENTITY -> "workload identity";
            case LISTED_APP -> "listed application";
            case RESOURCE_NOT_IN_SCOPE -> "resource not in scope";
        } + "</span>";
    }

    private static String applicationOf(SignInVerdict s) {
        return s.application() != null ? s.application() : s.appId() != null ? s.appId() : "unknown application";
    }

    /** Sign-ins that need action first: in scope without MFA, then in scope with MFA, then out of scope. */
    private static int signInRank(SignInVerdict s) {
        if (!s.inScope()) return 2;
        return Boolean.TRUE.equals(s.mfaSatisfied()) ? 1 : 0;
    }

    private static String statusLabel(Report.Status status) {
        return switch (status) {
            case READY -> "Ready";
            case ACTION_REQUIRED -> "Action required";
            case INCOMPLETE -> "Incomplete";
        };
    }

    private static String days(long n) {
        return n + (n == 1 ? " day" : " days");
    }
}
