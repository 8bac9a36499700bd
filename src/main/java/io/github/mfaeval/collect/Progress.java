package io.github.mfaeval.collect;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * What a person watching a long collection needs: per file, pages and records so far; for sign-ins, how much of
 * the time to fetch is covered (Graph returns newest first, so the oldest sign-in seen so far says how far back the
 * fetch has come) and the time left at the pace so far. Printed at most every {@code every}, and at the end.
 * When one file needs several queries (one per application), each query runs through the whole range, and the
 * share covered counts the queries done.
 */
final class Progress {
    private final String file;
    private final Consumer<String> log;
    private final Duration every;
    private final long startNanos = System.nanoTime();
    private long lastLogNanos = startNanos;
    private long pages;
    private long records;
    // sign-ins only
    private final Instant from;
    private final Instant to;
    private int queries = 1;
    private int queriesDone;
    private Instant oldest;

    private Progress(String file, Consumer<String> log, Duration every, Instant from, Instant to) {
        this.file = file;
        this.log = log;
        this.every = every;
        this.from = from;
        this.to = to;
    }

    static Progress of(String file, Consumer<String> log, Duration every) {
        return new Progress(file, log, every, null, null);
    }

    /** A sign-in fetch of {@code [from, to)}. */
    static Progress signIns(String file, Consumer<String> log, Duration every, Instant from, Instant to) {
        return new Progress(file, log, every, from, to);
    }

    long pages() {
        return pages;
    }

    long records() {
        return records;
    }

    /** The file is fetched again from the start (Graph refused the filter): counts restart. */
    void restart(int queries) {
        this.queries = Math.max(1, queries);
        this.queriesDone = 0;
        this.oldest = null;
        this.records = 0;
    }

    /** A query of the file is done (its range fully covered). */
    void queryDone() {
        queriesDone++;
        oldest = null;
    }

    /** A page read: its records, and for sign-ins the oldest createdDateTime in it (null if none). */
    void page(int n, Instant oldestInPage) {
        pages++;
        records += n;
        if (oldestInPage != null && (oldest == null || oldestInPage.isBefore(oldest))) oldest = oldestInPage;
        long now = System.nanoTime();
        if (now - lastLogNanos >= every.toNanos()) {
            lastLogNanos = now;
            log.accept(line(now));
        }
    }

    /** The share of the sign-in range covered, 0 to 1 (null for other files). */
    Double covered() {
        if (from == null || to == null) return null;
        double span = Math.max(1, Duration.between(from, to).toSeconds());
        double current = oldest == null ? 0 : Math.min(1, Math.max(0, Duration.between(oldest, to).toSeconds() / span));
        return Math.min(1, (queriesDone + current) / queries);
    }

    String line(long nowNanos) {
        StringBuilder b = new StringBuilder(file).append(": page ").append(pages).append(", ").append(records).append(" record(s)");
        Double f = covered();
        if (f != null) {
            double spanDays = Duration.between(from, to).toSeconds() / 86400.0;
            b.append(String.format(java.util.Locale.ROOT, ", %.1f of %.1f day(s) covered (%d%%)", f * spanDays, spanDays, Math.round(f * 100)));
            if (queries > 1) b.append(" over ").append(queries).append(" queries");
            double elapsed = (nowNanos - startNanos) / 1e9;
            if (f > 0.005 && f < 1) {
                b.append(", about ").append(human(elapsed * (1 - f) / f)).append(" left");
            }
        }
        return b.toString();
    }

    double seconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    static String human(double seconds) {
        if (seconds < 90) return Math.round(seconds) + " s";
        if (seconds < 5400) return Math.round(seconds / 60) + " min";
        return String.format(java.util.Locale.ROOT, "%.1f h", seconds / 3600);
    }
}
