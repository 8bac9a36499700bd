package io.github.mfaeval.load;

import io.github.mfaeval.model.DirectoryUser;
import io.github.mfaeval.load.activity.ActivityLog;
import io.github.mfaeval.load.activity.ActivityLogFiles;
import io.github.mfaeval.load.signin.SignInFiles;
import io.github.mfaeval.load.signin.SignInIntake;
import io.github.mfaeval.result.CollectionInfo;
import io.github.mfaeval.result.Rejection;
import io.github.mfaeval.load.signin.PortalAuthDetails;
import io.github.mfaeval.model.ActivityLogRead;
import io.github.mfaeval.model.CollectedFile;
import io.github.mfaeval.model.CrossTenantDefault;
import io.github.mfaeval.model.CrossTenantPartner;
import io.github.mfaeval.model.ExternalAuthMethod;
import io.github.mfaeval.model.FederatedDomain;
import io.github.mfaeval.model.MissingInput;
import io.github.mfaeval.model.NotifiedStart;
import io.github.mfaeval.model.RoleAssignment;
import io.github.mfaeval.model.SecurityDefaults;
import io.github.mfaeval.model.Tenant;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything read from one tenant folder except the sign-ins, which are streamed from {@link #signInFiles()}
 * when evaluated. Maps are keyed by lower-case object id.
 */
public final class TenantData {
    public Path folder;
    public Tenant tenant;
    public final List<NotifiedStart> notifiedStarts = new ArrayList<>();
    public final Map<String, DirectoryUser> users = new LinkedHashMap<>();
    public final Map<String, Registration> registrations = new LinkedHashMap<>();
    public final Map<String, String> perUserMfa = new LinkedHashMap<>();
    public final List<RoleAssignment> roleAssignments = new ArrayList<>();
    public final Map<String, Set<String>> groupsOfUser = new LinkedHashMap<>();
    /** Lower-case ids of the groups groupMembers.json lists (empty when the file is missing). */
    public final Set<String> knownGroups = new java.util.HashSet<>();
    public final List<CaPolicyRecord> caPolicies = new ArrayList<>();
    public SecurityDefaults securityDefaults;
    public final List<FederatedDomain> federatedDomains = new ArrayList<>();
    public CrossTenantDefault crossTenantDefault;
    public final List<CrossTenantPartner> crossTenantPartners = new ArrayList<>();
    public final List<ExternalAuthMethod> externalMethods = new ArrayList<>();
    public final List<MissingInput> missing = new ArrayList<>();
    public final List<Path> signInFiles = new ArrayList<>();
    /** Azure Activity Log exports (activityLog*.json|.jsonl|.csv[.gz]), read when evaluated. */
    public final List<Path> activityLogFiles = new ArrayList<>();
    /** The Entra admin center's authentication-details downloads, and the steps read from them (null when none). */
    public final List<Path> authDetailFiles = new ArrayList<>();
    public PortalAuthDetails authDetails;
    /** Why the manifest could not be read ({@link TenantLoader#read} only; {@link TenantLoader#load} throws it). */
    public InputException manifestProblem;
    /** Files read, with the records each gave (sign-in files are counted when streamed). */
    public final Map<String, Integer> filesRead = new LinkedHashMap<>();
    /** What looks wrong but changes no verdict (an unknown manifest key), for inputs.warnings. */
    public final List<String> warnings = new ArrayList<>();
    /** What collect recorded in collection.json (null when the folder was not made by collect). */
    public CollectionInfo collection;
    /** The tenant's collected enforcement settings, one per phase (enforcementSettings.json; empty when absent). */
    public final List<io.github.mfaeval.model.TenantPhaseSetting> tenantSettings = new ArrayList<>();
    /** enforcementSettings.json or policyAssignments.json that collect could not read, or that are unusable. */
    public final List<io.github.mfaeval.model.EnforcementSettingsUnknown> settingsUnknown = new ArrayList<>();
    /** The Azure Policy MFA assignments and the subscriptions of policyAssignments.json. */
    public final List<io.github.mfaeval.model.MfaPolicyAssignment> policyAssignments = new ArrayList<>();
    public final List<io.github.mfaeval.model.AzureSubscription> subscriptions = new ArrayList<>();
    /** Configuration records that could not be used. */
    public final List<Rejection> rejected = new ArrayList<>();

    /** The dates the manifest gives each phase (notified starts, postponements' chosen dates), for comparison with the tenant's settings. */
    public List<io.github.mfaeval.model.ManifestPhaseDate> manifestPhaseDates() {
        List<io.github.mfaeval.model.ManifestPhaseDate> out = new ArrayList<>();
        for (NotifiedStart n : notifiedStarts) {
            out.add(new io.github.mfaeval.model.ManifestPhaseDate(n.getPhase(), n.getStart(), "enforcement.phase" + n.getPhase(), false));
        }
        if (tenant != null && tenant.getPostponementStartDate() != null) {
            out.add(new io.github.mfaeval.model.ManifestPhaseDate(1, tenant.getPostponementStartDate(), "postponement.startDate", true));
        } else if (tenant != null && tenant.isPostponementRequested()) {
            // a postponement without a chosen date: the manifest still says Phase 1 was postponed
            out.add(new io.github.mfaeval.model.ManifestPhaseDate(1, null, "postponement (requested "
                    + (tenant.getPostponementRequestedOn() == null ? "on no date" : tenant.getPostponementRequestedOn()) + ", no start date)", true));
        }
        if (tenant != null && tenant.getPhase2StartDate() != null) {
            out.add(new io.github.mfaeval.model.ManifestPhaseDate(2, tenant.getPhase2StartDate(), "phase2Postponement.startDate", true));
        }
        return out;
    }

    public List<Path> signInFiles() {
        return signInFiles;
    }

    /**
     * The sign-ins to stream when evaluated: the intake of the sign-in files with the authentication details joined to
     * them, read once, other tenants' records and copies told apart.
     */
    public io.github.mfaeval.result.SignInReading signInIntake() {
        return new SignInIntake(signInFiles, authDetails, tenant.getTenantId());
    }

    /**
     * Reads the folder's activity-log files (rejections into {@code rejections}), as late as the evaluation needs them:
     * the intake reads, the engine judges what it is handed.
     */
    public ActivityLogRead readActivityLog(List<Rejection> rejections) {
        return ActivityLog.read(activityLogFiles, rejections);
    }

    /** What kind of evidence a file of this name holds, by the names the intake reads (collection.json's files). */
    public static CollectedFile.Evidence evidenceOf(String fileName) {
        return SignInFiles.isSignInName(fileName) ? CollectedFile.Evidence.SIGN_INS
                : ActivityLogFiles.isActivityLogName(fileName) ? CollectedFile.Evidence.ACTIVITY_LOG
                : CollectedFile.Evidence.CONFIGURATION;
    }
}
