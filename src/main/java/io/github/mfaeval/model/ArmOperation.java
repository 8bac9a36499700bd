package io.github.mfaeval.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * One Azure Resource Manager operation from the Activity Log: its Started, Accepted and Succeeded/Failed
 * events merged (same correlation id and operation name), and the verdict the rules give it.
 */
public final class ArmOperation implements Explained {
    /** POLICY_AUDIT_OF_LOGGED_WRITE: an Azure Policy audit of a write the log also holds, counted on that write. */
    public enum Scope { USER_WRITE, APPLICATION_IDENTITY, NOT_A_WRITE, NOT_ADMINISTRATIVE, NOT_ENFORCED_IN_CLOUD, POLICY_AUDIT_OF_LOGGED_WRITE }

    private final String key;
    private final String operation;
    private String category = "";
    private Instant time;
    private String caller = "";
    private String objectId = "";
    private String upn = "";
    private String identityType = "";
    private String clientAppId = "";
    private final Set<String> amr = new TreeSet<>();
    private final Set<String> statuses = new TreeSet<>();
    private final Set<String> policyDefinitions = new TreeSet<>();
    private boolean hasClaims;
    private boolean directoryUser;
    private final Set<String> sources = new LinkedHashSet<>();
    private String correlationId = "";
    private final Set<String> errorCodes = new TreeSet<>();
    /** The other operations of the same request (same correlation id): their names and the policy definitions they name. */
    private final Set<String> correlatedOperations = new TreeSet<>();
    private final Set<String> correlatedPolicyDefinitions = new TreeSet<>();
    private String policyVerdict;

    private Scope scope;
    private boolean mfa;
    private boolean enforcementActive;
    private final Set<String> rules = new LinkedHashSet<>();

    public ArmOperation(String key, String operation) {
        this.key = key;
        this.operation = operation;
    }

    /** Folds one more event of this operation in: the earliest time, every status, the claims of any event. */
    public void add(ArmEvent e) {
        if (time == null || (e.time() != null && e.time().isBefore(time))) time = e.time();
        if (category.isEmpty() || "administrative".equals(e.category())) category = e.category();
        if (caller.isEmpty()) caller = e.caller();
        if (objectId.isEmpty()) objectId = e.objectId();
        if (upn.isEmpty()) upn = e.upn();
        if (identityType.isEmpty()) identityType = e.identityType();
        if (clientAppId.isEmpty()) clientAppId = e.clientAppId();
        amr.addAll(e.amr());
        hasClaims |= e.hasClaims();
        if (!e.status().isEmpty()) statuses.add(e.status());
        policyDefinitions.addAll(e.policyDefinitions());
        sources.add(e.source());
        if (correlationId.isEmpty() && e.correlationId() != null) correlationId = e.correlationId();
        if (e.errorCodes() != null) errorCodes.addAll(e.errorCodes());
    }

    /** Another operation of the same request (an Azure Policy audit of this write, or the write an audit is about). */
    public void correlate(ArmOperation other) {
        correlatedOperations.add(other.operation);
        correlatedPolicyDefinitions.addAll(other.policyDefinitions);
    }

    /** Lower case, or empty. */
    public String getCorrelationId() { return correlationId; }
    /** Sub-status and error codes of its events, lower case ({@code requestdisallowedbypolicy}). */
    public Set<String> getErrorCodes() { return errorCodes; }
    public Set<String> getCorrelatedOperations() { return correlatedOperations; }
    public Set<String> getCorrelatedPolicyDefinitions() { return correlatedPolicyDefinitions; }
    public boolean correlatedEndsWith(String suffix) {
        for (String o : correlatedOperations) if (o.endsWith(suffix)) return true;
        return false;
    }

    public String getKey() { return key; }
    /** Lower case, e.g. {@code microsoft.compute/virtualmachines/write}. */
    public String getOperation() { return operation; }
    public String getCategory() { return category; }
    public Instant getTime() { return time; }
    public LocalDate getDay() { return time == null ? null : time.atZone(ZoneOffset.UTC).toLocalDate(); }
    public String getCaller() { return caller; }
    public String getObjectId() { return objectId; }
    public String getUpn() { return upn; }
    public String getClientAppId() { return clientAppId; }
    public Set<String> getAmr() { return amr; }
    public boolean isHasClaims() { return hasClaims; }
    public Set<String> getStatuses() { return statuses; }
    public Set<String> getPolicyDefinitions() { return policyDefinitions; }
    public Set<String> getSources() { return sources; }

    /** Refused: ARM answered with a failure (a write refused for lack of MFA counts as one without MFA). */
    public boolean isFailed() { return statuses.contains("FAILED"); }

    /**
     * The identity that made the request: application when {@code idtyp} is {@code app}; user when it is
     * {@code user}, or when absent and the caller or the token's object id is a directory user's object id
     * ({@link #isDirectoryUser()}), or the claims hold a UPN, or the caller is one.
     */
    public boolean isUserIdentity() {
        if ("app".equals(identityType)) return false;
        if ("user".equals(identityType)) return true;
        return directoryUser || !upn.isEmpty() || caller.contains("@");
    }

    /**
     * Whether the caller, or the token's object id, is the object id of a user of the tenant's directory (users.json,
     * or a user seen in the sign-ins): an event without claims whose caller is a user's object id is that user's.
     */
    public boolean isDirectoryUser() { return directoryUser; }
    public void setDirectoryUser(boolean directoryUser) { this.directoryUser = directoryUser; }

    /** The user the operation is counted for: the UPN when known, else the object id, else the caller (lower case). */
    public String getUserName() {
        if (!upn.isEmpty()) return upn;
        if (caller.contains("@")) return caller.toLowerCase(Locale.ROOT);
        return !objectId.isEmpty() ? objectId : caller.toLowerCase(Locale.ROOT);
    }

    public boolean operationEndsWith(String suffix) { return operation.endsWith(suffix); }

    // verdict, written by rules
    public void scope(Scope scope) { this.scope = scope; }
    public Scope getScope() { return scope; }
    public boolean isInScope() { return scope == Scope.USER_WRITE; }
    public void setMfa(boolean mfa) { this.mfa = mfa; }
    public boolean isMfa() { return mfa; }
    public void setEnforcementActive(boolean active) { this.enforcementActive = active; }
    /** What Azure Policy did to it: "refused by Azure Policy", "audited by Azure Policy", or null. */
    public String getPolicyVerdict() { return policyVerdict; }
    public void setPolicyVerdict(String verdict) { this.policyVerdict = verdict; }
    public boolean isEnforcementActive() { return enforcementActive; }
    @Override
    public Set<String> getRules() { return rules; }
}
