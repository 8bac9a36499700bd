package io.github.mfaeval.report;

import io.github.mfaeval.result.ActivityLogPeriod;
import io.github.mfaeval.result.Report;
import io.github.mfaeval.result.Summary;

import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The edition of Microsoft's page a report was judged by, and its Phase 2 write counts, in the words every
 * summary (text, Markdown, XLSX) uses: a reader of any format can tell a verdict by the 2024 page from one by
 * the current page, and sees the Activity Log's part in it.
 */
final class EditionWords {
    private EditionWords() {
    }

    /** "2026-04-03 (Microsoft's page as of that date)", or null for a report that names no edition. */
    static String edition(Report r) {
        return r.edition() == null ? null : r.edition() + " (rules of Microsoft's page as of that date)";
    }

    /** The Phase 2 write counts, or null when no activity log was read. */
    static String armWrites(Report r) {
        Summary m = r.summary();
        if (r.armWrites() == null || m.armWritesRead() == null) return null;
        return m.armWritesRead() + " activity log records read (" + m.armWritesEvaluated() + " evaluated + " + m.armWritesRejected()
                + " rejected + " + m.armWritesDuplicate() + " duplicate; " + activityLogPeriod(r) + "); " + m.armWritesInScope()
                + " write operations of users in scope, " + m.armWritesWithoutMfa() + " without MFA in the token";
    }

    /** "events from 2025-01-02 to 2025-01-31" (UTC days), or "no event": how recent the Phase 2 evidence is. */
    static String activityLogPeriod(Report r) {
        ActivityLogPeriod p = r.inputs() == null ? null : r.inputs().activityLogPeriod();
        if (p == null || p.last() == null) return "no event";
        return "events from " + LocalDate.ofInstant(p.first(), ZoneOffset.UTC) + " to " + LocalDate.ofInstant(p.last(), ZoneOffset.UTC);
    }
}
