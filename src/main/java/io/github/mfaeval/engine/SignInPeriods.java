package io.github.mfaeval.engine;

import io.github.mfaeval.load.SignInKind;
import io.github.mfaeval.model.SignIn;
import io.github.mfaeval.report.Inputs;

import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * First and last createdDateTime of the evaluated sign-ins, overall and per kind, and how many of each kind:
 * what the report's {@code inputs.signInPeriod} shows. Minimum and maximum, so the result does not depend on
 * the order files or records are read in.
 */
public final class SignInPeriods implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    private static final class Range implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        Instant first;
        Instant last;
        long count;

        void add(Instant at) {
            count++;
            if (at == null) return;
            if (first == null || at.isBefore(first)) first = at;
            if (last == null || at.isAfter(last)) last = at;
        }

        void merge(Range o) {
            count += o.count;
            if (o.first != null && (first == null || o.first.isBefore(first))) first = o.first;
            if (o.last != null && (last == null || o.last.isAfter(last))) last = o.last;
        }
    }

    private final Range all = new Range();
    private final Map<SignInKind, Range> kinds = new EnumMap<>(SignInKind.class);

    public void add(SignIn s, SignInKind kind) {
        all.add(s.getCreatedDateTime());
        kinds.computeIfAbsent(kind, k -> new Range()).add(s.getCreatedDateTime());
    }

    /** Adds the periods of sign-ins counted elsewhere (another executor of a cluster): min and max, so order does not matter. */
    public void merge(SignInPeriods o) {
        all.merge(o.all);
        o.kinds.forEach((kind, r) -> kinds.computeIfAbsent(kind, k -> new Range()).merge(r));
    }

    Instant first() { return all.first; }
    Instant last() { return all.last; }

    /** For the report: null when no sign-in was evaluated. */
    Inputs.SignInPeriod toReport() {
        if (all.count == 0) return null;
        Map<String, Inputs.KindPeriod> byKind = new LinkedHashMap<>();
        kinds.forEach((kind, r) -> byKind.put(key(kind), new Inputs.KindPeriod(r.first, r.last, r.count)));
        return new Inputs.SignInPeriod(all.first, all.last, byKind);
    }

    /** The kind's name in the report: interactive, nonInteractive, user (interactivity unknown), workloadIdentity. */
    static String key(SignInKind kind) {
        return switch (kind) {
            case INTERACTIVE -> "interactive";
            case NON_INTERACTIVE -> "nonInteractive";
            case USER -> "user";
            case WORKLOAD -> "workloadIdentity";
        };
    }
}
