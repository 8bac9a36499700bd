package io.github.mfaeval.engine;

import io.github.mfaeval.model.DirectoryUser;
import io.github.mfaeval.model.SignInTally;
import io.github.mfaeval.result.OtherTenantCounts;
import io.github.mfaeval.result.Rejection;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the sign-in stage leaves for the user and tenant stages: every count of the summary, the rejections,
 * the records read per file, and per user their tallies and how they first appeared. Filled by the sign-in step
 * ({@link SignInChunks}, {@link SignInStage#count}), or by a caller that read and evaluated the sign-ins elsewhere
 * (a cluster).
 */
public final class SignInTotals {
    public long read, rejectedCount, duplicates, inScope, satisfied, notSatisfied;
    public final List<Rejection> rejected = new ArrayList<>();
    public final Map<String, Long> recordsPerFile = new LinkedHashMap<>();
    /** Records of other tenants' logs left out, per file (not read, not evaluated; inputs.warnings). */
    public final OtherTenantCounts otherTenants = new OtherTenantCounts();
    public final Map<String, SignInTally> tallies = new HashMap<>();
    /** Users seen only in sign-ins, in the order of their first evaluated sign-in. */
    public final Map<String, DirectoryUser> seenUsers = new LinkedHashMap<>();
    /** The period the evaluated (not duplicate) sign-ins cover, per kind: the report's inputs.signInPeriod. */
    public final io.github.mfaeval.result.SignInPeriod.Builder period = new io.github.mfaeval.result.SignInPeriod.Builder();
}
