package io.github.mfaeval.batch;

import io.github.mfaeval.TestRules;
import io.github.mfaeval.result.Changes;
import io.github.mfaeval.result.Report;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Last night the example tenants; tonight contoso lost its registration export (so its break-glass account
 * is no longer known to have a passkey), northwind is gone, one new tenant came, and one tenant breaks.
 */
class HistoryTest {
    @TempDir
    Path temp;

    @Test
    void reportsAndSummarySayWhatChangedSinceTheBaseline() throws Exception {
        Path lastNight = temp.resolve("t1");
        for (String t : GeneratedTenants.TEMPLATES) GeneratedTenants.copy(TestRules.EXAMPLES.resolve(t), lastNight.resolve(t));
        GeneratedTenants.derive(TestRules.EXAMPLES.resolve("contoso-ready"), lastNight.resolve("soon-broken"), "feed0001");
        Path tonight = temp.resolve("t2");
        GeneratedTenants.copy(TestRules.EXAMPLES.resolve("contoso-ready"), tonight.resolve("contoso-ready"));
        Files.delete(tonight.resolve("contoso-ready/userRegistrationDetails.json"));
        GeneratedTenants.copy(TestRules.EXAMPLES.resolve("fabrikam-gaps"), tonight.resolve("fabrikam-gaps"));
        GeneratedTenants.derive(TestRules.EXAMPLES.resolve("northwind-guests"), tonight.resolve("newcomer"), "feed0002");
        GeneratedTenants.derive(TestRules.EXAMPLES.resolve("contoso-ready"), tonight.resolve("soon-broken"), "feed0001");
        Files.writeString(tonight.resolve("soon-broken/tenant.json"), "{}");

        BatchTestSupport batch = new BatchTestSupport();
        Path out1 = temp.resolve("out1");
        Path out2 = temp.resolve("out2");
        BatchSummary first = batch.run(lastNight, out1, null);
        assertNull(first.changes(), "no baseline, no changes block");
        assertNull(BatchTestSupport.report(out1, "contoso-ready").changes());
        BatchSummary second = batch.run(tonight, out2, out1);

        Changes contoso = BatchTestSupport.report(out2, "contoso-ready").changes();
        assertEquals("READY", contoso.previousStatus());
        assertEquals("ACTION_REQUIRED", contoso.status());
        assertTrue(contoso.statusChanged());
        assertEquals(List.of("BREAK_GLASS_NOT_PHISHING_RESISTANT", "INPUT_MISSING"),
                contoso.newFindings().stream().map(Changes.FindingRef::code).sorted().toList());
        assertEquals(List.of(), contoso.resolvedFindings());
        assertEquals(List.of("breakglass01@contoso.com"), contoso.usersNoLongerReady().stream().map(Changes.UserRef::userPrincipalName).toList());
        assertEquals(List.of(), contoso.usersBecameReady());

        Report fabrikam = BatchTestSupport.report(out2, "fabrikam-gaps");
        assertFalse(fabrikam.changes().statusChanged());
        assertEquals(List.of(), fabrikam.changes().newFindings());
        assertEquals(List.of(), fabrikam.changes().resolvedFindings());
        assertEquals(fabrikam.findings().size(), fabrikam.changes().unchangedFindings());

        Changes newcomer = BatchTestSupport.report(out2, "newcomer").changes();
        assertNull(newcomer.previousStatus(), "not in the baseline");
        assertFalse(newcomer.compared());

        Map<String, TenantRow> rows = second.tenants().stream().collect(Collectors.toMap(TenantRow::tenant, r -> r));
        assertEquals("READY", rows.get("soon-broken").changes().previousStatus());
        assertTrue(rows.get("soon-broken").changes().statusChanged(), "READY to FAILED");
        assertEquals(2, rows.get("contoso-ready").changes().findingsNew());
        assertEquals(1, rows.get("contoso-ready").changes().usersNoLongerReady());

        BatchSummary.RunChanges run = second.changes();
        assertEquals(List.of("newcomer"), run.tenantsNew());
        assertEquals(List.of("northwind-guests"), run.tenantsGone());
        assertEquals(2, run.statusChanges(), "contoso and soon-broken");
        assertEquals(2, run.findingsNew());
        assertEquals(0, run.findingsResolved());
        assertTrue(Files.readString(out2.resolve("summary.csv")).lines().findFirst().orElseThrow().contains("previousStatus"));

        // And back again: the fix resolves the findings and makes the account ready again.
        Path out3 = temp.resolve("out3");
        batch.run(lastNight, out3, out2);
        Changes fixed = BatchTestSupport.report(out3, "contoso-ready").changes();
        assertEquals(List.of("BREAK_GLASS_NOT_PHISHING_RESISTANT", "INPUT_MISSING"),
                fixed.resolvedFindings().stream().map(Changes.FindingRef::code).sorted().toList());
        assertEquals(List.of("breakglass01@contoso.com"), fixed.usersBecameReady().stream().map(Changes.UserRef::userPrincipalName).toList());
        assertEquals("FAILED", BatchTestSupport.report(out3, "soon-broken").changes().previousStatus());
    }
}
