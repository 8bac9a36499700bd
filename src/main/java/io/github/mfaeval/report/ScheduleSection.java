package io.github.mfaeval.report;

import io.github.mfaeval.result.ScheduleEntry;
import io.github.mfaeval.result.SignInVerdict;

import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The HTML report's enforcement schedule: a headline, then per phase its date, state, source, Azure Policy
 * evidence and the applications seen in the sign-ins.
 */
final class ScheduleSection extends HtmlPage {
    ScheduleSection(HtmlPage page) {
        super(page);
    }

    void schedule() {
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
}
