package io.github.mfaeval.model;

import java.util.List;
import java.util.Map;

/**
 * A tenant's activity-log files, read: every record read is an event, a rejection or a duplicate. The events that
 * are no copies, in reading order; the counts; the records per file. {@code present}: there was at least one file.
 */
public record ActivityLogRead(boolean present, long read, long rejected, long duplicates, Map<String, Long> recordsPerFile,
                              List<ArmEvent> events) {
}
