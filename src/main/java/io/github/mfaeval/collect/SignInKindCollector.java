package io.github.mfaeval.collect;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * One sign-in kind of one tenant: fetches {@code [fetchFrom, to)} with the sign-in filter, into files per day,
 * then puts them in place. The filter is asked of Graph as one {@code or} filter; if Graph refuses it (HTTP 400),
 * as one query per application; if it refuses that too, unfiltered, and the sign-ins of other applications are
 * dropped here. A full fetch replaces the kind's files; an incremental one merges into them (duplicates by id
 * removed, the new copy kept) and deletes the days that left the window. Everything is written under hidden
 * temporary names first: a run killed at any point leaves the kind's earlier files whole, and the next run,
 * starting again from the end collection.json records, completes it.
 */
final class SignInKindCollector {
    private static final String PAGE = "1000";

    record Result(String query, long fetched, Map<String, Long> days, long pages) {
        long records() {
            return days.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private final Api graph;
    private final Path folder;
    private final String kind;
    private final SignInFilter filter;
    private final Consumer<String> log;
    private final Duration progressEvery;

    SignInKindCollector(Api graph, Path folder, String kind, SignInFilter filter, Consumer<String> log, Duration progressEvery) {
        this.graph = graph;
        this.folder = folder;
        this.kind = kind;
        this.filter = filter;
        this.log = log;
        this.progressEvery = progressEvery;
    }

    /**
     * @param windowFrom the window's start: records before it are dropped from the kind's files
     * @param before     the kind's entry of the earlier collection (its day counts), or null
     */
    Result collect(IncrementalWindow plan, Instant windowFrom, CollectionRecord.SignInFetch before) throws ApiException, AuthException, IOException {
        String name = SignInDays.entryName(kind);
        log.accept(name + ": " + plan.why());
        Progress progress = Progress.signIns(name, log, progressEvery, plan.fetchFrom(), plan.to());
        String base = "createdDateTime ge " + plan.fetchFrom() + " and createdDateTime lt " + plan.to()
                + " and signInEventTypes/any(t: t eq '" + kind + "')";
        try (Delta delta = new Delta(plan.to())) {
            String query = fetch(base, delta, progress);
            Map<String, Long> days = place(delta, plan, windowFrom, before);
            return new Result(query, progress.records(), days, progress.pages());
        }
    }

    private String fetch(String base, Delta delta, Progress progress) throws ApiException, AuthException, IOException {
        if (filter.all()) {
            pages(base, delta, progress, null);
            return "none: every sign-in of the range";
        }
        List<String> ids = filter.appIds();
        String refused;
        try {
            pages(base + " and " + filter.orClause(), delta, progress, null);
            return ids.size() == 1 ? "appId eq, one query" : "one query, appId eq ... or ... (" + ids.size() + " applications)";
        } catch (ApiException e) {
            if (e.status() != 400) throw e;
            refused = e.getMessage();
            log.accept(SignInDays.entryName(kind) + ": Graph refused the filter (HTTP 400: " + refused + ")"
                    + (ids.size() > 1 ? "; one query per application instead" : "; unfiltered instead"));
        }
        if (ids.size() > 1) {
            delta.discard();
            progress.restart(ids.size());
            try {
                for (String id : ids) {
                    pages(base + " and " + SignInFilter.eq(id), delta, progress, null);
                    progress.queryDone();
                }
                return "one query per application (" + ids.size() + "): Graph refused the or filter (HTTP 400: " + refused + ")";
            } catch (ApiException e) {
                if (e.status() != 400) throw e;
                refused = e.getMessage();
                log.accept(SignInDays.entryName(kind) + ": Graph refused the appId filter (HTTP 400: " + refused + "); unfiltered instead");
            }
        }
        delta.discard();
        progress.restart(1);
        Set<String> keep = new HashSet<>(ids);
        pages(base, delta, progress, keep);
        return "none: Graph refused appId filters for this kind (HTTP 400: " + refused + "); every sign-in fetched, those of other applications dropped here";
    }

    /** Every page of one query into the delta; with {@code keep}, only sign-ins whose appId is in it (or has none). */
    private void pages(String filterText, Delta delta, Progress progress, Set<String> keep) throws ApiException, AuthException, IOException {
        String url = graph.url("/beta/auditLogs/signIns?$filter=" + encode(filterText) + "&$top=" + PAGE);
        graph.pages(url, Api.Paging.GRAPH, values -> {
            Instant oldest = null;
            for (JsonNode v : values) {
                Instant t = SignInDays.timeOf(v);
                if (t != null && (oldest == null || t.isBefore(oldest))) oldest = t;
                if (keep != null) {
                    String app = v.path("appId").asText("").toLowerCase(Locale.ROOT);
                    if (!app.isEmpty() && !keep.contains(app)) continue;
                }
                delta.add(v, t);
            }
            progress.page(values.size(), oldest);
        });
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The delta's days into the kind's files; the days that left the window deleted. Returns records per file. */
    private Map<String, Long> place(Delta delta, IncrementalWindow plan, Instant windowFrom, CollectionRecord.SignInFetch before) throws IOException {
        TreeMap<LocalDate, Path> existing = SignInDays.list(folder, kind);
        Map<String, Long> counts = new TreeMap<>();
        if (plan.incremental() && before != null && before.days() != null) counts.putAll(before.days());
        counts.keySet().removeIf(f -> !Files.isRegularFile(folder.resolve(f)));
        LocalDate firstDay = windowFrom.atOffset(ZoneOffset.UTC).toLocalDate();
        delta.commit();
        for (Map.Entry<LocalDate, Delta.Day> e : delta.days.entrySet()) {
            LocalDate day = e.getKey();
            Path target = folder.resolve(SignInDays.file(kind, day));
            Path old = existing.get(day);
            long n;
            if (plan.incremental() && old != null) {
                n = merge(e.getValue().committed, old, target, windowFrom);
            } else {
                n = e.getValue().staged.records();
                StagedFile.moveIntoPlace(e.getValue().committed, target);
            }
            counts.put(target.getFileName().toString(), n);
        }
        for (Map.Entry<LocalDate, Path> e : existing.entrySet()) {
            LocalDate day = e.getKey();
            if (delta.days.containsKey(day)) continue;
            String file = e.getValue().getFileName().toString();
            if (!plan.incremental() || day.isBefore(firstDay)) {
                Files.deleteIfExists(e.getValue());
                counts.remove(file);
            } else if (day.equals(firstDay)) {
                counts.put(file, dropBefore(e.getValue(), windowFrom));
            } else if (!counts.containsKey(file)) {
                long[] n = {0};
                SignInDays.read(e.getValue(), r -> n[0]++);
                counts.put(file, n[0]);
            }
        }
        Files.deleteIfExists(folder.resolve(SignInDays.legacyFile(kind)));
        if (counts.isEmpty()) {
            // no sign-in of this kind in the window: an empty file (no records) says the kind was read and had none
            Path empty = folder.resolve(SignInDays.file(kind, plan.to().minusSeconds(1).atOffset(ZoneOffset.UTC).toLocalDate()));
            try (StagedFile f = StagedFile.gzipLines(empty)) {
                f.commit();
            }
            counts.put(empty.getFileName().toString(), 0L);
        }
        return counts;
    }

    /** New copy first, then the earlier file's records that are neither duplicates nor before the window. */
    private long merge(Path fresh, Path old, Path target, Instant windowFrom) throws IOException {
        Set<String> ids = new HashSet<>();
        try (StagedFile out = StagedFile.gzipLines(target)) {
            SignInDays.read(fresh, r -> {
                if (ids.add(r.path("id").asText())) out.add(r);
            });
            SignInDays.read(old, r -> {
                Instant t = SignInDays.timeOf(r);
                if (!ids.contains(r.path("id").asText()) && (t == null || !t.isBefore(windowFrom))) out.add(r);
            });
            out.commit();
            Files.deleteIfExists(fresh);
            return out.records();
        }
    }

    private long dropBefore(Path file, Instant windowFrom) throws IOException {
        try (StagedFile out = StagedFile.gzipLines(file)) {
            SignInDays.read(file, r -> {
                Instant t = SignInDays.timeOf(r);
                if (t == null || !t.isBefore(windowFrom)) out.add(r);
            });
            out.commit();
            return out.records();
        }
    }

    /**
     * What a fetch brought, one hidden file per day ({@code .signIns-<kind>-<day>.jsonl.gz.delta.tmp}, which a later
     * run removes as a stray if this one is killed). Duplicates within a day are dropped as they come: a query runs
     * through time in order, so only the current day's ids are kept.
     */
    private final class Delta implements AutoCloseable {
        final class Day {
            final StagedFile staged;
            final Path committed;

            Day(StagedFile staged, Path committed) {
                this.staged = staged;
                this.committed = committed;
            }
        }

        final TreeMap<LocalDate, Day> days = new TreeMap<>();
        private final LocalDate undated;
        private LocalDate currentDay;
        private final Set<String> currentIds = new HashSet<>();
        private int undatedCount;

        Delta(Instant to) {
            this.undated = to.minusSeconds(1).atOffset(ZoneOffset.UTC).toLocalDate();
        }

        void add(JsonNode record, Instant time) throws IOException {
            LocalDate day = time == null ? undated : time.atOffset(ZoneOffset.UTC).toLocalDate();
            if (time == null) undatedCount++;
            if (!day.equals(currentDay)) {
                currentDay = day;
                currentIds.clear();
            }
            JsonNode id = record.get("id");
            if (id != null && id.isTextual() && !currentIds.add(id.asText())) return;
            Day d = days.get(day);
            if (d == null) {
                Path committed = folder.resolve("." + SignInDays.file(kind, day) + ".delta.tmp");
                d = new Day(StagedFile.gzipLines(committed), committed);
                days.put(day, d);
            }
            d.staged.add(record);
        }

        /** Forget what was fetched (the query is asked again another way). */
        void discard() throws IOException {
            close();
            days.clear();
            currentDay = null;
            currentIds.clear();
            undatedCount = 0;
        }

        void commit() throws IOException {
            if (undatedCount > 0) log.accept(SignInDays.entryName(kind) + ": " + undatedCount + " sign-in(s) without a readable createdDateTime, kept in " + SignInDays.file(kind, undated));
            for (Day d : days.values()) d.staged.commit();
        }

        @Override
        public void close() throws IOException {
            for (Day d : days.values()) {
                d.staged.close();
                Files.deleteIfExists(d.committed);
            }
        }
    }
}
