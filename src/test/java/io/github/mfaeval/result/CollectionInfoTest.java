package io.github.mfaeval.result;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Which applications' sign-ins a collection fetched, read back from what collect wrote in collection.json. */
class CollectionInfoTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PORTAL = "c44b4083-3bb0-49c1-b47d-974e53cbdf3c";
    private static final String CLI = "04b07795-8ddb-461a-bbee-02f9e1bf7b46";

    private static CollectionInfo read(String json) throws Exception {
        return CollectionInfo.of(JSON.readTree(json));
    }

    @Test
    void theRunsFilterNamesTheApplicationsFetchedInAnyCase() throws Exception {
        CollectionInfo c = read("{\"signInFilter\": \"appId of the 2 active application(s) of rules/reference/applications.drl.csv"
                + " (edition 2024-09-24): " + PORTAL.toUpperCase() + ", " + CLI + "\", \"files\": []}");
        assertEquals(Set.of(PORTAL, CLI), c.signInFilterAppIds());
    }

    @Test
    void everySignInOfTheWindowIsNoFilter() throws Exception {
        assertNull(read("{\"signInFilter\": \"none: every sign-in of the window (--all-sign-ins)\", \"files\": []}").signInFilterAppIds());
        assertNull(read("{\"files\": [{\"name\": \"signIns.json\", \"status\": \"collected\"}]}").signInFilterAppIds());
    }

    @Test
    void withoutTheRunsFilterAnApplicationCountsOnlyWhenEveryFilteredFileNamesIt() throws Exception {
        CollectionInfo c = read("{\"files\": [{\"name\": \"signIns-interactiveUser.jsonl.gz\", \"filter\": \"appId: " + PORTAL + ", " + CLI + "\"},"
                + " {\"name\": \"signIns-nonInteractiveUser.jsonl.gz\", \"filter\": \"appId: " + PORTAL + "\"},"
                + " {\"name\": \"signIns-servicePrincipal.jsonl.gz\", \"filter\": \"none\"}]}");
        assertEquals(Set.of(PORTAL), c.signInFilterAppIds());
    }

    @Test
    void aFilterWhoseIdsCannotBeReadFetchedNoApplicationKnown() throws Exception {
        assertEquals(Set.of(), read("{\"signInFilter\": \"appId of the listed applications\", \"files\": []}").signInFilterAppIds());
    }
}
