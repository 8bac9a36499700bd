package io.github.mfaeval.result;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.mfaeval.model.Finding;
import io.github.mfaeval.text.Plural;

import java.util.List;

/**
 * How many findings a report has and how many of them require action: counted here once, and taken from here by
 * every renderer, the action plan and the batch index, so the header, the cards, the CSV and the index never
 * disagree. A finding requires action when it asks for it (HIGH, MEDIUM or LOW), is not advice and was not
 * accepted ({@link Finding#countsAgainstStatus()}); {@code high}, {@code medium} and {@code low} split those.
 * {@code accepted} and {@code advice} count findings at an action severity that do not require action (written only
 * when not 0: a report without accepted risks never mentions them).
 */
@JsonPropertyOrder({"total", "requiringAction", "high", "medium", "low", "accepted", "advice"})
public record FindingCounts(int total, int requiringAction, int high, int medium, int low,
                            @JsonInclude(JsonInclude.Include.NON_DEFAULT) int accepted,
                            @JsonInclude(JsonInclude.Include.NON_DEFAULT) int advice) {

    /** Whether the finding is one of those requiring action: the one test every count and list uses. */
    public static boolean requiresAction(Finding f) {
        return f.countsAgainstStatus();
    }

    public static FindingCounts of(List<Finding> findings) {
        int todo = 0, high = 0, medium = 0, low = 0, accepted = 0, advice = 0;
        for (Finding f : findings) {
            if (requiresAction(f)) {
                todo++;
                switch (f.severity()) {
                    case HIGH -> high++;
                    case MEDIUM -> medium++;
                    case LOW -> low++;
                    default -> { }
                }
            } else if (f.severity().requiresAction()) {
                if (f.accepted() != null) accepted++;
                else advice++;
            }
        }
        return new FindingCounts(findings.size(), todo, high, medium, low, accepted, advice);
    }

    /** "33 of 36 findings require action (11 high, 18 medium, 4 low)"; "No finding requires action" for none. */
    @JsonIgnore
    public String sentence() {
        if (requiringAction == 0) return total == 0 ? "No finding requires action" : "No finding requires action (of " + Plural.count(total, "finding") + ")";
        return requiringAction + " of " + Plural.count(total, "finding") + " " + Plural.word(requiringAction, "requires", "require")
                + " action (" + high + " high, " + medium + " medium, " + low + " low)";
    }
}
