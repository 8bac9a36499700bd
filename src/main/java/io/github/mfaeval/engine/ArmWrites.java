package io.github.mfaeval.engine;

import io.github.mfaeval.result.Rejection;
import io.github.mfaeval.model.ActivityLogRead;
import io.github.mfaeval.model.ArmEvent;
import io.github.mfaeval.model.ArmOperation;
import io.github.mfaeval.model.ArmTally;
import io.github.mfaeval.result.ArmWriteVerdict;

import io.github.mfaeval.result.ActivityLogPeriod;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tenant's Azure Activity Log: every record read is an event, a rejection or a duplicate
 * (read by the intake, {@code load.activity.ActivityLog}, with {@code ArmEventCopies}: by {@code eventDataId}, else correlation id, operation, status, time and caller,
 * across files and shapes); the events of one operation (same correlation id, operation name and caller:
 * Started, Accepted, Succeeded/Failed) make one {@link ArmOperation} fact for the rules. An activity log covers 90 days at most, so operations are held in
 * memory.
 */
final class ArmWrites {
    final boolean present;
    long read;
    long rejected;
    long duplicates;
    final Map<String, Long> recordsPerFile = new LinkedHashMap<>();
    final Map<String, ArmOperation> operations = new LinkedHashMap<>();
    /** The earliest and latest time of the events read (duplicates and rejections aside); null when none. */
    Instant first;
    Instant last;

    private ArmWrites(boolean present) {
        this.present = present;
    }

    static ArmWrites of(ActivityLogRead log) {
        ArmWrites w = new ArmWrites(log.present());
        w.read = log.read();
        w.rejected = log.rejected();
        w.duplicates = log.duplicates();
        w.recordsPerFile.putAll(log.recordsPerFile());
        w.fold(log.events());
        w.correlate();
        return w;
    }

    /** The events that are no copies folded into operations, in reading order. */
    private void fold(List<ArmEvent> events) {
        for (ArmEvent e : events) {
            operations.computeIfAbsent(e.operationKey(), k -> new ArmOperation(k, e.operation())).add(e);
            span(e.time());
        }
    }

    /** Records read that were neither rejected nor copies: read = evaluated + rejected + duplicates. */
    long evaluated() {
        return read - rejected - duplicates;
    }

    /**
     * Lets each operation see the others of the same request (same correlation id): an Azure Policy audit event and
     * the write it audited are two operations of one request; the rules decide what that means.
     */
    private void correlate() {
        Map<String, List<ArmOperation>> byRequest = new LinkedHashMap<>();
        for (ArmOperation o : operations.values()) {
            if (!o.getCorrelationId().isEmpty()) byRequest.computeIfAbsent(o.getCorrelationId(), k -> new ArrayList<>()).add(o);
        }
        for (List<ArmOperation> request : byRequest.values()) {
            if (request.size() < 2) continue;
            for (ArmOperation a : request) for (ArmOperation b : request) if (a != b) a.correlate(b);
        }
    }

    private void span(Instant t) {
        if (t == null) return;
        if (first == null || t.isBefore(first)) first = t;
        if (last == null || t.isAfter(last)) last = t;
    }

    /** The period the log covers, for the report's inputs.activityLogPeriod; null without a log. */
    ActivityLogPeriod period() {
        return present ? new ActivityLogPeriod(first, last) : null;
    }

    List<ArmOperation> operations() {
        return new ArrayList<>(operations.values());
    }

    long inScope() {
        return operations.values().stream().filter(ArmOperation::isInScope).count();
    }

    long withoutMfa() {
        return operations.values().stream().filter(o -> o.isInScope() && !o.isMfa()).count();
    }

    /**
     * Each in-scope operation's tally under the key of the user it belongs to: {@code keyOf} maps the
     * operation to a directory user's id (by object id or UPN) or a key of its own.
     */
    Map<String, ArmTally> tallies(java.util.function.Function<ArmOperation, String> keyOf) {
        Map<String, ArmTally> out = new LinkedHashMap<>();
        for (ArmOperation o : operations.values()) {
            if (o.isInScope()) out.computeIfAbsent(keyOf.apply(o), k -> new ArmTally()).add(o);
        }
        return out;
    }

    List<ArmWriteVerdict> verdicts(java.util.function.Function<ArmOperation, String> nameOf) {
        List<ArmWriteVerdict> out = new ArrayList<>();
        for (ArmOperation o : operations.values()) {
            if (!o.isInScope()) continue;
            out.add(new ArmWriteVerdict(o.getTime(), nameOf.apply(o), o.getOperation(), List.copyOf(o.getStatuses()), o.isMfa(),
                    o.isEnforcementActive(), o.isFailed(), o.getClientAppId().isEmpty() ? null : o.getClientAppId(),
                    List.copyOf(o.getRules()), List.copyOf(o.getSources()), o.getPolicyVerdict()));
        }
        out.sort(Comparator.comparing(ArmWriteVerdict::time, Comparator.nullsLast(Comparator.naturalOrder())));
        return out;
    }
}
