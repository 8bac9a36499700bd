package io.github.mfaeval.result;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which period the evaluated sign-ins cover: the first and last sign-in, overall and per kind (interactive,
 * non-interactive, user, workload). A READY from year-old sign-ins is not a READY from yesterday's: the
 * renderers put this next to the verdict. Null in a report when no sign-in was evaluated.
 */
public record SignInPeriod(Instant first, Instant last, Map<String, Kind> kinds) {
    public record Kind(Instant first, Instant last, long count) {
    }

    /** Collects the period while sign-ins are read. */
    public static final class Builder implements java.io.Serializable {
        private static final class Span implements java.io.Serializable {
            Instant first, last;
            long count;
        }

        private final Map<String, Span> kinds = new TreeMap<>();

        /** The span of the kind added last: sign-ins come in long runs of one kind (one file after the other). */
        private transient String lastKind;
        private transient Span lastSpan;

        public void add(String kind, Instant at) {
            if (at == null) return;
            Span k;
            if (kind == lastKind && kind != null) {
                k = lastSpan;
            } else {
                k = kinds.computeIfAbsent(kind, x -> new Span());
                lastKind = kind;
                lastSpan = k;
            }
            if (k.first == null || at.isBefore(k.first)) k.first = at;
            if (k.last == null || at.isAfter(k.last)) k.last = at;
            k.count++;
        }

        /** Adds what another builder saw (sign-ins counted elsewhere, e.g. on another executor of a cluster). */
        public void merge(Builder o) {
            if (o == null) return;
            for (Map.Entry<String, Span> e : o.kinds.entrySet()) {
                Span k = kinds.computeIfAbsent(e.getKey(), x -> new Span());
                Span x = e.getValue();
                if (k.first == null || x.first.isBefore(k.first)) k.first = x.first;
                if (k.last == null || x.last.isAfter(k.last)) k.last = x.last;
                k.count += x.count;
            }
        }

        public SignInPeriod build() {
            if (kinds.isEmpty()) return null;
            Instant first = null, last = null;
            Map<String, Kind> out = new TreeMap<>();
            for (Map.Entry<String, Span> e : kinds.entrySet()) {
                Span k = e.getValue();
                if (first == null || k.first.isBefore(first)) first = k.first;
                if (last == null || k.last.isAfter(last)) last = k.last;
                out.put(e.getKey(), new Kind(k.first, k.last, k.count));
            }
            return new SignInPeriod(first, last, out);
        }
    }
}
