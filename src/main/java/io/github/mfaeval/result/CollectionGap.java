package io.github.mfaeval.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.mfaeval.text.Plural;

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

    /** One gap in words: "perUserMfa.json was not collected (forbidden): grant Policy.Read.All and collect again". */
    public String sentence() {
        return (file == null ? "the collection failed" + (reason != null ? " (" + reason + ")" : "") : file + " " + why()) + ": " + advice;
    }

    /**
     * The first-screen notice: "Collection incomplete: 2 files were not collected, so the verdict stands on part of the
     * tenant. perUserMfa.json was not collected (forbidden): grant … and collect again; …". Null when there is no gap.
     */
    public static String notice(List<CollectionGap> gaps) {
        if (gaps == null || gaps.isEmpty()) return null;
        long files = gaps.stream().filter(g -> g.file() != null).count();
        StringBuilder b = new StringBuilder("Collection incomplete: ");
        b.append(files == 0 ? "the collection failed" : Plural.count(files, "file") + " " + Plural.word(files, "was", "were") + " not collected")
                .append(", so this report stands on part of the tenant. ");
        List<String> each = gaps.stream().map(CollectionGap::sentence).toList();
        b.append(Character.toUpperCase(each.get(0).charAt(0))).append(String.join("; ", each).substring(1)).append('.');
        return b.toString();
    }
}
