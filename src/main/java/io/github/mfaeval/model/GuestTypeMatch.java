package io.github.mfaeval.model;

import java.util.Objects;

/**
 * A guest or external user that a policy's guest condition ({@link ExternalUsersCondition}) matches, as
 * rules/assignment/guest-types.drl decides it: {@code certain} (a known type it lists, from a tenant it allows) or
 * not (the user's type or home tenant is not known, so it may). The include and exclude rules read it, so that
 * whom a guest condition matches is written once.
 */
public final class GuestTypeMatch {
    private final ExternalUsersCondition condition;
    private final UserFact user;
    private final boolean certain;

    public GuestTypeMatch(ExternalUsersCondition condition, UserFact user, boolean certain) {
        this.condition = condition;
        this.user = user;
        this.certain = certain;
    }

    public ExternalUsersCondition getCondition() { return condition; }
    public UserFact getUser() { return user; }
    public boolean isCertain() { return certain; }

    @Override
    public boolean equals(Object o) {
        return o instanceof GuestTypeMatch m && m.condition == condition && m.user == user && m.certain == certain;
    }

    @Override
    public int hashCode() {
        return Objects.hash(System.identityHashCode(condition), System.identityHashCode(user), certain);
    }

    @Override
    public String toString() {
        return "GuestTypeMatch[" + condition + ", " + user.getId() + (certain ? "" : ", possibly") + "]";
    }
}
