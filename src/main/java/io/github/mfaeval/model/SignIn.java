package io.github.mfaeval.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One sign-in record, normalised from whatever export it came from, and the verdict the rules give it.
 * The input part is immutable; the verdict part is written by rule consequences.
 */
public final class SignIn implements Explained, java.io.Serializable {
    private static final java.util.regex.Pattern GUID = java.util.regex.Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    // input
    private final String id;
    private final Instant createdDateTime;
    private final String userId;
    private final String userPrincipalName;
    private final String userType;
    private final String appId;
    private final String appIdLower;
    private final String appDisplayName;
    private final String homeTenantId;
    private final String resourceTenantId;
    private final boolean workloadIdentity;
    private final String authenticationRequirement;
    private final Set<String> requirementProviders;
    private final List<AuthStep> authenticationDetails;
    private final int errorCode;
    private final String additionalDetails;
    private final String additionalDetailsLower;
    private final String authenticationProtocol;
    // where it was read: file, record and line (a reader of one range of a file moves them once it knows what came before)
    private final String sourceFile;
    private long sourceRecord;
    private long sourceLine;
    /** Replaces file, record and line in {@link #getSource()} when set ({@link #withSource}). */
    private String sourceLabel;
    /** The target resource's application id (lower case), empty when the export does not say. */
    private String resourceId = "";
    /**
     * The tenant whose sign-in log held the record (lower case; an Azure Monitor envelope's tenantId, a Log
     * Analytics row's AADTenantId), empty when the export does not say. Not the home or resource tenant.
     */
    private String logTenantId = "";

    // verdict
    private boolean inScope;
    private ScopeReason scopeReason;
    private String application;
    private Integer phase;
    private java.time.LocalDate appEnforcedFrom;
    private String kind;
    private Boolean enforcementActive;
    private final EnumSet<SatisfiedBy> evidence = EnumSet.noneOf(SatisfiedBy.class);
    private boolean passwordGrant;
    private boolean homeTenantClaimUntrusted;
    private boolean homeTenantTrustUnknown;
    private boolean federatedClaimRejected;
    private boolean judgedByWrites;
    private final Set<String> rules = new LinkedHashSet<>();

    public SignIn(String id, Instant createdDateTime, String userId, String userPrincipalName, String userType,
                  String appId, String appDisplayName, String homeTenantId, String resourceTenantId,
                  boolean workloadIdentity, String authenticationRequirement, Set<String> requirementProviders,
                  List<AuthStep> authenticationDetails, int errorCode, String additionalDetails,
                  String authenticationProtocol, String sourceFile, long sourceRecord, long sourceLine) {
        this.id = id;
        this.createdDateTime = createdDateTime;
        this.userId = lower(userId);
        this.userPrincipalName = userPrincipalName;
        this.userType = lower(userType);
        this.appId = appId;
        this.appIdLower = lower(appId);
        this.appDisplayName = appDisplayName;
        this.homeTenantId = lower(homeTenantId);
        this.resourceTenantId = lower(resourceTenantId);
        this.workloadIdentity = workloadIdentity;
        this.authenticationRequirement = lower(authenticationRequirement);
        this.requirementProviders = Set.copyOf(requirementProviders);
        this.authenticationDetails = List.copyOf(authenticationDetails);
        this.errorCode = errorCode;
        this.additionalDetails = additionalDetails == null ? "" : additionalDetails;
        this.additionalDetailsLower = this.additionalDetails.toLowerCase(Locale.ROOT);
        this.authenticationProtocol = lower(authenticationProtocol);
        this.sourceFile = sourceFile;
        this.sourceRecord = sourceRecord;
        this.sourceLine = sourceLine;
    }

    /**
     * The same input under another source label (a cluster names files by their path in the storage account,
     * where every file is called PT1H.json); only for a sign-in not yet evaluated.
     */
    public SignIn withSource(String otherSource) {
        SignIn copy = new SignIn(id, createdDateTime, userId, userPrincipalName, userType, appId, appDisplayName, homeTenantId,
                resourceTenantId, workloadIdentity, authenticationRequirement, requirementProviders, authenticationDetails,
                errorCode, additionalDetails, authenticationProtocol, sourceFile, sourceRecord, sourceLine)
                .withResourceId(resourceId).withLogTenantId(logTenantId).labelled(otherSource);
        copy.kind = kind;
        return copy;
    }

    private static String lower(String s) {
        return s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
    }

