package io.github.mfaeval.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.ArrayList;
import java.util.List;

/**
 * A file {@code collect} could not get (its collection.json says forbidden, failed or skipped), or the collection
 * itself failing ({@code file} null), with what to do about it: for a forbidden file "grant PERMISSION and collect
 * again". Worked out here once, from {@link CollectionInfo}: the first screen of every format says it in these
 * words, and the INPUT_MISSING finding about the file uses them too.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"file", "status", "missingPermission", "reason", "advice"})
public record CollectionGap(String file, String status, String missingPermission, String reason, String advice) {

    /** The gaps of a collection, in its files' order; empty for none (or no collection.json). */
    public static List<CollectionGap> of(CollectionInfo c) {
        List<CollectionGap> gaps = new ArrayList<>();
        if (c == null) return gaps;
        if (c.error() != null) gaps.add(new CollectionGap(null, "failed", null, c.error(), "collect again"));
        if (c.files() == null) return gaps;
        for (CollectionInfo.File f : c.files()) {
            if (f.status() == null || "collected".equals(f.status())) continue;
            String advice = switch (f.status()) {
                case "forbidden" -> "grant " + (f.missingPermission() != null ? f.missingPermission() : "the permission it needs") + " and collect again";
                case "skipped" -> "collect again without skipping it";
                default -> "collect again";
            };
            gaps.add(new CollectionGap(f.name(), f.status(), f.missingPermission(), f.reason(), advice));
        }
        return gaps;
    }

    /** How the file was not collected, for a sentence: "was not collected (forbidden)", "was not collected (failed: timeout)". */
    public String why() {
        return "was not collected (" + status + ("failed".equals(status) && reason != null ? ": " + reason : "") + ")";
    }

    /** One gap in words: "perUserMfa.json (forbidden): grant Policy.Read.All and collect again". */
    public String sentence() {
        String what = "failed".equals(status) && reason != null ? status + ": " + reason : status;
        return (file == null ? "the collection itself (" + what + ")" : file + " (" + what + ")") + ": " + advice;
    }

    /**
     * The first-screen notice: "Collection incomplete, so this report stands on part of the tenant. Not collected:
     * perUserMfa.json (forbidden): grant … and collect again." Null when there is no gap.
     */
    public static String notice(List<CollectionGap> gaps) {
        if (gaps == null || gaps.isEmpty()) return null;
        return "Collection incomplete, so this report stands on part of the tenant. Not collected: "
                + String.join("; ", gaps.stream().map(CollectionGap::sentence).toList()) + ".";
    }
}
