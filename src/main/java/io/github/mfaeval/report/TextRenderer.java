package io.github.mfaeval.report;

import io.github.mfaeval.text.Plural;
import io.github.mfaeval.result.CollectionGap;
import io.github.mfaeval.result.Action;
import io.github.mfaeval.result.Inputs;
import io.github.mfaeval.result.Report;
import io.github.mfaeval.result.ScheduleEntry;
import io.github.mfaeval.result.SignInPeriod;
import io.github.mfaeval.result.Summary;
import io.github.mfaeval.text.SafeText;
import io.github.mfaeval.model.Finding;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A short, aligned summary for a terminal: status, schedule, counts, findings by code, the top actions. */
public final class TextRenderer implements Renderer {
    private static final int TOP = 10;

    @Override
    public void render(Report r, Writer writer) throws IOException {
        PrintWriter out = new PrintWriter(writer);
        out.printf("Tenant   %s (%s)%s%n", t(r.tenant().displayName()), t(r.tenant().id()), r.tenant().testTenant() ? " [test tenant]" : "");
        out.printf("As of    %s%n", r.asOf());
        if (EditionWords.edition(r) != null) out.printf("Edition  %s%n", EditionWords.edition(r));
        out.printf("Sign-ins %s%n", t(Freshness.sentence(r)));
        out.printf("Status   %s%n", r.status());
        String gaps = CollectionGap.notice(r.collectionGaps());
        if (gaps != null) out.printf("Collect  %s%n", t(gaps));
        out.printf("Findings %s%n%n", r.findingCounts().sentence());
        out.println("Schedule");
        for (ScheduleEntry s : r.schedule()) {
            out.printf("  Phase %d  %s  %-8s%s  source %s%n", s.phase(), s.start(), s.state(),
                    (s.postponed() ? "  postponed" : "") + (s.state() == ScheduleEntry.State.UPCOMING ? "  in " + s.daysUntilStart() + " days" : "")
                            + (s.state() == ScheduleEntry.State.SELF_ENFORCED ? "  " + s.stateShown() : ""), t(s.sourceShown()));
            if (s.policy() != null) for (String p : s.policy()) out.printf("           Azure Policy %s%n", t(p));
        }
        Summary m = r.summary();
        out.println();
        out.println("Sign-ins");
        out.printf("  read %d = evaluated %d + rejected %d + duplicate %d%n", m.signInsRead(), m.signInsEvaluated(), m.signInsRejected(), m.signInsDuplicate());
        out.printf("  in scope %d: MFA satisfied %d, not satisfied %d%n", m.signInsInScope(), m.signInsSatisfied(), m.signInsNotSatisfied());
        SignInPeriod period = r.inputs().signInPeriod();
        if (period == null) {
            out.println("  period: none (no sign-in read)");
        } else {
            out.printf("  period %s to %s%n", period.first(), period.last());
            period.kinds().forEach((kind, k) -> out.printf("    %-16s %6d  %s to %s%n", kind, k.count(), k.first(), k.last()));
        }
        if (EditionWords.armWrites(r) != null) out.printf("Phase 2 writes  %s%n", EditionWords.armWrites(r));
        out.printf("Users    %d in scope, %d ready (of %s)%n", m.usersInScope(), m.usersReady(), Plural.count(m.users(), "user"));
        if (!r.inputs().missing().isEmpty()) {
            out.printf("Missing  %s%n", t(String.join(", ", r.inputs().missing())));
        }
        if (!r.inputs().rejected().isEmpty()) {
            out.printf("Rejected %d input problem(s), first: %s%n", r.inputs().rejected().size(), t(r.inputs().rejected().get(0)));
        }
        if (r.inputs().incompleteEvidence() != null && !r.inputs().incompleteEvidence().isEmpty()) {
            out.printf("Evidence incomplete: %s%n", t(String.join(", ", r.inputs().incompleteEvidence())));
        }
        if (r.inputs().warnings() != null) {
            for (String w : r.inputs().warnings()) out.printf("Warning  %s%n", t(w));
        }
        if (r.inputs().collection() != null) out.printf("Collected %s%n", t(Inputs.describe(r.inputs().collection())));
        out.println();
        Map<String, Long> byCode = new LinkedHashMap<>();
        for (Finding f : r.findings()) byCode.merge(f.severity() + " " + t(f.code()) + (f.accepted() == null ? "" : " (accepted)"), 1L, Long::sum);
        if (byCode.isEmpty()) {
            out.println("No findings.");
        } else {
            out.println("Findings");
            byCode.forEach((k, v) -> out.printf("  %-46s %5d%n", k, v));
            out.println();
            if (r.acceptedRisks() != null) {
                out.printf("Accepted risks: %d finding(s) accepted; entries %s%n%n", r.findings().stream().filter(f -> f.accepted() != null).count(),
                        r.acceptedRisks().stream().map(a -> a.entry() + " " + a.state()).toList());
            }
            List<Action> actions = r.actions();
            if (!actions.isEmpty()) {
                out.println("What to do first");
                for (Action a : actions.subList(0, Math.min(TOP, actions.size()))) {
                    out.printf("  %2d. [%s] %s: fixes %s%s%n      %s%n", a.rank(), a.severity(), t(a.title()), a.fixes(),
                            a.enforcementDate() == null ? "" : (a.enforced() ? ", enforced since " : ", enforced from ") + a.enforcementDate(),
                            t(String.join(" ", a.codes())));
                }
                if (actions.size() > TOP) out.printf("  … and %d more actions: use --format html, markdown, xlsx or json for all of them.%n", actions.size() - TOP);
            }
        }
        out.flush();
    }

    /**
     * A value from the input as plain text for a terminal (see {@link SafeText#terminal}): control and bidi
     * characters are shown as '?' instead of being obeyed.
     */
    static String t(Object value) {
        return SafeText.terminal(value);
    }
}
