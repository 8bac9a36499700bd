package io.github.mfaeval.scenario;

import io.github.mfaeval.TestRules;
import io.github.mfaeval.engine.RuleBase;
import io.github.mfaeval.engine.RuleInfo;
import io.github.mfaeval.model.Finding;
import io.github.mfaeval.result.Report;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rules cite the FAQ they implement by its id (@section("faq:b2b-guests")), never the generic "FAQs" heading; reports
 * still show the heading the FAQ sits under on the page.
 */
class FaqCitationTest {
    private static Path faqsOf(String edition) {
        Path dir = TestRules.PROJECT.resolve("test-scenarios");
        return edition.equals("2024-09-24") ? dir : dir.resolve("editions").resolve(edition);
    }

    @Test
    void everyFaqARuleCitesIsAnFaqOfItsEdition() throws Exception {
        for (String edition : TestRules.editions()) {
            Map<String, String> faqs = Faqs.load(faqsOf(edition));
            RuleBase rules = TestRules.edition(edition);
            int citing = 0;
            for (RuleInfo r : rules.catalogue().values()) {
                if (r.faq() != null) {
                    citing++;
                    assertTrue(faqs.containsKey(r.faq()), edition + ": " + r.id() + " cites faq:" + r.faq() + ", which is not in faqs.yaml");
                    assertEquals(RuleInfo.FAQ_HEADING, r.section(), r.id());
                } else {
                    assertFalse(r.section().equals(RuleInfo.FAQ_HEADING), edition + ": " + r.id() + " (" + r.file()
                            + ") cites the generic FAQs heading: name the FAQ, @section(\"faq:ID\")");
                }
            }
            assertTrue(citing > 20, edition + ": " + citing);
        }
    }

    @Test
    void aFindingOfARuleCitingAnFaqShowsTheFaqsHeadingAsBefore() {
        Report r = TestRules.evaluate(TestRules.EXAMPLES.resolve("northwind-guests"), TestRules.AS_OF, "2024-09-24");
        Finding guest = r.findings().stream().filter(f -> f.code().equals("GUEST_HOME_MFA_NOT_TRUSTED")).findFirst().orElseThrow();
        assertEquals("FAQs", guest.section());
        assertEquals("faq:b2b-guests".substring(4), TestRules.base().catalogue().get(guest.rule()).faq());
    }
}
