package io.github.mfaeval.load.format;

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
    /** How many records follow, and whether the scan reached the end of the text (false: the bytes broke off). */
    record Count(long records, boolean complete) {
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
        if (recordDepth < 0) return new Count(0, true); // not inside a list of records: nothing to count
        String message = String.valueOf(error.getMessage());
        Scanner s = new Scanner(recordDepth, chain.size(), message.contains("included in string value"));
        try {
            StringWriter held = new StringWriter();
            p.releaseBuffered(held);
            s.scan(held.toString().toCharArray(), held.getBuffer().length());
            char[] buf = new char[1 << 16];
            int n;
            while (true) {
                in.startRecord(); // a count has no size limit: it holds nothing
                n = in.read(buf, 0, buf.length);
                if (n < 0) break;
                s.scan(buf, n);
            }
        } catch (IOException | RuntimeException e) {
            return new Count(s.records, false);
        }
        return new Count(s.records, true);
    }

    /** "N more record(s) after it ..." for the rejection. */
    static String describe(Count c) {
        if (c.records() == 0 && c.complete()) return "";
        return String.format(Locale.ROOT, "; %s%d more record(s) follow it (counted by scanning for record boundaries)",
                c.complete() ? "" : "at least ", c.records());
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
