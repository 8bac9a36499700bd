package io.github.mfaeval.collect;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * What a sign-in kind needs fetched for the window {@code [from, to)}: everything (a full fetch), or, when the
 * folder already holds that kind completely for an earlier window with the same filter, only from the end of that
 * window, less an overlap because Graph's log lags (a sign-in may appear minutes after it happened). Duplicates
 * the overlap brings are removed by id when the days are merged.
 *
 * @param incremental  add to the kind's files (true) or replace them (false)
 * @param fetchFrom    the fetch's start (inclusive); its end is the window's end
 * @param why          said in the log and collection.json
 */
record IncrementalWindow(boolean incremental, Instant fetchFrom, Instant to, String why) {

    /**
     * @param before  the kind's entry in the folder's collection.json (null when none)
     * @param full    --full: a fresh window whatever the folder holds
     */
    static IncrementalWindow plan(CollectionRecord.FileEntry before, Path folder, SignInFilter filter, Instant from, Instant to,
                                  Duration overlap, boolean full) {
        if (full) return fresh(from, to, "--full");
        if (before == null || before.signIns() == null) return fresh(from, to, "no earlier collection of this kind in the folder");
        CollectionRecord.SignInFetch s = before.signIns();
        if (before.status() != CollectionRecord.Status.collected) return fresh(from, to, "the earlier collection of this kind did not finish (" + before.status() + ")");
        if (!filter.key().equals(s.filterKey())) return fresh(from, to, "the filter changed since the earlier collection (the applications table, or --all-sign-ins)");
        Instant coveredFrom = instant(s.coversFrom());
        Instant coveredTo = instant(s.coversTo());
        if (coveredFrom == null || coveredTo == null) return fresh(from, to, "the earlier collection does not say what it covers");
        if (coveredFrom.isAfter(from)) return fresh(from, to, "the earlier collection starts after the window's start (" + s.coversFrom() + ")");
        if (coveredTo.isAfter(to)) return fresh(from, to, "the earlier collection ends after now (" + s.coversTo() + "): the clock went back");
        if (coveredTo.minus(overlap).isBefore(from)) return fresh(from, to, "the earlier collection ended before the window's start (" + s.coversTo() + ")");
        for (String day : s.days().keySet()) {
            if (!Files.isRegularFile(folder.resolve(day))) return fresh(from, to, day + " of the earlier collection is missing");
        }
        Instant fetchFrom = coveredTo.minus(overlap);
        return new IncrementalWindow(true, fetchFrom, to, "the folder holds " + s.coversFrom() + " to " + s.coversTo() + "; fetching from "
                + fetchFrom + " (" + overlap.toMinutes() + " minutes of overlap)");
    }

    private static IncrementalWindow fresh(Instant from, Instant to, String why) {
        return new IncrementalWindow(false, from, to, "full window: " + why);
    }

    private static Instant instant(String s) {
        if (s == null) return null;
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
