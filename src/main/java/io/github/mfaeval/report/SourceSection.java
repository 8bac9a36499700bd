package io.github.mfaeval.report;

import java.util.Locale;

/**
 * Where a finding's source section lives: every rule names a heading of Microsoft's article on mandatory MFA,
 * and readers of a report follow that link to read the requirement in Microsoft's own words.
 */
public final class SourceSection {
    public static final String ARTICLE =
            "https://learn.microsoft.com/en-us/entra/identity/authentication/concept-mandatory-multifactor-authentication";

    private SourceSection() {
    }

    /** The article's URL, pointing at the heading when there is one. */
    public static String url(String section) {
        String slug = slug(section);
        return slug.isEmpty() ? ARTICLE : ARTICLE + "#" + slug;
    }

    /**
     * The anchor Learn gives a heading: lower case, punctuation dropped, runs of spaces as one hyphen
     * ("Request more time to prepare for enforcement" becomes request-more-time-to-prepare-for-enforcement).
     */
    public static String slug(String section) {
        if (section == null) return "";
        String kept = section.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} -]", "").trim();
        return kept.replaceAll("[ -]*\\s[ -]*|-+", "-");
    }
}
