package io.github.mfaeval.text;

/**
 * Counted words for people ("1 user", "2 users", "1 is ready", "3 are ready"): every report and message forms its
 * plurals here, so none says "1 users" or "1 are".
 */
public final class Plural {
    private Plural() {
    }

    /** The number and the noun: "1 user", "2 users". */
    public static String count(long n, String one) {
        return count(n, one, one + "s");
    }

    /** The number and the noun, for nouns whose plural is not one + "s": "1 policy", "2 policies". */
    public static String count(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    /** The word agreeing with the number: word(1, "is", "are") is "is". */
    public static String word(long n, String one, String many) {
        return n == 1 ? one : many;
    }
}
