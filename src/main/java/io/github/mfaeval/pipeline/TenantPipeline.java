package io.github.mfaeval.pipeline;

import io.github.mfaeval.engine.Evaluator;
import io.github.mfaeval.engine.RuleBase;
import io.github.mfaeval.load.InputException;
import io.github.mfaeval.load.TenantData;
import io.github.mfaeval.load.TenantLoader;
import io.github.mfaeval.result.Report;
import io.github.mfaeval.result.SignInSink;
import io.github.mfaeval.result.SignInVerdict;
import io.github.mfaeval.risk.AcceptedRisks;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The one way a tenant folder becomes a report: read the folder and its accepted risks, settle the evaluation
 * date, evaluate with the rule base, then judge the findings against the accepted risks. {@code evaluate},
 * {@code batch}, {@code scenarios} and the benchmark all go through it, so they cannot drift apart.
 */
public final class TenantPipeline {
    private final Evaluator evaluator;

    public TenantPipeline(RuleBase rules) {
        this(new Evaluator(rules));
    }

    private TenantPipeline(Evaluator evaluator) {
        this.evaluator = evaluator;
    }

    /** The same pipeline with another --max-sign-in-age (days). */
    public TenantPipeline withMaxSignInAge(int days) {
        return new TenantPipeline(evaluator.withMaxSignInAge(days));
    }

    /** The same pipeline with {@code threads} threads parsing sign-in files (same reports). */
    public TenantPipeline withReaders(int threads) {
        return new TenantPipeline(evaluator.withReaders(threads));
    }

    /** The same pipeline on the calling thread only (same reports; for callers that run tenants in parallel). */
    public TenantPipeline onOneThread() {
        return new TenantPipeline(evaluator.onOneThread());
    }

    /**
     * Reads the folder (everything but the sign-ins, which are streamed when evaluated) and its accepted risks.
     * The evaluation date is {@code given} when there is one, else the manifest's {@code asOf} (a frozen
     * snapshot such as the bundled examples), else {@code today}.
     */
    public Tenant load(Path folder, LocalDate given, LocalDate today) throws InputException {
        TenantData data = TenantLoader.load(folder);
        AcceptedRisks accepted = AcceptedRisks.read(folder);
        LocalDate day = given != null ? given : data.tenant.getAsOf() != null ? data.tenant.getAsOf() : today;
        return new Tenant(data, accepted, day);
    }

    /** {@link #load(Path, LocalDate, LocalDate)} with today's date (UTC) when neither is given. */
    public Tenant load(Path folder, LocalDate given) throws InputException {
        return load(folder, given, LocalDate.now(ZoneOffset.UTC));
    }

    /** Load and evaluate in one step, every sign-in verdict kept in the report. */
    public Report evaluate(Path folder, LocalDate given) throws InputException, IOException {
        return load(folder, given).evaluate();
    }

    /** A folder read and its evaluation date settled, ready to evaluate. */
    public final class Tenant {
        private final TenantData data;
        private final AcceptedRisks accepted;
        private final LocalDate asOf;

        private Tenant(TenantData data, AcceptedRisks accepted, LocalDate asOf) {
            this.data = data;
            this.accepted = accepted;
            this.asOf = asOf;
        }

        public TenantData data() {
            return data;
        }

        public LocalDate asOf() {
            return asOf;
        }

        /** What the report's head says before any sign-in is read (a streamed report writes it first). */
        public Report.TenantRef tenantRef() {
            return Report.TenantRef.of(data.tenant);
        }

        /** What looks wrong in the folder but changes no verdict. */
        public List<String> warnings() {
            return data.warnings;
        }

        /**
         * Evaluates, handing each sign-in verdict to {@code sink} as soon as it is decided; the report (accepted
         * risks applied) keeps none of them.
         */
        public Report evaluate(SignInSink sink) throws IOException {
            return accepted.apply(evaluator.evaluate(data, asOf, sink));
        }

        /** Evaluates and keeps every sign-in verdict in the report. */
        public Report evaluate() throws IOException {
            List<SignInVerdict> verdicts = new ArrayList<>();
            return evaluate(verdicts::add).withSignIns(verdicts);
        }
    }
}
