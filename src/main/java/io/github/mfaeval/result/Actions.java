package io.github.mfaeval.result;

import io.github.mfaeval.model.Finding;
import io.github.mfaeval.model.Severity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Rolls a report's findings up into the few actions that fix them: one per remediation of the
 * {@link ActionCatalogue}, ranked by severity (the most severe finding of the group), then enforcement date
 * (the nearest; unknown last), then users fixed (most first). Only findings that count against the status
 * (requiring action, not accepted) are rolled up: informational and accepted ones need nothing done.
 */
public final class Actions {
    static final int MAX_DETAILS = 10;

    private Actions() {
    }

    public static List<Action> of(Report report) {
        return of(report, catalogueOf(report));
    }

    /** The actions of the report, and for each its findings (same order): what the renderers list per action. */
    public static List<Group> groups(Report report) {
        return groups(report, catalogueOf(report));
    }

    /** The catalogue of the rules that made the report; the packaged rules' for a report read back. */
    static ActionCatalogue catalogueOf(Report report) {
        ActionCatalogue c = report.rules() == null ? null : report.rules().actions();
        return c != null ? c : ActionCatalogue.packaged();
    }

    /** An action and the findings it fixes, most severe and soonest first. */
    public record Group(Action action, List<Finding> findings) {
    }

    static List<Action> of(Report report, ActionCatalogue catalogue) {
        return groups(report, catalogue).stream().map(Group::action).toList();
    }

    static List<Group> groups(Report report, ActionCatalogue catalogue) {
        EnforcementDates dates = new EnforcementDates(report);
        SubjectNames names = new SubjectNames(report);
        Set<String> policyIds = new HashSet<>();
        if (report.inputs() != null && report.inputs().policies() != null) report.inputs().policies().forEach(p -> policyIds.add(p.id()));
        Map<String, List<Finding>> byAction = new LinkedHashMap<>();
        Map<String, ActionCatalogue.Entry> entries = new LinkedHashMap<>();
        for (Finding f : report.findings()) {
            if (!FindingCounts.requiresAction(f)) continue;
            ActionCatalogue.Entry e = catalogue.of(f.code(), f.message());
            entries.putIfAbsent(e.id(), e);
            byAction.computeIfAbsent(e.id(), k -> new ArrayList<>()).add(f);
        }
        List<Group> unranked = new ArrayList<>();
        for (Map.Entry<String, List<Finding>> g : byAction.entrySet()) {
            ActionCatalogue.Entry e = entries.get(g.getKey());
            List<Finding> fs = new ArrayList<>(g.getValue());
            fs.sort(ActionPlan.order(dates, names));
            Severity severity = fs.get(0).severity();
            LocalDate date = null;
            Set<String> subjects = new HashSet<>();
            Set<String> users = new HashSet<>();
            Set<String> codes = new TreeSet<>();
            Set<String> details = new LinkedHashSet<>();
            Set<String> policies = new HashSet<>();
            boolean tenant = false;
            for (Finding f : fs) {
                LocalDate d = dates.of(f);
                if (d != null && (date == null || d.isBefore(date))) date = d;
                subjects.add(f.subject());
                if (names.isUser(f.subject())) users.add(f.subject());
                else if (f.subject() != null && f.subject().equals(report.tenant().id())) tenant = true;
                else if (policyIds.contains(f.subject())) policies.add(f.subject());
                if (!names.isUser(f.subject()) && details.size() < MAX_DETAILS) details.add(f.message());
                codes.add(f.code());
            }
            // The codes in the catalogue's order, so an action reads the same in every report.
            List<String> ordered = new ArrayList<>(e.codes().stream().filter(codes::contains).toList());
            codes.stream().filter(c -> !ordered.contains(c)).forEach(ordered::add);
            unranked.add(new Group(new Action(0, e.id(), e.title(), e.whatToDo(), severity, date, dates.enforced(date),
                    List.copyOf(ordered), fs.size(), users.size(), subjects.size(),
                    fixes(users.size(), policies.size(), tenant, subjects.size() - users.size() - policies.size() - (tenant ? 1 : 0)),
                    List.copyOf(details)), List.copyOf(fs)));
        }
        unranked.sort(Comparator.comparing((Group g) -> g.action().severity())
                .thenComparing(g -> g.action().enforcementDate(), Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(g -> -g.action().users())
                .thenComparing(g -> -g.action().findings())
                .thenComparing(g -> g.action().id()));
        List<Group> ranked = new ArrayList<>(unranked.size());
        for (Group g : unranked) {
            Action a = g.action();
            ranked.add(new Group(new Action(ranked.size() + 1, a.id(), a.title(), a.whatToDo(), a.severity(), a.enforcementDate(),
                    a.enforced(), a.codes(), a.findings(), a.users(), a.subjects(), a.fixes(), a.details()), g.findings()));
        }
        return ranked;
    }

    /** Who an action fixes, in words: "412 users and the tenant", "2 policies", "1 domain or file". */
    static String fixes(int users, int policies, boolean tenant, int others) {
        List<String> parts = new ArrayList<>();
        if (users > 0) parts.add(users + (users == 1 ? " user" : " users"));
        if (policies > 0) parts.add(policies + (policies == 1 ? " policy" : " policies"));
        if (others > 0) parts.add(others + (others == 1 ? " other subject (domain or file)" : " other subjects (domains or files)"));
        if (tenant) parts.add("the tenant");
        if (parts.size() <= 1) return parts.isEmpty() ? "nothing" : parts.get(0);
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }
}
