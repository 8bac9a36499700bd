package io.github.mfaeval.batch;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.mfaeval.model.Finding;
import io.github.mfaeval.result.Changes;
import io.github.mfaeval.result.Report;
import io.github.mfaeval.result.UserVerdict;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What changed for one tenant since the baseline. A finding is the same finding when code, subject and rule
 * are the same (its message may carry counts that change every night). A user became ready, or stopped
 * being ready, only if the user is in both reports: new and departed users are neither.
 */
final class History {
    private History() {
    }

    static Changes compare(String baseline, Baseline.Previous previous, Report current) {
        String status = current.status().name();
        if (previous == null || previous.report() == null) {
            return notCompared(baseline, previous, status);
        }
        Set<Changes.FindingRef> before = new LinkedHashSet<>();
        for (JsonNode f : previous.report().path("findings")) {
            before.add(new Changes.FindingRef(f.path("code").asText(), f.path("subject").asText(), f.path("rule").asText()));
        }
        Set<Changes.FindingRef> now = new LinkedHashSet<>();
        for (Finding f : current.findings()) {
            now.add(new Changes.FindingRef(f.code(), f.subject(), f.rule()));
        }
        List<Changes.FindingRef> added = now.stream().filter(f -> !before.contains(f)).toList();
        List<Changes.FindingRef> resolved = before.stream().filter(f -> !now.contains(f)).toList();
        int unchanged = now.size() - added.size();

        Map<String, Boolean> wasReady = new HashMap<>();
        for (JsonNode u : previous.report().path("users")) {
            if (u.hasNonNull("id") && u.has("ready")) wasReady.put(u.get("id").asText(), u.get("ready").asBoolean());
        }
        List<Changes.UserRef> becameReady = new ArrayList<>();
        List<Changes.UserRef> noLongerReady = new ArrayList<>();
        for (UserVerdict u : current.users()) {
            Boolean was = wasReady.get(u.id());
            if (was == null || was == u.ready()) continue;
            (u.ready() ? becameReady : noLongerReady).add(new Changes.UserRef(u.id(), u.userPrincipalName()));
        }
        return new Changes(baseline, previous.status(), status, !status.equals(previous.status()), true,
                added, resolved, unchanged, becameReady, noLongerReady);
    }

    /** For a tenant that failed tonight, or that the baseline has no report for: only the statuses compare. */
    static Changes notCompared(String baseline, Baseline.Previous previous, String status) {
        String before = previous == null ? null : previous.status();
        return new Changes(baseline, before, status, before != null && !before.equals(status), false,
                null, null, 0, null, null);
    }
}
