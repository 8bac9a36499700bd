package io.github.mfaeval.scenario;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * One scenario file: the FAQ entry or rule section it proves, the source's answer, and its cases.
 * Each case starts from the base tenant, changes one thing, and states the verdicts it expects.
 */
public record Scenario(Path file, String title, String faq, String section, String answer, List<Case> cases) {

    public record Case(String name, int line, LocalDate asOf, JsonNode given, JsonNode expect) {
    }

    public String label() {
        return faq != null ? "FAQ " + faq : "section " + section;
    }
}
