package io.github.mfaeval.batch;

import io.github.mfaeval.engine.RuleBase;
import io.github.mfaeval.pipeline.TenantPipeline;
import io.github.mfaeval.result.Report;

import java.nio.file.Path;
import java.time.LocalDate;

/**
 * How the batch turns one tenant folder into a report. The real one does what {@code evaluate} does; tests
 * put in ones that fail or never finish, to show the batch survives them.
 */
@FunctionalInterface
public interface TenantEvaluation {
    /** Throws {@link io.github.mfaeval.load.InputException} for an unusable folder, anything else for a failed evaluation. */
    Report evaluate(Path folder, LocalDate asOf) throws Exception;

    /**
     * Load, evaluate in fresh sessions of the shared rule base, and judge against the tenant's accepted risks.
     * One thread per tenant: the batch already runs a tenant per core, and an interrupt (the time limit) then
     * reaches the thread that runs the rules.
     */
    static TenantEvaluation standard(RuleBase rules) {
        return standard(rules, false, TenantPipeline.DEFAULT_MAX_SIGN_IN_AGE_DAYS);
    }

    /**
     * As {@link #standard(RuleBase)}; {@code manifestAsOf}: no --as-of was given, so a tenant whose manifest
     * sets {@code asOf} (a frozen snapshot) is evaluated as of that date, the others as of the run's date.
     */
    static TenantEvaluation standard(RuleBase rules, boolean manifestAsOf, int maxSignInAgeDays) {
        TenantPipeline pipeline = new TenantPipeline(rules).onOneThread().withMaxSignInAge(maxSignInAgeDays);
        return (folder, asOf) -> pipeline.load(folder, manifestAsOf ? null : asOf, asOf).evaluate();
    }
}
