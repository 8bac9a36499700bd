package io.github.mfaeval.model;

/**
 * Why a Conditional Access policy leaves a user out, or may leave them out ({@link CaPolicy#exclusionOf}):
 * its kind, and the detail a message names (the unknown groups, the guest condition, the group). Its text is
 * what findings say: "is excluded by group from policy ...".
 */
public record PolicyExclusion(Kind kind, String detail) {
    public enum Kind {
        NOT_INCLUDED("not included", false),
        NOT_KNOWN_TO_BE_INCLUDED("not known to be included (membership of group %s or guest type unknown)", false),
        EXCLUDED_BY_USER("excluded by user", true),
        EXCLUDED_BY_GROUP("excluded by group", true),
        EXCLUDED_BY_ROLE("excluded by role", true),
        EXCLUDED_AS_GUEST("excluded as guest or external user %s", true),
        POSSIBLY_EXCLUDED_AS_GUEST("possibly excluded as guest or external user %s (type or home tenant unknown)", true),
        POSSIBLY_EXCLUDED_BY_GROUP("possibly excluded by group %s (membership unknown)", true);

        private final String text;
        private final boolean exclusion;

        Kind(String text, boolean exclusion) {
            this.text = text;
            this.exclusion = exclusion;
        }

        /** Left out by an exclusion of the policy (certain or possible), not by missing from its inclusions. */
        public boolean isExclusion() {
            return exclusion;
        }
    }

    @Override
    public String toString() {
        return kind.text.contains("%s") ? kind.text.replace("%s", String.valueOf(detail)) : kind.text;
    }
}
