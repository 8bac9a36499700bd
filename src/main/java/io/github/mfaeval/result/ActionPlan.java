package io.github.mfaeval.result;

import io.github.mfaeval.model.Finding;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What the team has to do, in the order that matters: every finding that requires action, most severe first,
 * then the one whose enforcement comes (or came) first. Informational findings are left out: nothing to do.
 */
public final class ActionPlan {
    /** One thing to do; {@code priority} starts at 1. */
    public record Item(int priority, Finding finding, String subjectName, LocalDate enforcementDate, boolean enforced) {
    }

    private ActionPlan() {
    }

    public static List<Item> of(Report report) {
        EnforcementDates dates = new EnforcementDates(report);
        SubjectNames names = new SubjectNames(report);
        // A file collect could not get comes first: every other line may change once it is collected.
        java.util.Set<String> gaps = new java.util.HashSet<>();
        for (CollectionGap g : report.collectionGaps()) if (g.file() != null) gaps.add(g.file());
        List<Finding> todo = report.findings().stream().filter(FindingCounts::requiresAction)
                .sorted(Comparator.comparing((Finding f) -> !gaps.contains(f.subject())).thenComparing(order(dates, names))).toList();
        List<Item> items = new ArrayList<>(todo.size());
        for (Finding f : todo) {
            LocalDate date = dates.of(f);
            items.add(new Item(items.size() + 1, f, names.of(f.subject()), date, dates.enforced(date)));
        }
        return items;
    }

    /** Severity, then enforcement date (unknown last), then code and subject so equal findings stay together. */
    public static Comparator<Finding> order(EnforcementDates dates, SubjectNames names) {
        return Comparator.comparing(Finding::severity)
                .thenComparing(dates::of, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Finding::code)
                .thenComparing(f -> names.of(f.subject()))
                .thenComparing(Finding::rule);
    }
}
