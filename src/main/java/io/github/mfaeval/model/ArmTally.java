package io.github.mfaeval.model;

import java.util.LinkedHashSet;
import java.util.Set;

/** What one user's Azure Resource Manager writes showed (activity log), for the user rules. */
public final class ArmTally {
    private int inScope;
    private int withoutMfa;
    private int withoutMfaEnforced;
    private int refusedWithoutMfa;
    private final Set<String> operationsWithoutMfa = new LinkedHashSet<>();

    public void add(ArmOperation o) {
        if (!o.isInScope()) return;
        inScope++;
        if (o.isMfa()) return;
        withoutMfa++;
        if (o.isEnforcementActive()) withoutMfaEnforced++;
        if (o.isFailed()) refusedWithoutMfa++;
        operationsWithoutMfa.add(o.getOperation());
    }

    public int getInScope() { return inScope; }
    public int getWithoutMfa() { return withoutMfa; }
    /** Writes without MFA made on or after the tenant's Phase 2 start. */
    public int getWithoutMfaEnforced() { return withoutMfaEnforced; }
    /** Writes without MFA made before the start: what will fail at enforcement. */
    public int getWithoutMfaBeforeStart() { return withoutMfa - withoutMfaEnforced; }
    public int getRefusedWithoutMfa() { return refusedWithoutMfa; }

    /** Up to three distinct operation names, for a message. */
    public String getExamples() {
        return String.join(", ", operationsWithoutMfa.stream().limit(3).toList())
                + (operationsWithoutMfa.size() > 3 ? ", ..." : "");
    }
}