    public String getId() { return id; }
    public Instant getCreatedDateTime() { return createdDateTime; }
    public LocalDate getSignInDate() { return createdDateTime == null ? null : createdDateTime.atZone(ZoneOffset.UTC).toLocalDate(); }
    /** Lower-cased object id, empty for workload identities. */
    public String getUserId() { return userId; }
    public String getUserPrincipalName() { return userPrincipalName; }
    /** The part of the UPN after '@', lower-cased. */
    public String getUserDomain() {
        if (userPrincipalName == null) return "";
        int at = userPrincipalName.lastIndexOf('@');
        return at < 0 ? "" : userPrincipalName.substring(at + 1).toLowerCase(Locale.ROOT);
    }
    public String getUserType() { return userType; }
    public String getAppId() { return appId; }
    public String getAppIdLower() { return appIdLower; }
    public String getAppDisplayName() { return appDisplayName; }
    public String getHomeTenantId() { return homeTenantId; }
    public String getResourceTenantId() { return resourceTenantId; }
    /** A B2B guest: home tenant differs from the resource tenant, or the record says guest. */
    public boolean isGuest() {
        boolean crossTenant = !homeTenantId.isEmpty() && !resourceTenantId.isEmpty() && !homeTenantId.equals(resourceTenantId);
        return crossTenant || "guest".equals(userType);
    }
    public boolean isWorkloadIdentity() { return workloadIdentity; }
    /** How the export says the sign-in happened (interactive, non-interactive, user, workload); for the report's period. */
    public String getKind() { return kind; }
    public void setKind(String kind) { this.kind = kind; }
    /** Lower-cased, e.g. {@code multifactorauthentication}. */
    public String getAuthenticationRequirement() { return authenticationRequirement; }
    public boolean isMfaRequirement() { return "multifactorauthentication".equals(authenticationRequirement); }
    /** Lower-cased requirementProvider values of authenticationRequirementPolicies. */
    public Set<String> getRequirementProviders() { return requirementProviders; }
    public List<AuthStep> getAuthenticationDetails() { return authenticationDetails; }
    public int getStepCount() { return authenticationDetails.size(); }
    public int getErrorCode() { return errorCode; }
    public boolean isSuccess() { return errorCode == 0; }
    public String getAdditionalDetails() { return additionalDetails; }
    /** Lower-cased, e.g. {@code ropc}. */
    public String getAuthenticationProtocol() { return authenticationProtocol; }
    /** File and record the sign-in was read from: "signIns.json record 12 (line 12)". */
    public String getSource() {
        return sourceLabel != null ? sourceLabel : sourceFile + " record " + sourceRecord + " (line " + sourceLine + ")";
    }

    private SignIn labelled(String label) {
        this.sourceLabel = label;
        return this;
    }

    /**
     * For a reader that parsed a range of a file without knowing what came before it: adds the records and
     * lines before the range, once they are known. Called before the fact reaches any rule.
     */
    public void moveSource(long recordsBefore, long linesBefore) {
        this.sourceRecord += recordsBefore;
        this.sourceLine += linesBefore;
    }

    /** The sign-in's target resource (application id), when the export gives one; returns this sign-in. */
    public SignIn withResourceId(String resourceId) {
        String r = lower(resourceId);
        this.resourceId = GUID.matcher(r).matches() ? r : "";
        return this;
    }

    /** Lower-cased application id of the target resource, or empty when unknown. */
    public String getResourceIdLower() { return resourceId; }

    /** The tenant whose log held the record, as the export's envelope says (see {@link #getLogTenantId()}); returns this sign-in. */
    public SignIn withLogTenantId(String tenantId) {
        this.logTenantId = lower(tenantId);
        return this;
    }

    /**
     * Lower-cased id of the tenant whose sign-in log held this record (an Azure Monitor diagnostic record's
     * {@code tenantId}, a Log Analytics row's {@code AADTenantId}), or empty when the export does not say (Graph,
     * the portal's downloads, PowerShell). Which tenant's report a record belongs to; a B2B sign-in is logged in
     * both the home and the resource tenant, so {@link #getHomeTenantId()} and {@link #getResourceTenantId()}
     * cannot tell.
     */
    public String getLogTenantId() { return logTenantId; }

    /**
     * True when a succeeded step's result detail, or the status of a successful sign-in, contains the
     * phrase (lower case).
     */
    public boolean hasResultPhrase(String phrase) {
        for (AuthStep step : authenticationDetails) {
            if (step.isSucceeded() && step.getResultDetailLower().contains(phrase)) {
                return true;
            }
        }
        return isSuccess() && additionalDetailsLower.contains(phrase);
    }

    /**
     * True when a step with this method (lower case) succeeded: in a step other than primary
     * authentication, or in any step when the method is multifactor on its own.
     */
    public boolean hasSucceededMethod(MfaMethod method) {
        for (AuthStep step : authenticationDetails) {
            if (step.isSucceeded() && step.getMethodLower().equals(method.getName())
                    && (method.isCountsAsPrimary() || !step.isPrimary())) {
                return true;
            }
        }
        return false;
    }

