package io.github.mfaeval.load.signin;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HashedIdSetTest {
    @Test
    void remembersEveryIdThroughGrowth() {
        HashedIdSet set = new HashedIdSet();
        Set<String> reference = new HashSet<>();
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 200_000; i++) {
            String id = new UUID(random.nextLong(), random.nextLong()).toString();
            assertEquals(reference.add(id), set.add(id), id);
        }
        for (String id : reference) assertFalse(set.add(id), id);
        assertEquals(reference.size(), set.size());
    }

    @Test
    void anIdIsAddedOnce() {
        HashedIdSet set = new HashedIdSet();
        assertTrue(set.add("a"));
        assertFalse(set.add("a"));
        assertTrue(set.add(""));
        assertFalse(set.add(""));
        assertEquals(2, set.size());
    }

    @Test
    void guidsAreComparedAsExact128BitValues() {
        HashedIdSet set = new HashedIdSet();
        // the same 64-bit FNV-1a hash (see HostileInputTest): two sign-ins, not one
        assertTrue(set.add("00000000-0000-4000-a7f4-344b2ac65c88"));
        assertTrue(set.add("00000000-0000-4000-896e-6ad09c761fae"));
        // a GUID is the same GUID in either case; the nil GUID is remembered like any other
        assertFalse(set.add("00000000-0000-4000-A7F4-344B2AC65C88"));
        assertTrue(set.add("00000000-0000-0000-0000-000000000000"));
        assertFalse(set.add("00000000-0000-0000-0000-000000000000"));
        assertEquals(3, set.size());
    }

    @Test
    void idsThatAreNoGuidsAreKeptWhole() {
        HashedIdSet set = new HashedIdSet();
        // 36 characters, shaped like a GUID but not one: compared as strings, exactly
        assertTrue(set.add("00000000-0000-4000-a7f4-344b2ac65c8g"));
        assertTrue(set.add("00000000_0000-4000-a7f4-344b2ac65c88"));
        assertTrue(set.add("00000000-0000-4000-a7f4-344b2ac65c88"));
        assertTrue(set.add("\uff10".repeat(36)));
        assertFalse(set.add("00000000-0000-4000-a7f4-344b2ac65c8g"));
        assertEquals(4, set.size());
    }
}
