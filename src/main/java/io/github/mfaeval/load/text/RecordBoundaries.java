package io.github.mfaeval.load.text;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * After a syntax error ends a JSON document (a {@code NaN}, a NUL, a cut), counts the records the rest of the
 * file still holds, so that the rejection says how many were lost instead of counting them as one: it scans on
 * for record boundaries, tracking strings and nesting from where the parser stopped, and counts each object that
 * opens at the depth where the broken record's siblings open. It is a count, not a parse: a record broken in a way
 * that shifts the nesting may make it off; the message says the records were counted this way.
 */
final class RecordBoundaries {
    /**
     * How far past the break the scan goes: a 2 GB file broken near its start is not read to its end for a count
     * (a second or two at most), and the count then says "at least".
     */
    static final long MAX_SCAN_CHARS = 64L * 1024 * 1024;

    /**
     * How many records follow, whether the scan reached the end of the text (false: the bytes broke off, or the scan
     * stopped), and whether the break is inside a record (then that record is lost too) or between two.
     */
    record Count(long records, boolean complete, boolean inside) {
        /** The records lost from the break on: the broken one, if any, and those after it; at least one, the rest of the file. */
        long lost() {
            return inside ? 1 + records : Math.max(1, records);
        }
    }

    private RecordBoundaries() {
    }

    static Count after(JsonParser p, TextInput in, IOException error) {
        List<JsonStreamContext> chain = new ArrayList<>();
        for (JsonStreamContext c = p.getParsingContext(); c != null && !c.inRoot(); c = c.getParent()) chain.add(0, c);
        int recordDepth = -1;
        for (int i = 0; i < chain.size(); i++) {
            JsonStreamContext c = chain.get(i);
            if (!c.inArray()) continue;
            String holder = i == 0 ? null : chain.get(i - 1).getCurrentName();
            if (i == 0 || (holder != null && (holder.equalsIgnoreCase("value") || holder.equalsIgnoreCase("records")))) {
                recordDepth = i + 1; // brackets open inside that array
            }
        }
        if (recordDepth < 0) return new Count(0, true, true); // not inside a list of records: nothing to count
        boolean inside = chain.size() > recordDepth;
        String message = String.valueOf(error.getMessage());
        Scanner s = new Scanner(recordDepth, chain.size(), message.contains("included in string value"));
        try {
            StringWriter held = new StringWriter();
            p.releaseBuffered(held);
            s.scan(held.toString().toCharArray(), held.getBuffer().length());
            char[] buf = new char[1 << 16];
            int n;
            long scanned = 0;
            while (true) {
                if (scanned >= MAX_SCAN_CHARS) return new Count(s.records, false, inside);
                in.startRecord(); // a count has no size limit: it holds nothing
                n = in.read(buf, 0, buf.length);
                if (n < 0) break;
                s.scan(buf, n);
                scanned += n;
            }
        } catch (IOException | RuntimeException e) {
            return new Count(s.records, false, inside);
        }
        return new Count(s.records, true, inside);
    }

    /** "N more record(s) after it ..." for the rejection. */
    static String describe(Count c) {
        if (c.records() == 0 || (!c.inside() && c.records() == 1 && c.complete())) return "";
        return String.format(Locale.ROOT, "; %s%d %srecord(s) %s (counted by scanning for record boundaries%s)",
                c.complete() ? "" : "at least ", c.records(), c.inside() ? "more " : "", c.inside() ? "follow it" : "follow the break",
                c.complete() ? "" : ", up to where the text breaks off or 64 MB past the break");
    }

    private static final class Scanner {
        final int recordDepth;
        int depth;
        boolean inString;
        boolean escaped;
        long records;

        Scanner(int recordDepth, int depth, boolean inString) {
            this.recordDepth = recordDepth;
            this.depth = depth;
            this.inString = inString;
        }

        void scan(char[] chars, int n) {
            for (int i = 0; i < n; i++) {
                char c = chars[i];
                if (inString) {
                    if (escaped) escaped = false;
                    else if (c == '\\') escaped = true;
                    else if (c == '"') inString = false;
                    continue;
                }
                switch (c) {
                    case '"' -> inString = true;
                    case '{' -> {
                        if (depth == recordDepth) records++;
                        depth++;
                    }
                    case '[' -> depth++;
                    case '}', ']' -> depth = Math.max(0, depth - 1);
                    default -> {
                    }
                }
            }
        }
    }
}
