package io.github.mfaeval.model;

/**
 * The tenant's enforcement settings could not be read: collect was refused (403) or failed on
 * enforcementSettings.json, or the file is unusable. Unknown is never Microsoft's default schedule.
 */
public final class EnforcementSettingsUnknown {
    private final String file;
    private final String status;
    private final String reason;

    public EnforcementSettingsUnknown(String file, String status, String reason) {
        this.file = file;
        this.status = status;
        this.reason = reason == null || reason.isBlank() ? "no reason recorded" : reason;
    }

    public String getFile() { return file; }
    /** forbidden, failed or rejected. */
    public String getStatus() { return status; }
    public String getReason() { return reason; }
}
