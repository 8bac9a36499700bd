package io.github.mfaeval.load;

/**
 * A user as /users exports it (or as first seen in a sign-in, when users.json does not list them).
 * {@code externalType}: see {@link ExternalUserType}; null for an internal member.
 */
public record DirectoryUser(String id, String userPrincipalName, String mail, String userType, boolean guest, String externalType) implements java.io.Serializable {
    public DirectoryUser(String id, String userPrincipalName, String mail, String userType, boolean guest) {
        this(id, userPrincipalName, mail, userType, guest, guest ? io.github.mfaeval.model.UserFact.UNKNOWN_EXTERNAL : null);
    }
}
