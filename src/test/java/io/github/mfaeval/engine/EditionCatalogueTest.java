package io.github.mfaeval.engine;

import io.github.mfaeval.TestRules;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The 2026-04-03 edition's catalogue: its own headings, its own files, and the base edition untouched. */
class EditionCatalogueTest {
    static Set<String> headings() throws Exception {
        String doc = Files.readString(TestRules.PROJECT.resolve("docs/editions.md"));
        int from = doc.indexOf("### Headings of the 2026-04-03 page");
        int to = doc.indexOf("###", from + 4);
        Set<String> out = new LinkedHashSet<>();
        Matcher m = Pattern.compile("(?m)^- (.+?)\\s*$").matcher(doc.substring(from, to));
        while (m.find()) out.add(m.group(1));
        return out;
    }

    @Test
    void everyRuleOfTheNewEditionCitesAHeadingOfItsOwnPage() throws Exception {
        Set<String> headings = headings();
        assertTrue(headings.size() >= 10, headings.toString());
        List<String> offenders = new ArrayList<>();
        for (RuleInfo r : TestRules.edition("2026-04-03").catalogue().values()) {
            if (!headings.contains(r.section())) offenders.add(r.id() + " (" + r.file() + "): @section(" + r.section() + ")");
        }
        assertTrue(offenders.isEmpty(), "sections that are not headings of the 2026-04-03 page " + headings + ":\n  " + String.join("\n  ", offenders));
    }

    @Test
    void theNewEditionAddsRulesAndTheBaseKeepsItsOwn() {
        var base = TestRules.base().catalogue();
        var latest = TestRules.edition("2026-04-03").catalogue();
        assertEquals("2024-09-24", TestRules.base().edition().id());
        assertTrue(latest.keySet().containsAll(List.of("MM-ARM-030", "MM-ARM-032", "MM-CLOUD-001", "MM-SCOPE-005", "MM-POST-008", "MM-APP-005")));
        assertTrue(base.keySet().stream().noneMatch(id -> id.startsWith("MM-ARM-") || id.startsWith("MM-CLOUD-")), base.keySet().toString());
        assertEquals("Request more time to prepare for enforcement", base.get("MM-POST-001").section());
        assertEquals("tenant/postponement.drl", base.get("MM-POST-001").file());
        assertEquals("editions/2026-04-03/tenant/postponement.drl", latest.get("MM-POST-001").file());
        // a shared rule: same file, the new page's heading
        assertEquals("user/coverage.drl", latest.get("MM-COV-001").file());
        assertEquals("Prepare for mandatory MFA enforcement", latest.get("MM-COV-001").section());
    }
}
