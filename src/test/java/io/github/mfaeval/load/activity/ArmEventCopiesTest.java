package io.github.mfaeval.load.activity;

import io.github.mfaeval.model.ArmEvent;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which Activity Log events are copies (issue 24): ids identify, callers never merge, the order read does not matter. */
class ArmEventCopiesTest {
    private static final Instant T = Instant.parse("2025-11-25T08:00:00Z");

    private static ArmEvent event(String id, String correlation, String caller) {
        return new ArmEvent(id, correlation, T, caller, "", caller.contains("@") ? caller : "", "user", "",
                "microsoft.keyvault/vaults/write", "administrative", "SUCCEEDED", Set.of(), true, Set.of(), "", "test");
    }

    @Test
    void distinctIdsAreDistinctEventsEvenWithTheSameContent() {
        assertArrayEquals(new boolean[] {false, false}, ArmEventCopies.of(List.of(event("e1", "", "alice@x"), event("e2", "", "alice@x"))));
    }

    @Test
    void theSameIdIsACopyWhateverElseDiffers() {
        assertArrayEquals(new boolean[] {false, true}, ArmEventCopies.of(List.of(event("e1", "c1", "alice@x"), event("E1", "", "bob@x"))));
    }

    @Test
    void withoutAnIdTheCallerIsPartOfTheKey() {
        assertArrayEquals(new boolean[] {false, false, true},
                ArmEventCopies.of(List.of(event("", "", "alice@x"), event("", "", "bob@x"), event("", "", "bob@x"))));
    }

    @Test
    void anEventWithoutIdRepeatingOneWithAnIdIsACopyInEitherOrder() {
        assertArrayEquals(new boolean[] {false, true}, ArmEventCopies.of(List.of(event("e1", "c1", "alice@x"), event("", "c1", "alice@x"))));
        assertArrayEquals(new boolean[] {true, false}, ArmEventCopies.of(List.of(event("", "c1", "alice@x"), event("e1", "c1", "alice@x"))));
        assertArrayEquals(new boolean[] {false, false}, ArmEventCopies.of(List.of(event("", "c1", "alice@x"), event("e1", "c1", "bob@x"))));
    }

    /** Events drawn from few ids, correlations and callers, so that copies are frequent: the number of copies never depends on the order. */
    @Property(tries = 200)
    void theNumberOfCopiesDoesNotDependOnTheOrder(@ForAll @Size(max = 30) List<@net.jqwik.api.constraints.IntRange(min = 0, max = 26) Integer> codes,
                                                  @ForAll long seed) {
        String[] ids = {"", "", "e1", "e2"};
        String[] correlations = {"", "c1", "c2"};
        String[] callers = {"alice@x", "bob@x"};
        List<ArmEvent> events = new ArrayList<>();
        for (int c : codes) events.add(event(ids[c % 4], correlations[(c / 4) % 3], callers[(c / 12) % 2]));
        long copies = count(ArmEventCopies.of(events));
        Collections.shuffle(events, new Random(seed));
        assertEquals(copies, count(ArmEventCopies.of(events)));
    }

    private static long count(boolean[] flags) {
        long n = 0;
        for (boolean f : flags) if (f) n++;
        return n;
    }
}
