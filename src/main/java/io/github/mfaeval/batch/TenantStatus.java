package io.github.mfaeval.batch;

import io.github.mfaeval.result.Report;

/** A tenant's outcome in a batch: the report's status, or why there is no report. */
public enum TenantStatus {
    READY, ACTION_REQUIRED, INCOMPLETE,
    /** The folder could not be read or evaluated: see the tenant's error.json. */
    FAILED,
    /** Stopped by --tenant-timeout. */
    TIMEOUT;

    static TenantStatus of(Report.Status status) {
        return valueOf(status.name());
    }

    boolean failed() {
        return this == FAILED || this == TIMEOUT;
    }
}
