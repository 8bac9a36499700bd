package io.github.mfaeval.engine;

import java.util.Map;

/**
 * One edition of Microsoft's page that a rules folder implements: its id (the page's ms.date), title and
 * address, and how the headings cited by the base edition's rules are called on this edition's page (rules
 * shared by several editions keep their base {@code @section}; the report shows this edition's heading).
 * Read from {@code edition.properties} by the rule toolchain ({@code rules.Editions}); held by the {@link RuleBase}.
 */
public record Edition(String id, String title, String page, Map<String, String> sections) {
    public Edition {
        sections = Map.copyOf(sections);
    }

    /** The heading of this edition's page that a rule's {@code @section} stands for. */
    public String section(String cited) {
        if (cited == null) return null;
        return sections.getOrDefault(cited, cited);
    }
}
