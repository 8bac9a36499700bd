package io.github.mfaeval.load.signin;

import io.github.mfaeval.load.text.JsonStream;
import io.github.mfaeval.load.text.BoundedInput;
import io.github.mfaeval.load.text.ByteLines;
import io.github.mfaeval.load.text.CsvCuts;
import io.github.mfaeval.load.text.CsvRows;
import io.github.mfaeval.load.text.Sniff;
import io.github.mfaeval.load.text.TextInput;
import io.github.mfaeval.load.text.InputFiles;
import io.github.mfaeval.load.text.Position;
import io.github.mfaeval.result.Rejection;
import io.github.mfaeval.model.SignIn;
import io.github.mfaeval.text.SafeText;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Reads one sign-in file, whatever its format, record by record, and hands each record to a {@link Sink}
 * either as a {@link SignIn} fact or as a {@link Rejection} saying where and why. Every record seen ends up in
 * exactly one of the two, so that read = evaluated + rejected (+ duplicates, which the caller counts).
 * A file that cannot be read at all is one rejection.
 */
public final class SignInReader {
    /** Beyond this many rejections in a file, the rest are summed up in one entry (a broken nightly export can have millions). */
    static final int DETAILED_REJECTIONS = 100;

    public interface Sink {
        /** A fact, its kind set ({@link SignInKind#code()}). */
        void signIn(SignIn signIn);

        /** {@code rejection.records()} records that are not evaluated. */
        void rejected(Rejection rejection);

        /** Something worth knowing that costs no record. */
        default void notice(Rejection notice) {
        }
    }

    /**
     * What reading a {@link Part} gives, in file order. Positions are counted from the start of the part: a reader
     * of a later part of a file does not know the records and lines before it; {@link FileAssembler} moves them.
     */
    public interface PartSink {
        /** The fact's source position is relative to the part ({@link SignIn#moveSource}); its kind is set. */
        void signIn(SignIn signIn);

        /** Records not evaluated: at a position relative to the part ({@code at}), or somewhere said in words ({@code where}). */
        void rejected(Position at, String where, String reason, long count);

        void notice(String where, String message);
    }

    /**
     * A piece of a sign-in file that can be read on its own: the whole file, or the whole lines of a plain UTF-8
     * NDJSON file between two byte offsets ({@code start} at a line start, or after the byte-order mark; {@code end}
     * after a line end, or the file's size).
     */
    public record Part(Path file, long start, long end, boolean lines, CsvPart csv) {
        public Part(Path file, long start, long end, boolean lines) {
            this(file, start, end, lines, null);
        }

        public static Part whole(Path file) {
            return new Part(file, 0, -1, false);
        }
    }

    /**
     * The rows of a plain UTF-8 CSV file between two record ends ({@link CsvCuts}): the file's separator and header,
     * and the lines and rows before the part, so that the part names the file's own positions. The first part
     * starts at the file's start and reads the header itself.
     */
    public record CsvPart(char separator, List<String> header, long linesBefore, long recordsBefore) {
    }

    /**
     * What a part was read as, and how far it went: the records (and rejected lines) it counted and the line ends it
     * read, which the parts after it add to their positions.
     */
    public record PartResult(String container, String dialect, String encoding, long records, long lines) {
        /** How the file was understood, e.g. "JSON page objects, Graph (gzip)". */
        public String describe() {
            String c = container == null ? "JSON" : container;
            String d = dialect == null || c.contains(dialect) ? "" : ", " + dialect;
            return c + d + (encoding == null || encoding.isEmpty() ? "" : " (" + encoding + ")");
        }
    }

    private SignInReader() {
    }

    /**
     * Reads {@code file}; {@code details} holds the portal's authentication-details rows (may be null).
     * Returns how the file was understood, e.g. "JSON page objects, Graph (gzip)".
     */
    public static String read(Path file, PortalAuthDetails details, Sink sink) {
        FileAssembler file1 = new FileAssembler(file.getFileName().toString(), sink);
        for (Part part : split(file, Long.MAX_VALUE)) {
            file1.add(read(part, details, file1));
        }
        return file1.finish();
    }

    /**
     * The parts {@code file} can be read in, about {@code partBytes} each: several only for a plain UTF-8 NDJSON
     * file (gzip cannot be entered in the middle, a JSON document is read whole) or a CSV file of a known dialect, cut at
     * line or record ends ({@link SignInFileCuts}). Reading the parts in order, each into a {@link FileAssembler} of the
     * file, gives what reading the file whole gives.
     */
    public static List<Part> split(Path file, long partBytes) {
        return SignInFileCuts.split(file, partBytes);
    }

    /** Reads bytes at a position of a file, as many as it can up to {@code b.length}; -1 or 0 at its end. */
    public interface PositionedReads {
        int read(long position, byte[] b) throws IOException;
    }

