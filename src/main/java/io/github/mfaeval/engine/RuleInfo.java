package io.github.mfaeval.engine;

import java.util.Comparator;

/**
 * A rule of the catalogue: its metadata and where it is written. {@code section} is the heading of the page as
 * reports show it; {@code faq} the id (test-scenarios/faqs.yaml) of the FAQ the rule cites with
 * {@code @section("faq:ID")}, whose heading on the page is "FAQs" ({@link #FAQ_HEADING}); null for other rules.
 */
public record RuleInfo(String id, String title, String section, String severity, String stage, String file,
                       @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) String faq) {
    /** How a rule cites one FAQ of the page: {@code @section("faq:b2b-guests")}. */
    public static final String FAQ_PREFIX = "faq:";
    /** The page's heading above its FAQ entries: the section reports show for a rule citing an FAQ. */
    public static final String FAQ_HEADING = "FAQs";

    public RuleInfo(String id, String title, String section, String severity, String stage, String file) {
        this(id, title, section, severity, stage, file, null);
    }

    /**
     * Tables whose rows no verdict cites: the copy ranking and the readiness table, which the tool applies itself, and
     * the guest marks, read only by the assignment stage (an edition may have its own copy, under editions/ID/).
     */
    private static final java.util.List<String> CITED_BY_NO_VERDICT = java.util.List.of("reference/copy-ranking.drl.csv",
            "reference/readiness.drl.csv", "reference/guest-marks.drl.csv");

    /**
     * Whether the rule is a row of a table no verdict cites (above): the scenario coverage gate leaves it to the tests
     * that prove each row (RulesAreDataTest), as it leaves the assignment stage to AssignmentStageTest.
     */
    public static boolean citedByNoVerdict(RuleInfo rule) {
        return rule.file() != null && CITED_BY_NO_VERDICT.stream().anyMatch(t -> rule.file().equals(t) || rule.file().endsWith("/" + t));
    }

    /** By id, numbers compared as numbers: MM-SCHED-2 before MM-SCHED-10. */
    public static final Comparator<RuleInfo> BY_ID = (a, b) -> compareIds(a.id(), b.id());

    public static int compareIds(String a, String b) {
        String pa = a.replaceAll("\\d+$", "");
        String pb = b.replaceAll("\\d+$", "");
        if (!pa.equals(pb)) return pa.compareTo(pb);
        String na = a.substring(pa.length());
        String nb = b.substring(pb.length());
        return Long.compare(na.isEmpty() ? 0 : Long.parseLong(na), nb.isEmpty() ? 0 : Long.parseLong(nb));
    }
}
