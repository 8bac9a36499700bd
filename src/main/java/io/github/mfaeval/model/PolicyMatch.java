package io.github.mfaeval.model;

import java.util.Objects;

/**
 * One assignment of a Conditional Access policy that matches one user, as a rule of rules/assignment/ found it:
 * {@code INCLUDED} (an include condition certainly matches), {@code NOT_KNOWN_TO_BE_INCLUDED} (one may match:
 * unknown group members or guest type), or an exclusion kind (an exclude condition matches, certainly or possibly).
 * Several may hold for a pair; rules/assignment/reach.drl decides the one {@link PolicyReach} they amount to.
 */
public final class PolicyMatch {
    private final CaPolicy policy;
    private final UserFact user;
    private final PolicyReach.Kind kind;
    private final String detail;

    public PolicyMatch(CaPolicy policy, UserFact user, PolicyReach.Kind kind, String detail) {
        this.policy = policy;
        this.user = user;
        this.kind = kind;
        this.detail = detail;
    }

    public CaPolicy getPolicy() { return policy; }
    public UserFact getUser() { return user; }
    public PolicyReach.Kind getKind() { return kind; }
    public String getDetail() { return detail; }

    @Override
    public boolean equals(Object o) {
        return o instanceof PolicyMatch m && m.policy == policy && m.user == user && m.kind == kind && Objects.equals(m.detail, detail);
    }

    @Override
    public int hashCode() {
        return Objects.hash(System.identityHashCode(policy), System.identityHashCode(user), kind, detail);
    }

    @Override
    public String toString() {
        return "PolicyMatch[" + policy.getId() + ", " + user.getId() + ", " + kind + (detail == null ? "" : ", " + detail) + "]";
    }
}
