package io.github.mfaeval.model;

/**
 * A user as /users exports it (or as first seen in a sign-in, when users.json does not list them).
 * {@code marks}: what the export says that can make the user an invited guest; the rules decide the type from it.
 */
public record DirectoryUser(String id, String userPrincipalName, String mail, String userType, boolean guest, GuestMarks marks) implements java.io.Serializable {
    public DirectoryUser(String id, String userPrincipalName, String mail, String userType, boolean guest) {
        this(id, userPrincipalName, mail, userType, guest, GuestMarks.notListed(userType, userPrincipalName));
    }
}
