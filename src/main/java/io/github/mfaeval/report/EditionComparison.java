package io.github.mfaeval.report;

import io.github.mfaeval.result.Report;
import io.github.mfaeval.result.ScheduleEntry;
import io.github.mfaeval.result.SignInVerdict;
import io.github.mfaeval.result.UserVerdict;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.mfaeval.model.Finding;
import io.github.mfaeval.text.SafeText;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What changes for one tenant between two editions of Microsoft's page: the verdicts of the same data under
 * each edition's rules that differ (status, schedule, findings, users' readiness, sign-in verdicts, Phase 2
 * counts). The compliance team's answer to "what does Microsoft's new page change for us".
 */
@JsonPropertyOrder({"tenant", "asOf", "from", "to", "differences"})
public record EditionComparison(String tenant, java.time.LocalDate asOf, String from, String to, List<Difference> differences) {

    /** One verdict that differs: what it is about ({@code status}, {@code schedule}, {@code finding}, {@code user}, {@code signIn}, {@code summary}), whose, and its value under each edition. */
    @JsonPropertyOrder({"kind", "subject", "what", "from", "to"})
    public record Difference(String kind, String subject, String what, String from, String to) {
    }

    /** {@code from} and {@code to} evaluated the same tenant folder on the same date. */
    public static EditionComparison of(Report from, Report to) {
        List<Difference> out = new ArrayList<>();
        add(out, "status", from.tenant().id(), "status", from.status(), to.status());
        Map<Integer, ScheduleEntry> a = new TreeMap<>();
        from.schedule().forEach(s -> a.put(s.phase(), s));
        Map<Integer, ScheduleEntry> b = new TreeMap<>();
        to.schedule().forEach(s -> b.put(s.phase(), s));
        for (Integer p : new TreeSet<>(union(a.keySet(), b.keySet()))) {
            ScheduleEntry x = a.get(p);
            ScheduleEntry y = b.get(p);
            add(out, "schedule", "phase " + p, "start", x == null ? null : x.start(), y == null ? null : y.start());
            add(out, "schedule", "phase " + p, "state", x == null ? null : x.state(), y == null ? null : y.state());
            add(out, "schedule", "phase " + p, "postponed", x == null ? null : x.postponed(), y == null ? null : y.postponed());
        }
        Map<String, Finding> fa = findings(from);
        Map<String, Finding> fb = findings(to);
        for (String key : new TreeSet<>(union(fa.keySet(), fb.keySet()))) {
            Finding x = fa.get(key);
            Finding y = fb.get(key);
            if (x != null && y != null) {
                add(out, "finding", y.subject(), y.code() + " severity", x.severity(), y.severity());
            } else {
                Finding f = x != null ? x : y;
                out.add(new Difference("finding", f.subject(), f.code(),
                        x == null ? "absent" : x.severity() + ": " + x.message(), y == null ? "absent" : y.severity() + ": " + y.message()));
            }
        }
        Map<String, UserVerdict> ua = new LinkedHashMap<>();
        from.users().forEach(u -> ua.put(u.id(), u));
        for (UserVerdict y : to.users()) {
            UserVerdict x = ua.get(y.id());
            String who = y.userPrincipalName() != null ? y.userPrincipalName() : y.id();
            add(out, "user", who, "inScope", x == null ? null : x.inScope(), y.inScope());
            add(out, "user", who, "ready", x == null ? null : x.ready(), y.ready());
        }
        if (from.signIns() != null && to.signIns() != null) {
            Map<String, SignInVerdict> sa = new LinkedHashMap<>();
            from.signIns().forEach(s -> sa.put(s.id(), s));
            for (SignInVerdict y : to.signIns()) {
                SignInVerdict x = sa.get(y.id());
                if (x == null) continue;
                add(out, "signIn", y.id(), "inScope", x.inScope(), y.inScope());
                add(out, "signIn", y.id(), "scopeReason", x.scopeReason(), y.scopeReason());
                add(out, "signIn", y.id(), "mfaSatisfied", x.mfaSatisfied(), y.mfaSatisfied());
                add(out, "signIn", y.id(), "enforcementActive", x.enforcementActive(), y.enforcementActive());
            }
        }
        add(out, "summary", from.tenant().id(), "usersReady", from.summary().usersReady(), to.summary().usersReady());
        add(out, "summary", from.tenant().id(), "armWritesInScope", from.summary().armWritesInScope(), to.summary().armWritesInScope());
        add(out, "summary", from.tenant().id(), "armWritesWithoutMfa", from.summary().armWritesWithoutMfa(), to.summary().armWritesWithoutMfa());
        return new EditionComparison(to.tenant().id(), to.asOf(), from.edition(), to.edition(), out);
    }

    private static <T> java.util.Set<T> union(java.util.Set<T> a, java.util.Set<T> b) {
        java.util.Set<T> u = new java.util.LinkedHashSet<>(a);
        u.addAll(b);
        return u;
    }

    private static Map<String, Finding> findings(Report r) {
        Map<String, Finding> m = new TreeMap<>();
        for (Finding f : r.findings()) m.putIfAbsent(f.code() + "\u0000" + f.subject(), f);
        return m;
    }

    private static void add(List<Difference> out, String kind, String subject, String what, Object from, Object to) {
        if (Objects.equals(from, to)) return;
        out.add(new Difference(kind, subject, what, from == null ? null : from.toString(), to == null ? null : to.toString()));
    }

    /** The differences as text, one per line, grouped by kind. */
    public void renderText(Writer w) throws IOException {
        // every value through the one sanitiser: a UPN or a policy name can carry ESC, CSI, RLO or line breaks
        w.write("Tenant " + SafeText.terminal(tenant) + ", as of " + asOf + ": edition " + SafeText.terminal(from) + " -> edition "
                + SafeText.terminal(to) + "\n");
        if (differences.isEmpty()) {
            w.write("No verdict differs.\n");
            return;
        }
        w.write(differences.size() + " verdict(s) differ:\n");
        String kind = null;
        for (Difference d : differences) {
            if (!d.kind().equals(kind)) {
                kind = d.kind();
                w.write("\n" + kind + ":\n");
            }
            w.write("  " + SafeText.terminal(d.subject()) + "  " + SafeText.terminal(d.what()) + ": " + shown(d.from()) + "  ->  "
                    + shown(d.to()) + "\n");
        }
    }

    private static String shown(String v) {
        if (v == null) return "(none)";
        return SafeText.terminal(v.length() > 140 ? v.substring(0, 137) + "..." : v);
    }
}
