package io.github.mfaeval.load;

/** A user as /users exports it (or as first seen in a sign-in, when users.json does not list them). */
public record DirectoryUser(String id, String userPrincipalName, String mail, String userType, boolean guest) implements java.io.Serializable {
}
