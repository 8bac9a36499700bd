package io.github.mfaeval.model;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;

/** One user of the tenant with what their sign-ins showed, and the readiness verdict the rules give. */
public final class UserFact implements Explained {
    /** {@link #getExternalUserType()} of a guest or external user whose type the exports do not tell. */
    public static final String UNKNOWN_EXTERNAL = "unknown";

    private final String id;
    private final String userPrincipalName;
    private final String mail;
    private final boolean guest;
    private final Boolean mfaCapable;
    private final Set<String> methodsRegistered;
    private final String perUserMfaState;
    private final Set<String> roles;
    private final Set<String> groups;
    private final boolean emergencyAccount;
    private final boolean serviceAccount;
    private final SignInTally signIns;
    private String externalUserType;
    private GuestMarks guestMarks;
    private boolean externalUserTypeDecided = true;
    private final String homeTenantId;
    private ArmTally armWrites = new ArmTally();

    private final Set<String> coveredBy = new LinkedHashSet<>();
    private final Set<String> findings = new TreeSet<>();
    private final Set<String> rules = new LinkedHashSet<>();

    public UserFact(String id, String userPrincipalName, String mail, boolean guest, Boolean mfaCapable,
                    Set<String> methodsRegistered, String perUserMfaState, Set<String> roles, Set<String> groups,
                    boolean emergencyAccount, boolean serviceAccount, SignInTally signIns) {
        this(id, userPrincipalName, mail, guest, mfaCapable, methodsRegistered, perUserMfaState, roles, groups,
                emergencyAccount, serviceAccount, signIns, guest ? UNKNOWN_EXTERNAL : null, null);
    }

    public UserFact(String id, String userPrincipalName, String mail, boolean guest, Boolean mfaCapable,
                    Set<String> methodsRegistered, String perUserMfaState, Set<String> roles, Set<String> groups,
                    boolean emergencyAccount, boolean serviceAccount, SignInTally signIns,
                    String externalUserType, String homeTenantId) {
        this.id = id;
        this.userPrincipalName = userPrincipalName;
        this.mail = mail;
        this.guest = guest;
        this.mfaCapable = mfaCapable;
        this.methodsRegistered = Set.copyOf(methodsRegistered);
        this.perUserMfaState = perUserMfaState == null ? "" : perUserMfaState;
        this.roles = Set.copyOf(roles);
        this.groups = Set.copyOf(groups);
        this.emergencyAccount = emergencyAccount;
        this.serviceAccount = serviceAccount;
        this.signIns = signIns;
        this.externalUserType = externalUserType;
        this.homeTenantId = homeTenantId;
    }

    public String getId() { return id; }
    public String getUserPrincipalName() { return userPrincipalName; }
    public String getMail() { return mail; }
    public boolean isHasMail() { return mail != null && !mail.isBlank(); }
    public boolean isGuest() { return guest; }
    /** From userRegistrationDetails.isMfaCapable; null when unknown. */
    public Boolean getMfaCapable() { return mfaCapable; }
    public Set<String> getMethodsRegistered() { return methodsRegistered; }
    public String getPerUserMfaState() { return perUserMfaState; }
    /** Role template ids, lower case. */
    public Set<String> getRoles() { return roles; }
    public Set<String> getGroups() { return groups; }
    public boolean isEmergencyAccount() { return emergencyAccount; }
    public boolean isServiceAccount() { return serviceAccount; }
    public boolean isPrivileged() { return !roles.isEmpty(); }
    /** Signed in to a listed application, or made an in-scope Azure Resource Manager write. */
    public boolean isInScope() { return signIns.getInScope() > 0 || armWrites.getInScope() > 0; }
    public SignInTally getSignIns() { return signIns; }
    /**
     * The Conditional Access guest or external user type (lower case: internalguest, b2bcollaborationguest,
     * b2bcollaborationmember), {@link #UNKNOWN_EXTERNAL} for an external user the exports do not classify, or
     * null for an internal member.
     */
    public String getExternalUserType() { return externalUserType; }

    /**
     * Hands the type decision to the rules: the user's marks as exported, judged by the assignment stage
     * (rules/assignment/external-user-type.drl) before any rule reads the type. Until a rule decides, the type is
     * {@link #UNKNOWN_EXTERNAL}, which no policy condition on guest types counts as covering (fail closed).
     */
    public void setGuestMarks(GuestMarks marks) {
        this.guestMarks = marks;
        this.externalUserType = UNKNOWN_EXTERNAL;
        this.externalUserTypeDecided = false;
    }

    /** The user's marks as exported (null: the type was given with the fact). */
    public GuestMarks getGuestMarks() { return guestMarks; }
    public boolean isExternalUserTypeDecided() { return externalUserTypeDecided; }

    /** A rule's decision of the type (null: an internal member). */
    public void decideExternalUserType(String type) {
        this.externalUserType = type;
        this.externalUserTypeDecided = true;
    }
    /** The home tenant of an external user, as their sign-ins name it; null when unknown. */
    public String getHomeTenantId() { return homeTenantId; }
    /** The user's Azure Resource Manager writes from the activity log (empty without one). */
    public ArmTally getArmWrites() { return armWrites; }
    public void setArmWrites(ArmTally armWrites) { this.armWrites = armWrites; }

    public void addCoverage(String coverage) { coveredBy.add(coverage); }
    public void addFinding(String code) { findings.add(code); }
    public Set<String> getCoveredBy() { return coveredBy; }
    public Set<String> getFindings() { return findings; }
    @Override
    public Set<String> getRules() { return rules; }
}
