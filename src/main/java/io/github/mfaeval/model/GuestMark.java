package io.github.mfaeval.model;

/**
 * One mark of an invited (B2B collaboration) user, a row of rules/reference/guest-marks.drl.csv: a value of one of
 * the fields users.json exports ({@link GuestMarks}). Values compare in any case; the value {@code *} marks any
 * value the field has.
 */
public final class GuestMark extends ReferenceFact {
    public enum Kind {
        /** The principal name contains the value (an invited user's UPN carries #EXT#). */
        PRINCIPAL_NAME_CONTAINS,
        /** creationType is the value. */
        CREATION_TYPE,
        /** externalUserState is the value. */
        EXTERNAL_USER_STATE,
        /** An identity of signInType federated was issued by the value. */
        FEDERATED_ISSUER
    }

    /** The value that marks any value of the field. */
    public static final String ANY = "*";

    private final Kind kind;
    private final String value;

    public GuestMark(Kind kind, String value) {
        this.kind = kind;
        this.value = value == null || value.strip().equals(ANY) ? null : value.strip();
    }

    public Kind getKind() { return kind; }
    /** Null: any value. */
    public String getValue() { return value; }

    /** Whether the user's exported fields carry this mark (never for a user users.json does not list). */
    public boolean marks(UserFact user) {
        GuestMarks m = user.getGuestMarks();
        if (m == null || !m.isListed()) return false;
        return switch (kind) {
            case PRINCIPAL_NAME_CONTAINS -> m.getUserPrincipalName() != null
                    && (value == null || GuestMarks.containsIgnoringCase(m.getUserPrincipalName(), value));
            case CREATION_TYPE -> is(m.getCreationType());
            case EXTERNAL_USER_STATE -> is(m.getExternalUserState());
            case FEDERATED_ISSUER -> m.getFederatedIssuers().stream().anyMatch(this::is);
        };
    }

    private boolean is(String field) {
        return field != null && (value == null || value.equalsIgnoreCase(field));
    }
}
