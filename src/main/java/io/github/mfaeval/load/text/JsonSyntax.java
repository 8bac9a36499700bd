package io.github.mfaeval.load.text;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;

import java.io.IOException;

/**
 * A JSON syntax error in words a person can act on: where (line and column, as an editor counts them) and what
 * the parser expected, without Jackson's source excerpt and class names. Every reader of JSON files says it so.
 */
public final class JsonSyntax {
    private JsonSyntax() {
    }

    /** "line 3, column 12: Unexpected character (','): was expecting double-quote to start field name". */
    public static String describe(IOException e) {
        if (e instanceof JsonProcessingException j) {
            JsonLocation at = j.getLocation();
            String what = j.getOriginalMessage() == null ? "" : j.getOriginalMessage().split("\n")[0];
            if (at != null && at.getLineNr() > 0) return "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": " + what;
            return what;
        }
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m.split("\n")[0];
    }

    /** The column of the error, for messages that already give the line; empty when unknown. */
    public static String column(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        return at == null || at.getColumnNr() <= 0 ? "" : " at column " + at.getColumnNr();
    }
}
