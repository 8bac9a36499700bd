package io.github.mfaeval.model;

/** What one user's sign-ins showed, counted as the sign-ins stream past (memory grows with users only). */
public final class SignInTally implements java.io.Serializable {
    private int inScope;
    private int satisfied;
    private int unsatisfied;
    private int passwordGrant;
    private int homeTenantClaimUntrusted;
    private int federatedClaimRejected;
    private int homeTenantTrustUnknown;
    private Integer firstPhase;
    private int judgedByWritesWithoutMfa;
    private int phase2;

    private String homeTenantId;

    public void add(SignIn s) {
        if (s.isGuest() && !s.getHomeTenantId().isEmpty()
                && (homeTenantId == null || s.getHomeTenantId().compareTo(homeTenantId) < 0)) {
            homeTenantId = s.getHomeTenantId();
        }
        if (!s.isInScope()) return;
        inScope++;
        if (s.getPhase() != null && (firstPhase == null || s.getPhase() < firstPhase)) firstPhase = s.getPhase();
        if (s.getPhase() != null && s.getPhase() == 2) phase2++;
        if (Boolean.TRUE.equals(s.getMfaSatisfied())) satisfied++;
        else if (s.isJudgedByWrites()) judgedByWritesWithoutMfa++;
        else if (s.isSuccess()) unsatisfied++;
        if (s.isPasswordGrant()) passwordGrant++;
        if (s.isHomeTenantClaimUntrusted()) homeTenantClaimUntrusted++;
        if (s.isFederatedClaimRejected()) federatedClaimRejected++;
        if (s.isHomeTenantTrustUnknown()) homeTenantTrustUnknown++;
    }

    /** A guest's home tenant as their sign-ins name it (the smallest id if they name several), or null. */
    public String getHomeTenantId() { return homeTenantId; }

    /** Adds another tally of the same user (sign-ins counted elsewhere, e.g. on another executor of a cluster). */
    public void merge(SignInTally o) {
        inScope += o.inScope;
        satisfied += o.satisfied;
        unsatisfied += o.unsatisfied;
        passwordGrant += o.passwordGrant;
        homeTenantClaimUntrusted += o.homeTenantClaimUntrusted;
        federatedClaimRejected += o.federatedClaimRejected;
        homeTenantTrustUnknown += o.homeTenantTrustUnknown;
        if (o.homeTenantId != null && (homeTenantId == null || o.homeTenantId.compareTo(homeTenantId) < 0)) {
            homeTenantId = o.homeTenantId;
        }
        judgedByWritesWithoutMfa += o.judgedByWritesWithoutMfa;
        phase2 += o.phase2;
        if (o.firstPhase != null && (firstPhase == null || o.firstPhase < firstPhase)) firstPhase = o.firstPhase;
    }

    public int getInScope() { return inScope; }
    /** In-scope sign-ins to a Phase 2 application. */
    public int getPhase2() { return phase2; }
    public int getSatisfied() { return satisfied; }
    /** Successful in-scope sign-ins without MFA evidence: these are challenged once enforcement applies. */
    public int getUnsatisfied() { return unsatisfied; }
    public int getPasswordGrant() { return passwordGrant; }
    public int getHomeTenantClaimUntrusted() { return homeTenantClaimUntrusted; }
    public int getFederatedClaimRejected() { return federatedClaimRejected; }
    public int getHomeTenantTrustUnknown() { return homeTenantTrustUnknown; }
    /** The earliest enforcement phase among the in-scope sign-ins (null without any): when enforcement reaches the user. */
    public Integer getFirstPhase() { return firstPhase; }
    /**
     * In-scope sign-ins without MFA whose phase is enforced on Azure Resource Manager writes: reported, but the
     * user's verdict comes from the writes (activity log), not from these sign-ins.
     */
    public int getJudgedByWritesWithoutMfa() { return judgedByWritesWithoutMfa; }
}
