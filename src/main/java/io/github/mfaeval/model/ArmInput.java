package io.github.mfaeval.model;

/**
 * Whether the tenant folder held an activity log, and how many users signed in to a Phase 2 application
 * without MFA: without a log, Phase 2 (enforced on writes) cannot be judged from sign-ins alone.
 */
public final class ArmInput {
    public static final String FILE = "activityLog.json";

    private final boolean present;
    private final long phase2SignInUsers;

    public ArmInput(boolean present, long phase2SignInUsers) {
        this.present = present;
        this.phase2SignInUsers = phase2SignInUsers;
    }

    public boolean isPresent() { return present; }
    /** Users with at least one in-scope sign-in to a Phase 2 application. */
    public long getPhase2SignInUsers() { return phase2SignInUsers; }
    public String getFile() { return FILE; }
}