    /**
     * Where a plain UTF-8 NDJSON file of {@code size} bytes (its text starting at {@code start}, after any byte-order
     * mark) is cut into line ranges of about {@code partBytes}: the offsets of each part's first byte, then the size
     * ({@link SignInFileCuts#lineCuts}). For a cluster's file system as for a local file.
     */
    public static long[] lineCuts(long size, long start, long partBytes, PositionedReads in) throws IOException {
        return SignInFileCuts.lineCuts(size, start, partBytes, in);
    }

    /** Reads one part of a file: its records as facts, or rejections saying where and why. */
    public static PartResult read(Part part, PortalAuthDetails details, PartSink sink) {
        Path file = part.file();
        String name = file.getFileName().toString();
        if (part.lines()) {
            return readLines(name, part.start(), part.end(), details, sink, () -> {
                FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
                // positioned, not skipped: skipping would read every part before this one again
                ch.position(part.start());
                return java.nio.channels.Channels.newInputStream(ch);
            });
        }
        if (part.csv() != null) return readCsvPart(part, name, details, sink);
        PartRecords records = new PartRecords(name, details, sink);
        String description = readWhole(file, name, records);
        return new PartResult(description == null ? records.container : description, description == null ? records.dialect : null,
                records.encoding, 0, 0);
    }

    /**
     * One part of a CSV file ({@link #csvParts}); positions are the file's, so the part reports no records or lines
     * for the parts after it to move theirs by.
     */
    private static PartResult readCsvPart(Part part, String name, PortalAuthDetails details, PartSink sink) {
        PartRecords records = new PartRecords(name, details, sink);
        CsvPart csv = part.csv();
        try (FileChannel ch = FileChannel.open(part.file(), StandardOpenOption.READ)) {
            ch.position(part.start());
            InputStream bytes = new BoundedInput(java.nio.channels.Channels.newInputStream(ch), part.end() - part.start());
            records.encoding = "";
            try (TextInput in = csv.header() == null ? TextInput.open(bytes, TextInput.DEFAULT_MAX_RECORD_CHARS) : TextInput.utf8(bytes)) {
                CsvSignIns rows = new CsvSignIns(name, records);
                if (csv.header() == null) {
                    CsvRows.read(in, csv.separator(), rows);
                } else {
                    rows.continued(csv.header().toArray(new String[0]));
                    CsvRows.read(in, csv.separator(), rows, csv.header().toArray(new String[0]), csv.linesBefore(), csv.recordsBefore());
                }
                rows.finish();
            }
        } catch (IOException e) {
            sink.rejected(null, "", TextInput.unreadable(e) + (records.total > 0 ? " after " + records.total + " records of bytes "
                    + part.start() + "-" + part.end() + "; the rest of them are not read" : ""), 1);
        }
        return new PartResult(records.container == null ? "CSV" : records.container, records.dialect, records.encoding, 0, 0);
    }

    /** Opens a file at the start of a part; the stream is closed after the part is read. */
    public interface PartOpener {
        InputStream open() throws IOException;
    }

    /**
     * Reads the whole lines between two byte offsets of a plain UTF-8 NDJSON file named {@code name} (a {@link Part}
     * with {@code lines}, such as {@link #split} cuts), from a stream {@code opener} opens at {@code start}: for a file
     * that is not on a local disk (a cluster's file system, which seeks), as for one that is.
     */
    public static PartResult readLines(String name, long start, long end, PortalAuthDetails details, PartSink sink, PartOpener opener) {
        PartRecords records = new PartRecords(name, details, sink);
        try (InputStream raw = opener.open()) {
            InputStream in = new BoundedInput(raw, end - start);
            // a buffer no bigger than the part (one line read again is a few KB)
            ByteLines lines = new ByteLines(in, TextInput.DEFAULT_MAX_RECORD_CHARS, (int) Math.min(ByteLines.BUFFER, end - start + 1));
            long n = GraphJsonFastPath.readLines(lines, records.fast(), records.hint, name, records);
            return new PartResult(records.container, records.dialect, "", n, lines.newlines());
        } catch (IOException e) {
            sink.rejected(null, "", TextInput.unreadable(e) + (records.total > 0 ? " after " + records.total + " records of bytes "
                    + start + "-" + end + "; the rest of them are not read" : ""), 1);
            return new PartResult(records.container, records.dialect, "", 0, 0);
        }
    }

