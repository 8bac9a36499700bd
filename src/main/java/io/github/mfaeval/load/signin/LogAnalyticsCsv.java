package io.github.mfaeval.load.signin;

import io.github.mfaeval.load.text.JsonStream;
import io.github.mfaeval.load.text.Dates;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A CSV with Graph's names in PascalCase: the Log Analytics / Sentinel export of the sign-in tables, or
 * PowerShell's {@code Export-Csv}. Log Analytics quirks: datetime headers carry the display time zone
 * ("CreatedDateTime [UTC]"), values are US-locale text ("4/28/2021, 2:08:45.221 PM"), nested values are JSON text,
 * and a column whose type varies across rows is split into {@code Name_dynamic} and {@code Name_string}.
 * Each row becomes an object with the plain names, and then goes the way of a Log Analytics JSON record.
 */
final class LogAnalyticsCsv implements SignInFormat {
    static final LogAnalyticsCsv FORMAT = new LogAnalyticsCsv();

    private static final Pattern ZONE = Pattern.compile("^(.*?)\\s*\\[([^]]*)]$");
    private static final Pattern UTC_OFFSET = Pattern.compile("UTC\\s*([+-]\\d{1,2}(:\\d{2})?)?", Pattern.CASE_INSENSITIVE);

    private record Column(int index, String name, String header, ZoneOffset zone, String badZone) {
    }

    private LogAnalyticsCsv() {
    }

    @Override
    public String name() {
        return "Log Analytics CSV";
    }

    @Override
    public boolean claimsHeader(String[] header) {
        return matches(header);
    }

    @Override
    public SignInColumns columns(String[] header, String fileName) {
        return new Columns(header, fileName);
    }


    /** True when the header has the PascalCase names of a sign-in record. */
    static boolean matches(String[] header) {
        List<String> names = new ArrayList<>();
        for (String h : header) names.add(plainName(h).toLowerCase(Locale.ROOT));
        return names.contains("id") && (names.contains("createddatetime") || names.contains("timegenerated"));
    }

    /** "CreatedDateTime [UTC]" -> CreatedDateTime, "Status_dynamic" -> Status. */
    static String plainName(String header) {
        String h = header.trim();
        Matcher z = ZONE.matcher(h);
        if (z.matches()) h = z.group(1).trim();
        if (h.endsWith("_dynamic")) h = h.substring(0, h.length() - "_dynamic".length());
        else if (h.endsWith("_string")) h = h.substring(0, h.length() - "_string".length());
        return h;
    }

    /** The columns of one file: each row becomes an object with the plain names. */
    private static final class Columns implements SignInColumns {
        private final List<Column> columns = new ArrayList<>();
        private final Map<String, String> labels = new HashMap<>();
        private final String hint;
        private final boolean logAnalytics;
        private String unusable;

        Columns(String[] header, String fileName) {
            boolean la = false;
            for (int i = 0; i < header.length; i++) {
                String h = header[i].trim();
                String name = plainName(h);
                if (name.isEmpty()) continue;
                ZoneOffset zone = null;
                String badZone = null;
                Matcher z = ZONE.matcher(h);
                if (z.matches()) {
                    Matcher utc = UTC_OFFSET.matcher(z.group(2).trim());
                    if (utc.matches()) {
                        zone = utc.group(1) == null ? ZoneOffset.UTC : ZoneOffset.of(offset(utc.group(1)));
                    } else {
                        badZone = z.group(2).trim();
                    }
                }
                if (name.equalsIgnoreCase("TenantId") || name.equalsIgnoreCase("TimeGenerated") || name.equalsIgnoreCase("Type")) la = true;
                columns.add(new Column(i, name, h, zone, badZone));
                labels.putIfAbsent(Character.toLowerCase(name.charAt(0)) + name.substring(1), h);
                if (badZone != null && (name.equalsIgnoreCase("CreatedDateTime") || name.equalsIgnoreCase("TimeGenerated")) && unusable == null) {
                    unusable = "column \"" + h + "\" gives times in \"" + badZone
                            + "\", whose offset from UTC is unknown; export again with the time zone set to UTC";
                }
            }
            if (labels.containsKey("status")) labels.putIfAbsent("status.errorCode", labels.get("status") + ".errorCode");
            this.logAnalytics = la;
            this.hint = SignInFormats.eventTypeOfName(fileName);
        }

        private static String offset(String text) {
            String t = text.trim();
            String sign = t.substring(0, 1);
            String[] parts = t.substring(1).split(":");
            String hh = parts[0].length() == 1 ? "0" + parts[0] : parts[0];
            return sign + hh + ":" + (parts.length > 1 ? parts[1] : "00");
        }

        @Override
        public String describe() {
            return logAnalytics ? FORMAT.name() : "PascalCase CSV (PowerShell Export-Csv)";
        }

        @Override
        public String unusable() {
            return unusable;
        }

        @Override
        public GraphRecord row(String[] values) {
            ObjectNode n = JsonStream.MAPPER.createObjectNode();
            for (Column c : columns) {
                String v = values[c.index()].trim();
                if (v.isEmpty() || n.has(c.name())) continue;
                if (c.zone() != null) {
                    Instant t = Dates.parse(v, c.zone());
                    // An unreadable time stays as written: the mapper names the column and the value.
                    if (t != null) v = t.toString();
                }
                n.put(c.name(), v);
            }
            return LogAnalyticsJson.graphShape(n, null, hint, new HashMap<>(labels), FORMAT);
        }
    }
}
