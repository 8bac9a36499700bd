package io.github.mfaeval.pipeline;

import io.github.mfaeval.engine.SignInTotals;
import io.github.mfaeval.model.DirectoryUser;
import io.github.mfaeval.load.text.Position;
import io.github.mfaeval.load.signin.SignInReader;
import io.github.mfaeval.model.Finding;
import io.github.mfaeval.model.SignIn;
import io.github.mfaeval.model.SignInTally;
import io.github.mfaeval.result.Rejection;
import io.github.mfaeval.result.SignInPeriod;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the sign-in step leaves for {@link TenantPipeline#finish}: every count of the summary, the rejections, the
 * records read per file, per user their tallies, and the findings of the sign-in stage. Made by
 * {@link TenantPipeline#signIns}, or on a cluster's driver from the executors' shares and the files' parts.
 */
public final class SignInResults {
    final SignInTotals totals;
    final List<Finding> findings = new ArrayList<>();
    final Set<String> fired = new TreeSet<>();

    SignInResults(SignInTotals totals) {
        this.totals = totals;
    }

    /** The rejections so far. */
    public List<Rejection> rejections() {
        return totals.rejected;
    }

    /**
     * Puts one file's parts back together, in order, as reading it whole does: positions of rejections in later parts
     * moved by the records and lines before them, the first rejections of the file listed and the rest summed up;
     * the file counted with {@code records} (the tenant's share of them), its records of other tenants' logs
     * ({@code others}, by log tenant) left out as the sign-in step leaves them out (same warning).
     */
    public void addFile(String label, List<SignInParts.ReadEvent> read, long records, Map<String, Long> others) {
        SignInReader.FileAssembler assembler = new SignInReader.FileAssembler(label, new SignInReader.Sink() {
            @Override
            public void signIn(SignIn signIn) {
                throw new IllegalStateException("sign-ins are judged on the executors");
            }

            @Override
            public void rejected(Rejection r) {
                totals.rejectedCount += r.records();
                totals.rejected.add(r);
            }
        });
        for (SignInParts.ReadEvent x : read) {
            if (x.end()) {
                assembler.add(new SignInReader.PartResult(null, null, null, x.partRecords(), x.partLines()));
            } else {
                assembler.rejected(x.index() < 0 ? null : new Position(x.index(), x.line()), x.where(), x.reason(), x.records());
            }
        }
        assembler.finish();
        totals.read += records;
        totals.recordsPerFile.put(label, records);
        totals.otherTenants.add(label, others);
    }

    /** What the executors' shares of the tenant added up to (Spark merges them). */
    public void addShare(long duplicates, long inScope, long satisfied, long notSatisfied, SignInPeriod.Builder period,
                         Collection<Finding> shareFindings, Collection<String> shareFired) {
        totals.duplicates = duplicates;
        totals.inScope = inScope;
        totals.satisfied = satisfied;
        totals.notSatisfied = notSatisfied;
        totals.period.merge(period);
        findings.addAll(shareFindings);
        fired.addAll(shareFired);
    }

    /** A user's tally, and the user as the sign-ins show them, in the order of their first sign-in. */
    public void addUser(String key, SignInTally tally, DirectoryUser seenAs) {
        totals.tallies.put(key, tally);
        totals.seenUsers.put(key, seenAs);
    }
}
