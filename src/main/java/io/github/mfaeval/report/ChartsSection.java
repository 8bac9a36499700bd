package io.github.mfaeval.report;

import io.github.mfaeval.model.Finding;
import io.github.mfaeval.model.Severity;
import io.github.mfaeval.result.SignInVerdict;
import io.github.mfaeval.result.Summary;
import io.github.mfaeval.result.UserVerdict;
import io.github.mfaeval.text.Plural;

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
 * The HTML report's key numbers (tiles) and its charts (inline SVG): in-scope sign-ins by application and
 * outcome, users' readiness by finding.
 */
final class ChartsSection extends HtmlPage {
    private static final String GREEN = "#079455";
    private static final String RED = "#d92d20";
    private static final Map<Severity, String> SEVERITY_COLOR = new EnumMap<>(Map.of(
            Severity.HIGH, "#b42318", Severity.MEDIUM, "#dc6803", Severity.LOW, "#175cd3", Severity.INFO, "#98a2b3"));

    ChartsSection(HtmlPage page) {
        super(page);
    }

    void numbers() {
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

    void charts() {
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
}
