package io.github.mfaeval.result;

import java.time.Instant;

/**
 * The period the tenant's activity log covers: the first and last time of its evaluated events (both null when
 * it holds none). Shown beside the Phase 2 write counts, because a log that ended months ago says nothing of
 * today's writes (ACTIVITY_LOG_STALE).
 */
public record ActivityLogPeriod(Instant first, Instant last) {
}
