package io.github.mfaeval.result;

/**
 * Which sign-ins the report lists in {@code signIns} (all of them are always counted in {@code summary}
 * and in each user's counts).
 */
public enum SignInSelection {
    /** None: the array is empty. */
    NONE,
    /** In-scope sign-ins whose MFA requirement was not satisfied: {@code summary.signInsNotSatisfied} of them. */
    UNSATISFIED,
    /** Every evaluated sign-in. */
    ALL;

    public boolean keeps(SignInVerdict v) {
        return switch (this) {
            case NONE -> false;
            case UNSATISFIED -> v.inScope() && Boolean.FALSE.equals(v.mfaSatisfied());
            case ALL -> true;
        };
    }
}
