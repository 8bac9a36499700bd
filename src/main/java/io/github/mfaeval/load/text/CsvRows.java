package io.github.mfaeval.load.text;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.io.IOException;
import java.util.List;

/**
 * The rows of a CSV export, streamed by Jackson's CSV parser one at a time ({@link MappingIterator}), with
 * their lines. Values may span lines (Log Analytics writes nested JSON as multi-line quoted cells).
 * <p>
 * A row Jackson cannot parse (a stray quote, a value that never ends) costs that row only: the input is read
 * a line at a time, so the failed parser holds nothing beyond the broken line, and a new parser takes over at
 * the next line. A row with more or fewer values than the header is refused the same way.
 */
public final class CsvRows {
    private static final CsvMapper CSV = csvMapper();

    public interface Rows {
        void header(String[] header, long line);

        /** A row with as many values as the header, all valid text. */
        void row(String[] values, Position at);

        void broken(String where, String reason, long count);

        /** A row that parsed but cannot be used (wrong number of values): its values, for a reader that can still tell whose it is. */
        default void brokenRow(String[] values, String where, String reason) {
            broken(where, reason, 1);
        }
    }

    private CsvRows() {
    }

    private static CsvMapper csvMapper() {
        CsvMapper m = new CsvMapper();
        m.enable(CsvParser.Feature.WRAP_AS_ARRAY);
        m.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
        return m;
    }

    public static void read(TextInput in, char separator, Rows rows) throws IOException {
        read(in, separator, rows, null, 0, 0);
    }

    /**
     * The rows of a part of a CSV file ({@link CsvCuts}): {@code in} starts at a record start after the header, which
     * is given; the part's first line is line {@code linesBefore + 1} of the file and its first row record
     * {@code recordsBefore + 1}, so that positions are the file's. {@code header} null: the text is a whole file.
     */
    public static void read(TextInput in, char separator, Rows rows, String[] header, long linesBefore, long recordsBefore) throws IOException {
        in.lineMode(true);
        ObjectReader reader = CSV.readerFor(String[].class).with(CsvSchema.emptySchema().withColumnSeparator(separator));
        long index = recordsBefore;
        while (true) {
            // Jackson counts lines and characters from where its parser starts: here, a line start.
            long baseLine = linesBefore + in.line() - 1;
            long baseOffset = in.offset();
            MappingIterator<String[]> it = reader.readValues(in);
            JsonParser p = it.getParser();
            long rowLine = baseLine + 1;
            try {
                while (true) {
                    in.startRecord();
                    rowLine = baseLine + p.currentLocation().getLineNr();
                    if (!it.hasNextValue()) return;
                    String[] values = it.nextValue();
                    // Jackson may already hold the next line; its location is the end of this row.
                    long nextLine = baseLine + p.currentLocation().getLineNr();
                    List<TextInput.BadBytes> bad = in.takeBadBytes(baseOffset + p.currentLocation().getCharOffset());
                    if (values.length == 0 || (values.length == 1 && values[0].isBlank())) continue;
                    if (header == null) {
                        header = values;
                        rows.header(values, rowLine);
                        continue;
                    }
                    Position at = new Position(++index, rowLine);
                    if (!bad.isEmpty()) {
                        rows.broken(where(at, nextLine - 1), JsonStream.notText(bad), 1);
                    } else if (values.length != header.length) {
                        rows.brokenRow(values, where(at, nextLine - 1), "has " + values.length + " values, the header has " + header.length
                                + " (a line cut short, or a value with an unquoted separator)");
                    } else {
                        rows.row(values, at);
                    }
                }
            } catch (IOException | RuntimeException e) {
                TextInput.BrokenBytes broken = cause(e, TextInput.BrokenBytes.class);
                Position at = new Position(++index, rowLine);
                if (broken != null) {
                    rows.broken(at.toString(), broken.getMessage() + "; the rest of the file is not read", 1);
                    return;
                }
                String reason = reason(e);
                if (header == null) {
                    // The header itself is broken: it is no record, and no row can be named without it. The rows
                    // after it are counted (by line) and refused together, so the file counts what it holds.
                    if (!in.atLineStart()) in.skipLine();
                    long first = in.line();
                    long[] counted = countLines(in);
                    String tail = counted[0] == 0 ? " (and no rows follow)"
                            : "; " + counted[0] + " row(s) after it (lines " + first + "-" + counted[1] + ", counted by line"
                            + (counted[2] == 1 ? ", up to where the file breaks off" : "") + ") are not read";
                    rows.broken("line " + rowLine, "the header line is not valid CSV (" + reason + ")" + tail, Math.max(1, counted[0]));
                    return;
                }
                // The parser stopped inside the broken row; the input is at the end of the line it was reading
                // (reads stop at line ends), or inside a longer one.
                if (!in.atLineStart()) in.skipLine();
                in.takeBadBytes(in.offset());
                rows.broken(where(at, linesBefore + in.line() - 1), reason, 1);
                if (in.offset() == baseOffset) {
                    // nothing was consumed: a read error that repeats; give up rather than loop
                    return;
                }
            } finally {
                it.close();
            }
        }
    }

    /** The non-blank lines left in {@code in}, the last line's number, and 1 when the bytes broke off before the end. */
    private static long[] countLines(TextInput in) {
        long n = 0;
        long last = in.line() - 1;
        StringBuilder line = new StringBuilder();
        try {
            while (in.readLine(line, 256)) {
                if (!line.toString().isBlank()) {
                    n++;
                    last = in.line() - 1;
                }
            }
        } catch (IOException e) {
            return new long[] {n, last, 1};
        }
        return new long[] {n, last, 0};
    }

    /** The values of one line (a header line found by {@link Sniff}). */
    public static String[] parseLine(String line, char separator) {
        try (MappingIterator<String[]> it = CSV.readerFor(String[].class)
                .with(CsvSchema.emptySchema().withColumnSeparator(separator)).readValues(line)) {
            return it.hasNextValue() ? it.nextValue() : new String[0];
        } catch (IOException | RuntimeException e) {
            return new String[0];
        }
    }

    /** "record 4 (line 9)", or "record 4 (lines 9-12)" for a row spanning lines. */
    private static String where(Position at, long last) {
        if (last <= at.line()) return at.toString();
        return "record " + at.index() + " (lines " + at.line() + "-" + last + ")";
    }

    private static String reason(Throwable e) {
        TextInput.RecordTooLarge big = cause(e, TextInput.RecordTooLarge.class);
        if (big != null) return "row is " + big.getMessage() + " (skipped to the next line)";
        JsonProcessingException j = cause(e, JsonProcessingException.class);
        String m = j != null ? j.getOriginalMessage() : String.valueOf(e.getMessage());
        if (m.contains("Missing closing quote")) {
            return "a quoted value is never closed before the end of the file (truncated?)";
        }
        if (m.contains("Expected column separator")) {
            return "unexpected text after a quoted value (a quote inside a value must be doubled): " + m;
        }
        return "not valid CSV: " + m;
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) return type.cast(t);
            if (t.getCause() == t) break;
        }
        return null;
    }
}
