package io.github.mfaeval.load.activity;

import io.github.mfaeval.model.ArmEvent;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which Activity Log events are copies of others: the same event exported twice, in one shape or in several
 * (an ARM REST list and diagnostic records of the same days). An event's {@code eventDataId} identifies it when
 * present, so two events with different ids are never copies, whatever else they share. An event without one
 * (diagnostic records carry none) is a copy when another event, with or without an id, has the same correlation
 * id, operation, status, time and caller ({@link ArmEvent#contentKey()}); events of different callers are never
 * copies. The verdict does not depend on the order the events were read in: only which copy is kept does.
 */
public final class ArmEventCopies {
    private ArmEventCopies() {
    }

    /** For each event, in the order given, whether it is a copy of one before it or of an event with an id. */
    public static boolean[] of(List<ArmEvent> events) {
        boolean[] copy = new boolean[events.size()];
        Set<String> ids = new HashSet<>();
        Set<String> contentOfIdentified = new HashSet<>();
        for (int i = 0; i < copy.length; i++) {
            ArmEvent e = events.get(i);
            String id = e.idKey();
            if (id == null) continue;
            copy[i] = !ids.add(id);
            // every copy's content, not only the kept one's: which copy is kept must not decide what else is a copy
            contentOfIdentified.add(e.contentKey());
        }
        Set<String> contentSeen = new HashSet<>();
        for (int i = 0; i < copy.length; i++) {
            ArmEvent e = events.get(i);
            if (e.idKey() != null) continue;
            String content = e.contentKey();
            copy[i] = contentOfIdentified.contains(content) || !contentSeen.add(content);
        }
        return copy;
    }
}
