package io.github.mfaeval.engine;

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
    void theHashDependsOnEveryCharacter() {
        assertFalse(HashedIdSet.hash("3f1c7a52-6b0e-4c8e-9d57-1a2b3c4d5e01") == HashedIdSet.hash("3f1c7a52-6b0e-4c8e-9d57-1a2b3c4d5e02"));
        assertFalse(HashedIdSet.hash("ab") == HashedIdSet.hash("ba"));
    }
}
