package io.github.mfaeval.load.text;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sign-in times as the exports write them, all UTC:
 * ISO-8601 with an offset or Z (Graph, portal, diagnostic settings; up to 7 fraction digits);
 * ISO-8601 without an offset (read as UTC: every sign-in export is in UTC);
 * {@code /Date(1732089600000)/} (Windows PowerShell's ConvertTo-Json);
 * US-locale text as Log Analytics renders it ({@code 4/28/2021, 2:08:45.221 PM}).
 * Day-first dates are not guessed: "31/02/2025" is refused rather than read as something else.
 */
public final class Dates {
    private static final Pattern MS_DATE = Pattern.compile("/?Date\\((-?\\d+)([+-]\\d{4})?\\)/?");
    private static final DateTimeFormatter ISO_LOCAL = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .toFormatter(Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT)
            .withChronology(java.time.chrono.IsoChronology.INSTANCE);
    private static final DateTimeFormatter US = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .appendValue(ChronoField.MONTH_OF_YEAR, 1, 2, java.time.format.SignStyle.NEVER)
            .appendLiteral('/')
            .appendValue(ChronoField.DAY_OF_MONTH, 1, 2, java.time.format.SignStyle.NEVER)
            .appendLiteral('/')
            .appendValue(ChronoField.YEAR, 4)
            .optionalStart().appendLiteral(',').optionalEnd()
            .appendLiteral(' ')
            .appendValue(ChronoField.CLOCK_HOUR_OF_AMPM, 1, 2, java.time.format.SignStyle.NEVER)
            .appendLiteral(':')
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .optionalStart().appendLiteral(':').appendValue(ChronoField.SECOND_OF_MINUTE, 2).optionalEnd()
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .appendLiteral(' ')
            .appendText(ChronoField.AMPM_OF_DAY)
            .toFormatter(Locale.US)
            .withResolverStyle(ResolverStyle.STRICT)
            .withChronology(java.time.chrono.IsoChronology.INSTANCE);

    private Dates() {
    }

    /**
     * The instant, or null when the text is no date-time in any of the forms above. {@code offset} is the
     * zone a Log Analytics column header names ("[UTC]", "[UTC+02:00]"); null means UTC.
     */
    public static Instant parse(String text, ZoneOffset offset) {
        if (text == null) return null;
        String t = text.trim();
        if (t.isEmpty()) return null;
        ZoneOffset zone = offset == null ? ZoneOffset.UTC : offset;
        Matcher ms = MS_DATE.matcher(t);
        if (ms.matches()) {
            try {
                return Instant.ofEpochMilli(Long.parseLong(ms.group(1)));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException e) {
            // not ISO with an offset
        }
        try {
            return Instant.parse(t);
        } catch (DateTimeParseException e) {
            // not an ISO instant
        }
        try {
            return LocalDateTime.parse(t, ISO_LOCAL).toInstant(zone);
        } catch (DateTimeException e) {
            // not ISO without an offset
        }
        try {
            return LocalDateTime.parse(t, US).toInstant(zone);
        } catch (DateTimeException e) {
            return null;
        }
    }

    public static Instant parse(String text) {
        return parse(text, null);
    }
}
