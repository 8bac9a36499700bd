package io.github.mfaeval.result;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code collect} wrote in the folder's {@code collection.json}: when, which sign-in window, and each
 * file's status. The report's {@code inputs.collection} shows it, so a reader knows what the verdicts stand on.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CollectionInfo(String tool, String startedAt, String finishedAt, Boolean complete, String error,
                             Window signInWindow, List<File> files, List<String> warnings, String signInFilter) {
    public CollectionInfo(String tool, String startedAt, String finishedAt, Boolean complete, String error, Window signInWindow,
                          List<File> files, List<String> warnings) {
        this(tool, startedAt, finishedAt, complete, error, signInWindow, files, warnings, null);
    }

    /**
     * The sign-ins were filtered when collected (collect's default: only those to the applications the rules list).
     * Verdicts are those of the whole log; counts of out-of-scope sign-ins are not the tenant's.
     */
    public boolean signInsFiltered() {
        if (signInFilter != null) return !signInFilter.startsWith("none");
        return files.stream().anyMatch(f -> f.filter() != null && !f.filter().startsWith("none"));
    }

    /**
     * The client app ids the sign-ins were filtered on (lower case), as collect wrote them into its description of
     * the filter ({@code signInFilter}, else every sign-in file's {@code filter}: an id counts only when every filtered
     * file names it); null when the sign-ins were not filtered. A filter whose ids cannot be read gives none (fail
     * closed: no application is known to be fetched).
     */
    @JsonIgnore
    public Set<String> signInFilterAppIds() {
        if (!signInsFiltered()) return null;
        if (signInFilter != null) return appIds(signInFilter);
        Set<String> ids = null;
        for (File f : files) {
            if (f.filter() == null || f.filter().startsWith("none")) continue;
            Set<String> these = appIds(f.filter());
            if (ids == null) ids = these;
            else ids.retainAll(these);
        }
        return ids == null ? new TreeSet<>() : ids;
    }

    private static final Pattern APP_ID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private static Set<String> appIds(String description) {
        Set<String> ids = new TreeSet<>();
        Matcher m = APP_ID.matcher(description);
        while (m.find()) ids.add(m.group().toLowerCase(Locale.ROOT));
        return ids;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Window(String from, String to, Integer days, String basis) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    /**
     * {@code parts}: the files a sign-in kind's entry stands for (collect writes one per day, and lists them under
     * {@code signIns.days}); empty for an entry that is one file.
     */
    public record File(String name, String status, Long records, String missingPermission, String reason, String collectedAt,
                       String filter, @JsonIgnore List<String> parts) {
        public File(String name, String status, Long records, String missingPermission, String reason) {
            this(name, status, records, missingPermission, reason, null, null, List.of());
        }
    }

    /** The entry of a file, or null. */
    public File file(String name) {
        if (files == null) return null;
        for (File f : files) if (name.equals(f.name())) return f;
        return null;
    }

    public static final String FILE = "collection.json";

    /** From the parsed file; fields that are absent stay null. */
    public static CollectionInfo of(JsonNode n) {
        JsonNode w = n.get("signInWindow");
        Window window = w == null || !w.isObject() ? null : new Window(text(w, "from"), text(w, "to"),
                w.hasNonNull("days") ? w.get("days").asInt() : null, text(w, "basis"));
        List<File> files = new ArrayList<>();
        for (JsonNode f : n.path("files")) {
            files.add(new File(text(f, "name"), text(f, "status"), f.hasNonNull("records") ? f.get("records").asLong() : null,
                    text(f, "missingPermission"), text(f, "reason"), text(f, "collectedAt"), text(f, "filter"), parts(f.path("signIns").path("days"))));
        }
        List<String> warnings = new ArrayList<>();
        for (JsonNode x : n.path("warnings")) warnings.add(x.asText());
        return new CollectionInfo(text(n, "tool"), text(n, "startedAt"), text(n, "finishedAt"),
                n.hasNonNull("complete") ? n.get("complete").asBoolean() : null, text(n, "error"), window, files, warnings,
                text(n, "signInFilter"));
    }

    private static List<String> parts(JsonNode days) {
        List<String> out = new ArrayList<>();
        days.fieldNames().forEachRemaining(out::add);
        return List.copyOf(out);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
