package io.github.mfaeval.engine;

import io.github.mfaeval.load.CaPolicyRecord;
import io.github.mfaeval.load.TenantData;
import io.github.mfaeval.model.ArmInput;
import io.github.mfaeval.model.CaPolicy;
import io.github.mfaeval.model.Finding;
import io.github.mfaeval.model.PhaseSchedule;
import io.github.mfaeval.model.SignInTally;
import io.github.mfaeval.model.UserFact;
import io.github.mfaeval.result.Inputs;
import io.github.mfaeval.result.Rejection;
import io.github.mfaeval.result.Readiness;
import io.github.mfaeval.result.Report;
import io.github.mfaeval.result.ScheduleEntry;
import io.github.mfaeval.result.Summary;
import io.github.mfaeval.result.UserVerdict;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The report of a tenant once every stage has run: the schedule's entries, the findings (once each, in report order),
 * each user's verdict, the summary's counts, the inputs read and the tenant's status. Each number is computed here
 * once; the renderers only read it.
 */
final class ReportAssembly {
    private ReportAssembly() {
    }

    static Report assemble(RuleBase rules, TenantData data, LocalDate asOf, TenantStage tenant, SignInTotals totals,
                           List<UserFact> users, List<Rejection> rejected, ArmWrites arm) {
        FindingSink findings = tenant.findings;
        List<ScheduleEntry> entries = new ArrayList<>();
        for (PhaseSchedule p : tenant.schedule) {
            boolean enforced = p.isEnforcedOn(asOf);
            ScheduleEntry.State state = p.isNotEnforced() ? ScheduleEntry.State.NOT_ENFORCED
                    : enforced ? ScheduleEntry.State.ENFORCED
                    : p.isSelfEnforced() ? ScheduleEntry.State.SELF_ENFORCED : ScheduleEntry.State.UPCOMING;
            boolean ahead = state == ScheduleEntry.State.UPCOMING || state == ScheduleEntry.State.SELF_ENFORCED;
            entries.add(new ScheduleEntry(p.getPhase(), p.getStart(), p.isPostponed(), state,
                    ahead ? ChronoUnit.DAYS.between(asOf, p.getStart()) : 0, List.copyOf(p.getRules()),
                    p.getSource(), p.getSourceCollectedAt(), state == ScheduleEntry.State.SELF_ENFORCED ? p.getSelfEnforcedSince() : null,
                    List.copyOf(p.getPolicyEvidence())));
        }
        // Facts are judged in chunks (one session each): a rule that fires in every chunk about the same subject
        // says the same thing again; the report says it once.
        List<Finding> all = new ArrayList<>(new java.util.LinkedHashSet<>(findings.findings()));
        all.sort(Finding.REPORT_ORDER);
        // Which findings block readiness, and the status, are the rules' (reference/readiness.drl.csv): set here once.
        Readiness readiness = rules.actionCatalogue().readiness();
        all = new ArrayList<>(readiness.decide(all));
        Map<String, Boolean> userBlocked = new HashMap<>();
        for (Finding f : all) {
            if (f.blocksReadiness()) userBlocked.put(f.subject(), true);
        }
        List<UserVerdict> userVerdicts = new ArrayList<>();
        int inScopeUsers = 0;
        int readyUsers = 0;
        for (UserFact u : users) {
            boolean ready = !userBlocked.containsKey(u.getId());
            if (u.isInScope()) {
                inScopeUsers++;
                if (ready) readyUsers++;
            }
            SignInTally t = u.getSignIns();
            userVerdicts.add(new UserVerdict(u.getId(), u.getUserPrincipalName(), u.isInScope(), ready,
                    List.copyOf(u.getCoveredBy()), List.copyOf(u.getFindings()),
                    new UserVerdict.SignInCounts(t.getInScope(), t.getSatisfied(), t.getUnsatisfied(), t.getFirstPhase()), List.copyOf(u.getRules())));
        }
        long evaluated = totals.read - totals.rejectedCount - totals.duplicates;
        Summary summary = new Summary(totals.read, evaluated, totals.rejectedCount, totals.duplicates, totals.inScope,
                totals.satisfied, totals.notSatisfied, users.size(), inScopeUsers, readyUsers, all.size(),
                arm.present ? arm.read : null, arm.present ? arm.evaluated() : null, arm.present ? arm.rejected : null,
                arm.present ? arm.duplicates : null, arm.present ? arm.inScope() : null, arm.present ? arm.withoutMfa() : null);
        List<Inputs.FileRead> files = new ArrayList<>();
        data.filesRead.forEach((name, count) -> files.add(new Inputs.FileRead(name, count)));
        totals.recordsPerFile.forEach((name, count) -> files.add(new Inputs.FileRead(name, count)));
        arm.recordsPerFile.forEach((name, count) -> files.add(new Inputs.FileRead(name, count)));
        List<String> missing = new ArrayList<>(data.missing.stream().map(m -> m.getFile()).toList());
        // An edition that needs the activity log says so with INPUT_MISSING naming it.
        if (all.stream().anyMatch(f -> f.code().equals("INPUT_MISSING") && f.subject().equals(ArmInput.FILE))) missing.add(ArmInput.FILE);
        Inputs inputs = new Inputs(data.folder.toString(), files, missing, rejected, totals.period.build(), policies(data),
                data.collection, List.copyOf(findings.incompleteEvidence()), warnings(data, totals), arm.period());
        Report.Status status = readiness.status(inputs, all);
        return new Report(Report.SCHEMA_VERSION,
                Report.TenantRef.of(data.tenant),
                asOf, status, entries, null, userVerdicts, all, summary,
                inputs,
                new Report.RulesUsed(rules.source() == null ? "(packaged)" : rules.source().toString(), rules.fingerprint(), List.copyOf(tenant.fired),
                        List.copyOf(tenant.classified), rules.actionCatalogue()));
    }

    /** The tenant folder's warnings, then the records of other tenants' logs left out of its files. */
    private static List<String> warnings(TenantData data, SignInTotals totals) {
        List<String> all = new ArrayList<>(data.warnings);
        all.addAll(totals.otherTenants.warnings(data.tenant.getTenantId()));
        return List.copyOf(all);
    }

    private static List<Inputs.Policy> policies(TenantData data) {
        List<Inputs.Policy> out = new ArrayList<>();
        for (CaPolicyRecord p : data.caPolicies) {
            CaPolicy c = p.policy();
            out.add(new Inputs.Policy(c.getId(), c.getDisplayName(), c.getState() == null ? null : c.getState().toString()));
        }
        return out;
    }
}
