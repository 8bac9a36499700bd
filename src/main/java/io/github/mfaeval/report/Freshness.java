package io.github.mfaeval.report;

import io.github.mfaeval.result.Report;
import io.github.mfaeval.result.SignInPeriod;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The period the sign-ins cover and how old the newest one is on the evaluation date, in words: every renderer
 * puts it next to the verdict, because a READY from year-old sign-ins is not a READY from yesterday's.
 */
public final class Freshness {
    /** Sign-ins older than this on the evaluation date are called stale (the portals keep 30 days; a month plus slack). */
    public static final int STALE_DAYS = 35;

    private Freshness() {
    }

    /** Days from the newest sign-in to the evaluation date, or -1 when no sign-in was evaluated. */
    public static long ageInDays(Report r) {
        SignInPeriod p = r.inputs() == null ? null : r.inputs().signInPeriod();
        if (p == null || p.last() == null) return -1;
        return ChronoUnit.DAYS.between(LocalDate.ofInstant(p.last(), ZoneOffset.UTC), r.asOf());
    }

    public static boolean stale(Report r) {
        return ageInDays(r) < 0 || ageInDays(r) > STALE_DAYS;
    }

    /** "2025-10-30 to 2025-11-27 (29 days), the newest 1 day before the evaluation date". */
    public static String sentence(Report r) {
        SignInPeriod p = r.inputs() == null ? null : r.inputs().signInPeriod();
        if (p == null || p.first() == null) return "none evaluated: the verdict rests on configuration alone";
        LocalDate first = LocalDate.ofInstant(p.first(), ZoneOffset.UTC);
        LocalDate last = LocalDate.ofInstant(p.last(), ZoneOffset.UTC);
        long span = ChronoUnit.DAYS.between(first, last) + 1;
        long age = ageInDays(r);
        String newest = age < 0 ? "the newest " + (-age) + (age == -1 ? " day" : " days") + " after the evaluation date"
                : age == 0 ? "the newest on the evaluation date"
                : "the newest " + age + (age == 1 ? " day" : " days") + " before the evaluation date";
        return first + " to " + last + " (" + span + (span == 1 ? " day" : " days") + "), " + newest
                + (age > STALE_DAYS ? ": stale, export recent sign-ins" : "");
    }
}
