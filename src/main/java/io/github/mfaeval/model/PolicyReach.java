package io.github.mfaeval.model;

import java.util.Objects;

/**
 * How far one Conditional Access policy's assignments (users, groups, roles, guest or external user types) reach
 * one user, as the assignment stage (rules/assignment/reach.drl) decides it from the {@link PolicyMatch} facts of
 * the pair: included, left out, or excluded (certainly or possibly). The user stage reads it; its text is what
 * findings say ("is excluded by group from policy ...").
 */
public final class PolicyReach {
    /** The reach of a policy, and the phrase findings use for it. */
    public enum Kind {
        INCLUDED("included"),
        NOT_INCLUDED("not included"),
        NOT_KNOWN_TO_BE_INCLUDED("not known to be included (membership of group %s or guest type unknown)"),
        EXCLUDED_BY_USER("excluded by user"),
        EXCLUDED_BY_GROUP("excluded by group"),
        EXCLUDED_BY_ROLE("excluded by role"),
        EXCLUDED_AS_GUEST("excluded as guest or external user %s"),
        POSSIBLY_EXCLUDED_AS_GUEST("possibly excluded as guest or external user %s (type or home tenant unknown)"),
        POSSIBLY_EXCLUDED_BY_GROUP("possibly excluded by group %s (membership unknown)");

        private final String text;

        Kind(String text) {
            this.text = text;
        }
    }

    private final CaPolicy policy;
    private final UserFact user;
    private final Kind kind;
    private final String detail;

    /** {@code detail}: what the phrase names (the unknown groups, the guest condition, the group), or null. */
    public PolicyReach(CaPolicy policy, UserFact user, Kind kind, String detail) {
        this.policy = policy;
        this.user = user;
        this.kind = kind;
        this.detail = detail;
    }

    public CaPolicy getPolicy() { return policy; }
    public UserFact getUser() { return user; }
    public Kind getKind() { return kind; }
    public String getDetail() { return detail; }

    /** Equal when they say the same of the same pair: a logically inserted fact is one fact however often derived. */
    @Override
    public boolean equals(Object o) {
        return o instanceof PolicyReach r && r.policy == policy && r.user == user && r.kind == kind && Objects.equals(r.detail, detail);
    }

    @Override
    public int hashCode() {
        return Objects.hash(System.identityHashCode(policy), System.identityHashCode(user), kind, detail);
    }

    @Override
    public String toString() {
        return kind.text.contains("%s") ? kind.text.replace("%s", String.valueOf(detail)) : kind.text;
    }
}