    /** Null when read (the records say how), else what the file is when it cannot be read as records. */
    private static String readWhole(Path file, String name, PartRecords out) {
        String notReadable = InputFiles.problem(file);
        if (notReadable != null) {
            // a pipe, device, socket, folder or link out of the tenant folder: never opened (docs/formats.md)
            out.broken("", notReadable, 1);
            return "not read";
        }
        if (!SignInFiles.isSupported(name)) {
            out.broken("", SignInFiles.unsupported(name), 1);
            return "unsupported";
        }
        Sniff sniff;
        try {
            sniff = Sniff.of(file);
        } catch (IOException e) {
            out.broken("", TextInput.unreadable(e), 1);
            return "unreadable";
        }
        switch (sniff.kind()) {
            case EMPTY -> {
                // A gzip stream of nothing was written on purpose (collect writes a sign-in kind that had no
                // sign-ins so): no records, not a failed export. A plain file of no bytes says nothing.
                if (sniff.gzip()) {
                    out.encoding = sniff.container();
                    out.container = "JSON";
                    return null;
                }
                out.broken("", "is empty: no records, not even an empty list or a CSV header (a failed export?)", 1);
                return "empty";
            }
            case BINARY -> {
                out.broken("line 1", "is not text (control byte " + sniff.firstLine()
                        + " before the first line ends): not a JSON or CSV export", 1);
                return "binary";
            }
            case UTF16_NO_BOM -> {
                out.broken("", "is " + sniff.firstLine() + " text without a byte-order mark, which cannot "
                        + "be told apart from binary data: save it as UTF-8 (or as UTF-16 with a byte-order mark)", 1);
                return sniff.firstLine() + " without BOM";
            }
            case ZIP -> {
                out.broken("", "is a ZIP archive (an Excel workbook or a zipped download): "
                        + "save or extract it as CSV or JSON", 1);
                return "ZIP archive";
            }
            case UNKNOWN -> {
                out.broken("line 1", "is neither JSON nor CSV: it starts with \"" + SafeText.excerpt(sniff.firstLine()) + "\"", 1);
                return "unknown";
            }
            default -> {
                // read below
            }
        }
        out.encoding = sniff.container();
        try (TextInput in = TextInput.open(file)) {
            switch (sniff.kind()) {
                case JSON -> GraphJsonFastPath.readDocument(in, () -> TextInput.open(file), out.fast(), out.hint, name, out);
                case NDJSON -> {
                    if (in.encoding().equals("UTF-8")) {
                        // bytes after gzip and byte-order mark: the same reader as the parts of a plain file
                        GraphJsonFastPath.readLines(new ByteLines(in.bytes(), TextInput.DEFAULT_MAX_RECORD_CHARS), out.fast(), out.hint, name, out);
                    } else {
                        JsonStream.readLines(in, out);
                    }
                }
                default -> readCsv(in, sniff, name, out);
            }
        } catch (IOException e) {
            out.broken("", TextInput.unreadable(e) + (out.total > 0 ? " after " + out.total + " records; the rest is not read" : ""), 1);
        }
        if (out.container == null) out.container = sniff.kind() == Sniff.Kind.CSV ? "CSV" : "JSON";
        return null;
    }

    private static void readCsv(TextInput in, Sniff sniff, String name, PartRecords out) throws IOException {
        CsvSignIns csv = new CsvSignIns(name, out);
        CsvRows.read(in, sniff.separator(), csv);
        csv.finish();
    }

    /**
     * Puts the parts of one file back together, in order, for a {@link Sink}: positions of later parts moved by the
     * records and lines before them, the first rejections of the file passed on as they are and the rest summed up
     * in one entry at the end. Used on one thread, part after part.
     */
    public static final class FileAssembler implements PartSink {
        final String name;
        final Sink sink;
        long detailed;
        long beyond;
        String firstBeyond;
        long recordsBefore;
        long linesBefore;
        String container;
        String dialect;
        String encoding;

        public FileAssembler(String name, Sink sink) {
            this.name = name;
            this.sink = sink;
        }

        @Override
        public void signIn(SignIn s) {
            if (recordsBefore != 0 || linesBefore != 0) s.moveSource(recordsBefore, linesBefore);
            sink.signIn(s);
        }

        @Override
        public void rejected(Position at, String where, String reason, long count) {
            String w = at == null ? where : at.movedBy(recordsBefore, linesBefore).toString();
            Rejection r = new Rejection(name, w, reason, count);
            if (detailed < DETAILED_REJECTIONS) {
                detailed++;
                sink.rejected(r);
            } else {
                if (firstBeyond == null) firstBeyond = r.record();
                beyond += r.records();
            }
        }

        @Override
        public void notice(String where, String message) {
            sink.notice(new Rejection(name, where, message, 0));
        }

        /** After each part, in order. */
        public void add(PartResult part) {
            if (container == null) container = part.container();
            if (dialect == null) dialect = part.dialect();
            if (encoding == null) encoding = part.encoding();
            recordsBefore += part.records();
            linesBefore += part.lines();
        }

        /** After the last part: sums up the rejections beyond the first ones; returns how the file was understood. */
        public String finish() {
            if (beyond > 0) {
                sink.rejected(new Rejection(name, "from " + firstBeyond, beyond + " more records rejected; the first "
                        + DETAILED_REJECTIONS + " rejections of this file are listed one by one", beyond));
            }
            return new PartResult(container, dialect, encoding, 0, 0).describe();
        }
    }
}
