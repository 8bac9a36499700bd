package io.github.mfaeval.model;

/**
 * An emergency access account as tenant.json names it (a UPN or an object id, lower case), and whether a user of the
 * exports (the directory export, or a sign-in) is that account. Inserted in the user stage, once per name.
 */
public final class EmergencyAccountName {
    private final String name;
    private final boolean found;

    public EmergencyAccountName(String name, boolean found) {
        this.name = name;
        this.found = found;
    }

    public String getName() { return name; }
    /** A user of the exports has this object id or UPN. */
    public boolean isFound() { return found; }
}
