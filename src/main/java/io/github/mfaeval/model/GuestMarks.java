package io.github.mfaeval.model;

import java.util.Locale;
import java.util.Set;

/**
 * What users.json says of a user that can mark an invited (B2B collaboration) user, as exported and unjudged: the
 * userType, the principal name, creationType, externalUserState and the issuers of the user's federated
 * identities. Which of these make a user a guest of which type is decided by the rules
 * (rules/assignment/external-user-type.drl, with the marks of rules/reference/guest-marks.drl.csv).
 * {@code listed} is false for a user seen only in sign-ins, of whom users.json says nothing.
 */
public final class GuestMarks implements java.io.Serializable {
    private final boolean listed;
    private final String userType;
    private final String userPrincipalName;
    private final String creationType;
    private final String externalUserState;
    private final Set<String> federatedIssuers;

    public GuestMarks(boolean listed, String userType, String userPrincipalName, String creationType,
                      String externalUserState, Set<String> federatedIssuers) {
        this.listed = listed;
        this.userType = userType;
        this.userPrincipalName = userPrincipalName;
        this.creationType = creationType;
        this.externalUserState = externalUserState;
        this.federatedIssuers = Set.copyOf(federatedIssuers);
    }

    /** A user seen only in sign-ins: users.json exported nothing of them. */
    public static GuestMarks notListed(String userType, String userPrincipalName) {
        return new GuestMarks(false, userType, userPrincipalName, null, null, Set.of());
    }

    public boolean isListed() { return listed; }
    public String getUserType() { return userType; }
    /** Whether users.json gave a userType at all. */
    public boolean isUserTypeGiven() { return userType != null; }
    /** Whether the userType is this one, in any case (Graph writes Guest, some exports guest). */
    public boolean isUserType(String type) { return userType != null && userType.equalsIgnoreCase(type); }
    public String getUserPrincipalName() { return userPrincipalName; }
    public String getCreationType() { return creationType; }
    public String getExternalUserState() { return externalUserState; }
    /** The issuers of the identities whose signInType is federated, as exported. */
    public Set<String> getFederatedIssuers() { return federatedIssuers; }

    static boolean containsIgnoringCase(String text, String part) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(part.toLowerCase(Locale.ROOT));
    }
}