    /** True when a non-primary step with this method name (lower case) succeeded. */
    public boolean hasSucceededStep(String methodLower) {
        for (AuthStep step : authenticationDetails) {
            if (step.isSucceeded() && !step.isPrimary() && step.getMethodLower().equals(methodLower)) {
                return true;
            }
        }
        return false;
    }

    // verdict, written by rules

    public void listedApp(ListedApp app) {
        this.inScope = true;
        this.scopeReason = ScopeReason.LISTED_APP;
        this.application = app.getName();
        this.phase = app.getPhase();
        this.appEnforcedFrom = app.getEnforcedFrom();
        this.enforcementActive = Boolean.FALSE;
    }

    /**
     * In scope through the resource it signed in to, whatever its client ({@link ScopeReason#ENFORCED_RESOURCE}): shown
     * under the client's own name ({@code appDisplayName}, else its id), in {@code phase}.
     */
    public void enforcedResource(int phase) {
        this.inScope = true;
        this.scopeReason = ScopeReason.ENFORCED_RESOURCE;
        this.application = appDisplayName != null && !appDisplayName.isBlank() ? appDisplayName : appId;
        this.phase = phase;
        this.appEnforcedFrom = null;
        this.enforcementActive = Boolean.FALSE;
    }

    public void outOfScope(ScopeReason reason) {
        this.inScope = false;
        this.scopeReason = reason;
    }

    public void addEvidence(SatisfiedBy by) { evidence.add(by); }
    public void setEnforcementActive(boolean active) { this.enforcementActive = active; }
    public void setPasswordGrant(boolean passwordGrant) { this.passwordGrant = passwordGrant; }
    public void setHomeTenantClaimUntrusted(boolean untrusted) { this.homeTenantClaimUntrusted = untrusted; }
    public void setFederatedClaimRejected(boolean rejected) { this.federatedClaimRejected = rejected; }
    public void setHomeTenantTrustUnknown(boolean unknown) { this.homeTenantTrustUnknown = unknown; }
    /**
     * Editions that enforce a phase on Azure Resource Manager writes rather than at sign-in: this sign-in's
     * missing MFA is reported but judged by the user's writes, not counted as an unsatisfied sign-in.
     */
    public void setJudgedByWrites(boolean judgedByWrites) { this.judgedByWrites = judgedByWrites; }
    public boolean isJudgedByWrites() { return judgedByWrites; }

    public boolean isInScope() { return inScope; }
    public ScopeReason getScopeReason() { return scopeReason; }
    public String getApplication() { return application; }
    public Integer getPhase() { return phase; }
    /** The listed application's own first day of enforcement when the table gives one (later than its phase's); else null. */
    public java.time.LocalDate getAppEnforcedFrom() { return appEnforcedFrom; }
    public Boolean getEnforcementActive() { return inScope ? enforcementActive : null; }
    public Set<SatisfiedBy> getEvidence() { return evidence; }
    /** null when out of scope; otherwise whether any rule found MFA evidence. */
    public Boolean getMfaSatisfied() { return inScope ? !evidence.isEmpty() : null; }
    /** The strongest evidence found, or null. */
    public SatisfiedBy getSatisfiedBy() { return evidence.isEmpty() ? null : evidence.iterator().next(); }
    public boolean isPasswordGrant() { return passwordGrant; }
    public boolean isHomeTenantClaimUntrusted() { return homeTenantClaimUntrusted; }
    public boolean isFederatedClaimRejected() { return federatedClaimRejected; }
    /** A guest's home-tenant MFA claim that could not be judged: no cross-tenant access settings were exported. */
    public boolean isHomeTenantTrustUnknown() { return homeTenantTrustUnknown; }
    @Override
    public Set<String> getRules() { return rules; }

    // ---------------------------------------------------------------- the spool's binary form

