package io.github.mfaeval.scenario;

import io.github.mfaeval.TestRules;
import io.github.mfaeval.rules.TableSheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Scenario files as tables: one case per row, failures named by file and row, CSV and XLSX alike. */
class ScenarioTableTest {
    private static final String TABLE = """
            Title,Will the enforcement apply to B2B guest accounts?
            FAQ,b2b-guests
            Answer,"Yes, MFA has to be adhered either from the partner resource tenant, or the user's home tenant."

            case,given signIns.json[s-guest-portal].homeTenantId,given crossTenantAccessPolicy.json.default.inboundTrust.isMfaAccepted,expect signIns[s-guest-portal].mfaSatisfied,expect users[u-guest].findings
            a partner that does not trust MFA,t-distrusted,,false,GUEST_HOME_MFA_NOT_TRUSTED
            a partner inheriting a default that trusts MFA,t-inherits,TRUE,true,
            a partner inheriting a default that does not trust MFA (wrongly expected satisfied),t-inherits,,true,
            """;

    @Test
    void aTableRunsItsRowsAndNamesTheFailingRow(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("faq-b2b-guests.csv");
        Files.writeString(file, TABLE);
        Scenario s = ScenarioTable.read(file);
        assertEquals("b2b-guests", s.faq());
        assertEquals(3, s.cases().size());
        List<CaseResult> results = new ScenarioRunner(TestRules.base(), ScenarioTest.DIR).runAll(List.of(s));
        assertTrue(results.get(0).passed(), results.get(0).failures().toString());
        assertTrue(results.get(1).passed(), results.get(1).failures().toString());
        CaseResult wrong = results.get(2);
        assertFalse(wrong.passed());
        assertEquals(file + ", row 8", wrong.location());
        assertTrue(wrong.failures().toString().contains("mfaSatisfied"), wrong.failures().toString());
    }

    @Test
    void theSameTableAsAWorkbookGivesTheSameCases(@TempDir Path tmp) throws Exception {
        Path csv = tmp.resolve("faq-b2b-guests.csv");
        Files.writeString(csv, TABLE);
        List<List<String>> rows = new ArrayList<>();
        for (TableSheet.Line l : TableSheet.read(csv.toString(), Files.readAllBytes(csv))) rows.add(l.cells());
        Path xlsx = tmp.resolve("faq-b2b-guests.xlsx");
        Files.write(xlsx, TableSheet.toWorkbook(rows, "cases"));
        Scenario a = ScenarioTable.read(csv);
        Scenario b = ScenarioTable.read(xlsx);
        assertEquals(a.cases().size(), b.cases().size());
        for (int i = 0; i < a.cases().size(); i++) {
            assertEquals(a.cases().get(i).name(), b.cases().get(i).name());
            assertEquals(a.cases().get(i).line(), b.cases().get(i).line());
            assertEquals(a.cases().get(i).given(), b.cases().get(i).given());
            assertEquals(a.cases().get(i).expect(), b.cases().get(i).expect());
        }
    }

    @Test
    void aColumnThatIsNeitherGivenNorExpectIsNamed(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("faq-b2b-guests.csv");
        Files.writeString(file, TABLE.replace("expect users[u-guest].findings", "users[u-guest].findings"));
        ScenarioFiles.BadScenario e = assertThrows(ScenarioFiles.BadScenario.class, () -> ScenarioTable.read(file));
        assertEquals(file + ", row 5, column E \"users[u-guest].findings\": a column is \"given PATH\", \"expect PATH\", \"as of\" or \"note\"", e.getMessage());
    }

    @Test
    void theFaqTablesAreRunWithTheYamlFiles() throws Exception {
        List<Scenario> all = ScenarioFiles.load(ScenarioTest.DIR);
        for (String table : List.of("faq-b2b-guests.csv", "faq-other-idp.csv", "section-request-more-time-to-prepare-for-enforcement.csv")) {
            assertTrue(all.stream().anyMatch(s -> s.file().getFileName().toString().equals(table) && !s.cases().isEmpty()), table);
        }
    }
}
