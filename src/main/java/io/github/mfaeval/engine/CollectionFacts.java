package io.github.mfaeval.engine;

import io.github.mfaeval.load.TenantData;
import io.github.mfaeval.model.CollectedFile;
import io.github.mfaeval.model.CollectionState;
import io.github.mfaeval.result.CollectionInfo;

import java.nio.file.Files;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The user stage's facts about the collection that made the folder (collection.json): one {@link CollectionState}
 * and one {@link CollectedFile} per file it lists; none for a folder made by hand. They only say what collect
 * recorded and what the folder holds; rules/user/collection.drl decides what a gap means.
 */
final class CollectionFacts {
    private CollectionFacts() {
    }

    static List<Object> of(TenantData data) {
        CollectionInfo c = data.collection;
        if (c == null) return List.of();
        List<Object> facts = new ArrayList<>();
        CollectionInfo.Window w = c.signInWindow();
        facts.add(new CollectionState(c.finishedAt() != null, c.complete(), c.error(),
                w == null ? null : instant(w.from()), w == null ? null : instant(w.to()), c.signInFilterAppIds()));
        for (CollectionInfo.File f : c.files()) {
            if (f.name() == null) continue;
            String name = f.name();
            CollectedFile.Evidence evidence = TenantData.evidenceOf(name);
            boolean present = present(data, name, f.parts());
            facts.add(new CollectedFile(name, f.status(), evidence, present, detail(f)));
        }
        return facts;
    }

    /**
     * Whether the folder holds what the entry stands for: the file itself, or for a sign-in kind collected as one
     * file per day ({@code signIns-<kind>-*.jsonl.gz}) every day file the entry lists (none listed: none is there).
     */
    private static boolean present(TenantData data, String name, List<String> parts) {
        if (!parts.isEmpty()) return parts.stream().allMatch(p -> plain(p) && Files.isRegularFile(data.folder.resolve(p)));
        return plain(name) && !name.contains("*") && Files.isRegularFile(data.folder.resolve(name));
    }

    private static boolean plain(String name) {
        return !name.contains("/") && !name.contains("\\");
    }

    /**
     * What collection.json says of the gap: for a partial file its reason (which names what was not read) and the
     * permission; otherwise the permission when one is named (a 403's own text says no more), else the reason.
     */
    private static String detail(CollectionInfo.File f) {
        boolean partial = "partial".equals(f.status());
        if (f.missingPermission() != null && (!partial || f.reason() == null)) return ": needs " + f.missingPermission();
        if (f.reason() == null) return "";
        return ": " + f.reason() + (f.missingPermission() != null ? "; needs " + f.missingPermission() : "");
    }

    /** A window bound collect wrote (ISO instant); null when it cannot be read, so no window is assumed. */
    private static Instant instant(String s) {
        if (s == null) return null;
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
