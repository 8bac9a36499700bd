package io.github.mfaeval.report;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SourceSectionTest {
    @Test
    void linksToTheHeadingOnLearn() {
        assertEquals(SourceSection.ARTICLE + "#request-more-time-to-prepare-for-enforcement",
                SourceSection.url("Request more time to prepare for enforcement"));
        assertEquals(SourceSection.ARTICLE + "#faqs", SourceSection.url("FAQs"));
        assertEquals(SourceSection.ARTICLE + "#external-authentication-methods-and-identity-providers",
                SourceSection.url("External authentication methods and identity providers"));
        assertEquals(SourceSection.ARTICLE + "#enforcement-phases", SourceSection.url("Enforcement phases "));
    }

    @Test
    void withoutASectionTheArticleItself() {
        assertEquals(SourceSection.ARTICLE, SourceSection.url(null));
        assertEquals(SourceSection.ARTICLE, SourceSection.url(" "));
    }

    @Test
    void punctuationIsDroppedAndCannotEscapeTheFragment() {
        assertEquals(SourceSection.ARTICLE + "#scope-of-enforcement", SourceSection.url("Scope of enforcement:"));
        assertEquals(SourceSection.ARTICLE + "#scriptalert1script-x", SourceSection.url("\"><script>alert(1)</script> x"));
    }
}