    /**
     * Writes every field, input and verdict, so that {@link #read} gives back an equal sign-in: a tenant with several
     * sign-in files keeps its evaluated sign-ins on disk until the last file is read (the engine's SignInSpool). Field
     * by field ({@link SignInCodec}) rather than Java serialization, which was measured too slow (25-30 µs to write a
     * sign-in, 50-80 µs to read it). Derived fields (the lower-cased copies) are not written: the constructor derives
     * them again, from values stored normalised already.
     */
    public void write(SignInCodec.Encoder out) throws java.io.IOException {
        out.once(id);
        out.bool(createdDateTime != null);
        if (createdDateTime != null) {
            out.number(createdDateTime.getEpochSecond());
            out.number(createdDateTime.getNano());
        }
        out.string(userId);
        out.string(userPrincipalName);
        out.string(userType);
        out.string(appId);
        out.string(appDisplayName);
        out.string(homeTenantId);
        out.string(resourceTenantId);
        out.string(authenticationRequirement);
        out.number(requirementProviders.size());
        for (String p : requirementProviders) out.string(p);
        out.number(authenticationDetails.size());
        for (AuthStep step : authenticationDetails) {
            out.string(step.getMethod());
            out.bool(step.isSucceeded());
            out.string(step.getStepRequirement());
            out.string(step.getResultDetail());
        }
        out.number(errorCode);
        out.string(additionalDetails);
        out.string(authenticationProtocol);
        out.string(sourceFile);
        out.number(sourceRecord);
        out.number(sourceLine);
        out.once(sourceLabel);
        out.string(resourceId);
        out.string(logTenantId);
        out.string(kind);
        // verdict
        out.number((workloadIdentity ? 1 : 0) | (inScope ? 2 : 0) | (passwordGrant ? 4 : 0)
                | (homeTenantClaimUntrusted ? 8 : 0) | (homeTenantTrustUnknown ? 16 : 0) | (federatedClaimRejected ? 32 : 0)
                | (judgedByWrites ? 64 : 0));
        out.number(scopeReason == null ? -1 : scopeReason.ordinal());
        out.string(application);
        out.bool(phase != null);
        if (phase != null) out.number(phase);
        out.bool(appEnforcedFrom != null);
        if (appEnforcedFrom != null) out.number(appEnforcedFrom.toEpochDay());
        out.number(enforcementActive == null ? -1 : enforcementActive ? 1 : 0);
        int evidenceBits = 0;
        for (SatisfiedBy by : evidence) evidenceBits |= 1 << by.ordinal();
        out.number(evidenceBits);
        out.number(rules.size());
        for (String r : rules) out.string(r);
    }

    /** A sign-in as {@link #write} wrote it: equal to it in every field, rules in their order. */
    public static SignIn read(SignInCodec.Decoder in) throws java.io.IOException {
        String id = in.once();
        Instant created = in.bool() ? Instant.ofEpochSecond(in.number(), in.smallNumber()) : null;
        String userId = in.string();
        String upn = in.string();
        String userType = in.string();
        String appId = in.string();
        String appDisplayName = in.string();
        String home = in.string();
        String resource = in.string();
        String requirement = in.string();
        int n = in.smallNumber();
        Set<String> providers = new java.util.HashSet<>(Math.max(4, n * 2));
        for (int i = 0; i < n; i++) providers.add(in.string());
        n = in.smallNumber();
        java.util.List<AuthStep> steps = new java.util.ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String method = in.string();
            boolean succeeded = in.bool();
            steps.add(new AuthStep(method, succeeded, in.string(), in.string()));
        }
        int errorCode = in.smallNumber();
        String additional = in.string();
        String protocol = in.string();
        String sourceFile = in.string();
        long record = in.number();
        long line = in.number();
        String label = in.once();
        String resourceId = in.string();
        String logTenantId = in.string();
        String kind = in.string();
        int flags = in.smallNumber();
        SignIn s = new SignIn(id, created, userId, upn, userType, appId, appDisplayName, home, resource,
                (flags & 1) != 0, requirement, providers, steps, errorCode, additional, protocol, sourceFile, record, line);
        // set as read, not through withResourceId/withLogTenantId: they are stored already normalised
        s.resourceId = resourceId;
        s.logTenantId = logTenantId;
        s.sourceLabel = label;
        s.kind = kind;
        s.inScope = (flags & 2) != 0;
        s.passwordGrant = (flags & 4) != 0;
        s.homeTenantClaimUntrusted = (flags & 8) != 0;
        s.homeTenantTrustUnknown = (flags & 16) != 0;
        s.federatedClaimRejected = (flags & 32) != 0;
        s.judgedByWrites = (flags & 64) != 0;
        int reason = in.smallNumber();
        s.scopeReason = reason < 0 ? null : ScopeReason.values()[reason];
        s.application = in.string();
        s.phase = in.bool() ? in.smallNumber() : null;
        s.appEnforcedFrom = in.bool() ? LocalDate.ofEpochDay(in.number()) : null;
        int active = in.smallNumber();
        s.enforcementActive = active < 0 ? null : active == 1;
        int evidenceBits = in.smallNumber();
        for (SatisfiedBy by : SatisfiedBy.values()) if ((evidenceBits & 1 << by.ordinal()) != 0) s.evidence.add(by);
        n = in.smallNumber();
        for (int i = 0; i < n; i++) s.rules.add(in.string());
        return s;
    }
}
