package io.github.mfaeval.load.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.mfaeval.load.InputFiles;
import io.github.mfaeval.load.Json;
import io.github.mfaeval.load.JsonRecords.Position;
import io.github.mfaeval.load.Rejection;
import io.github.mfaeval.load.SignInKind;
import io.github.mfaeval.load.SignInMapper;
import io.github.mfaeval.model.SignIn;
import io.github.mfaeval.text.SafeText;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
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
        void signIn(SignIn signIn, SignInKind kind);

        /** {@code rejection.records()} records that are not evaluated. */
        void rejected(Rejection rejection);

        /** Something worth knowing that costs no record. */
        default void notice(Rejection notice) {
        }
    }

    private SignInReader() {
    }

    /**
     * Reads {@code file}; {@code details} holds the portal's authentication-details rows (may be null).
     * Returns how the file was understood, e.g. "JSON page objects, Graph (gzip)".
     */
    public static String read(Path file, PortalAuthDetails details, Sink sink) {
        String name = file.getFileName().toString();
        Limited out = new Limited(name, sink);
        try {
            return read(file, name, details, out);
        } finally {
            out.finish();
        }
    }

    private static String read(Path file, String name, PortalAuthDetails details, Limited out) {
        String notReadable = InputFiles.problem(file);
        if (notReadable != null) {
            // a pipe, device, socket, folder or link out of the tenant folder: never opened (docs/formats.md)
            out.rejected(new Rejection(name, "", notReadable));
            return "not read";
        }
        if (!SignInFiles.isSupported(name)) {
            out.rejected(new Rejection(name, "", SignInFiles.unsupported(name)));
            return "unsupported";
        }
        Sniff sniff;
        try {
            sniff = Sniff.of(file);
        } catch (IOException e) {
            out.rejected(new Rejection(name, "", unreadable(e)));
            return "unreadable";
        }
        switch (sniff.kind()) {
            case EMPTY -> {
                out.rejected(new Rejection(name, "", "is empty: no records, not even an empty list or a CSV header (a failed export?)"));
                return "empty";
            }
            case BINARY -> {
                out.rejected(new Rejection(name, "line 1", "is not text (control byte " + sniff.firstLine()
                        + " before the first line ends): not a JSON or CSV export"));
                return "binary";
            }
            case UTF16_NO_BOM -> {
                out.rejected(new Rejection(name, "", "is " + sniff.firstLine() + " text without a byte-order mark, which cannot "
                        + "be told apart from binary data: save it as UTF-8 (or as UTF-16 with a byte-order mark)"));
                return sniff.firstLine() + " without BOM";
            }
            case ZIP -> {
                out.rejected(new Rejection(name, "", "is a ZIP archive (an Excel workbook or a zipped download): "
                        + "save or extract it as CSV or JSON"));
                return "ZIP archive";
            }
            case UNKNOWN -> {
                out.rejected(new Rejection(name, "line 1", "is neither JSON nor CSV: it starts with \"" + SafeText.excerpt(sniff.firstLine()) + "\""));
                return "unknown";
            }
            default -> {
                // read below
            }
        }
        Records records = new Records(name, details, out);
        try (TextInput in = TextInput.open(file)) {
            switch (sniff.kind()) {
                case JSON -> JsonSignIns.readDocument(in, records);
                case NDJSON -> JsonSignIns.readLines(in, records);
                default -> readCsv(in, sniff, name, records);
            }
        } catch (IOException e) {
            out.rejected(new Rejection(name, "", unreadable(e) + (out.total > 0 ? " after " + out.total + " records; the rest is not read" : "")));
        }
        String container = records.container == null ? (sniff.kind() == Sniff.Kind.CSV ? "CSV" : "JSON") : records.container;
        String dialect = records.dialect == null || container.contains(records.dialect) ? "" : ", " + records.dialect;
        return container + dialect + (sniff.container().isEmpty() ? "" : " (" + sniff.container() + ")");
    }

    private static void readCsv(TextInput in, Sniff sniff, String name, Records out) throws IOException {
        CsvSignIns csv = new CsvSignIns(name, out);
        CsvRows.read(in, sniff.separator(), csv);
        csv.finish();
    }

    static String unreadable(IOException e) {
        if (e instanceof AccessDeniedException) return "cannot be read: permission denied";
        if (e instanceof NoSuchFileException) return "cannot be read: it does not exist (a broken link?)";
        if (e instanceof TextInput.BrokenBytes) return e.getMessage();
        return "cannot be read: " + e.getMessage();
    }

    /** Turns the container readers' records into facts or rejections. */
    private static final class Records implements RawRecords {
        final String name;
        final PortalAuthDetails details;
        final Limited out;
        final String hint;
        String container;
        String dialect;

        Records(String name, PortalAuthDetails details, Limited out) {
            this.name = name;
            this.details = details;
            this.out = out;
            this.hint = SignInRecords.eventTypeOfName(name);
        }

        @Override
        public void container(String description) {
            if (container == null) container = description;
        }

        @Override
        public void record(JsonNode node, Position at) {
            normalised(SignInRecords.normalise(node, hint), at);
        }

        @Override
        public void normalised(SignInRecords.Normalised n, Position at) {
            if (dialect == null && n.dialect() != null) dialect = n.dialect();
            try {
                JsonNode node = n.node();
                if (details != null && node != null && node.isObject() && Json.field(node, "authenticationDetails") == null) {
                    String id = Json.text(node, "id");
                    JsonNode steps = id == null ? null : details.stepsFor(id);
                    if (steps != null) ((ObjectNode) node).set("authenticationDetails", steps);
                }
                SignInMapper.Mapped m = SignInMapper.read(node, name + " " + at, n.labels());
                out.signIn(m.signIn(), m.kind());
            } catch (SignInMapper.BadRecord | PortalCsvSignIns.RowProblem e) {
                out.rejected(new Rejection(name, at.toString(), e.getMessage()));
            } catch (RuntimeException e) {
                out.rejected(new Rejection(name, at.toString(), "cannot be read: " + e));
            }
        }

        @Override
        public void broken(String where, String reason, long count) {
            out.rejected(new Rejection(name, where, reason, count));
        }

        @Override
        public void notice(String where, String message) {
            out.sink.notice(new Rejection(name, where, message, 0));
        }
    }

    /** The rows of a CSV sign-in file, through the dialect its header names. */
    private static final class CsvSignIns implements CsvRows.Rows {
        final String name;
        final Records out;
        PortalCsvSignIns portal;
        PascalCaseCsvSignIns pascal;
        boolean details;
        /** Set when the header spoils every row: the rows are counted and refused together. */
        String unusable;
        long unusableRows;
        long firstLine;
        long lastLine;
        long firstIndex;

        CsvSignIns(String name, Records out) {
            this.name = name;
            this.out = out;
        }

        @Override
        public void header(String[] header, long line) {
            if (PortalAuthDetails.matches(header)) {
                out.container("Entra admin center CSV (authentication details)");
                details = true;
                out.notice("line " + line, "authentication details, not sign-ins: they are joined to the sign-ins of the other files by Request ID");
            } else if (PortalCsvSignIns.matches(header)) {
                portal = new PortalCsvSignIns(header, name);
                out.container(portal.describe());
                unusable = portal.unusable();
                if (!portal.unknownColumns().isEmpty()) {
                    out.notice("line " + line, "column" + (portal.unknownColumns().size() > 1 ? "s " : " ")
                            + quoted(portal.unknownColumns()) + " not known to mfa-eval; ignored");
                }
            } else if (PascalCaseCsvSignIns.matches(header)) {
                pascal = new PascalCaseCsvSignIns(header, name);
                out.container(pascal.describe());
                unusable = pascal.unusable();
            } else {
                out.container("CSV");
                unusable = "the header (line " + line + ") has none of the columns of a sign-in export (it starts "
                        + quoted(List.of(header).subList(0, Math.min(4, header.length)))
                        + "); localized portal downloads are not supported: download with the portal language set to English";
            }
        }

        @Override
        public void row(String[] values, Position at) {
            if (details) return;
            if (unusable != null) {
                if (unusableRows++ == 0) {
                    firstLine = at.line();
                    firstIndex = at.index();
                }
                lastLine = at.line();
                return;
            }
            try {
                out.normalised(portal != null ? portal.row(values) : pascal.row(values), at);
            } catch (PortalCsvSignIns.RowProblem e) {
                out.broken(at.toString(), e.getMessage(), 1);
            }
        }

        @Override
        public void broken(String where, String reason, long count) {
            out.broken(where, reason, count);
        }

        void finish() {
            if (unusable == null) return;
            if (unusableRows == 0) {
                out.broken("", unusable + " (and no rows follow)", 1);
                return;
            }
            String where = unusableRows == 1 ? new Position(firstIndex, firstLine).toString()
                    : "records " + firstIndex + "-" + (firstIndex + unusableRows - 1) + " (lines " + firstLine + "-" + lastLine + ")";
            out.broken(where, unusable, unusableRows);
        }

        private static String quoted(List<String> names) {
            StringBuilder b = new StringBuilder();
            for (String n : names) b.append(b.length() > 0 ? ", " : "").append('"').append(SafeText.excerpt(n.trim())).append('"');
            return b.toString();
        }
    }

    /** Passes the first rejections of a file on as they are, and sums up the rest in one entry at the end. */
    private static final class Limited {
        final String name;
        final Sink sink;
        long total;
        long detailed;
        long beyond;
        String firstBeyond;

        Limited(String name, Sink sink) {
            this.name = name;
            this.sink = sink;
        }

        void signIn(SignIn s, SignInKind kind) {
            total++;
            // The kind rides with the sign-in, so whoever counts it (here or on a cluster) can tell the period per kind.
            s.setKind(kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            sink.signIn(s, kind);
        }

        void rejected(Rejection r) {
            total += r.records();
            if (detailed < DETAILED_REJECTIONS) {
                detailed++;
                sink.rejected(r);
            } else {
                if (firstBeyond == null) firstBeyond = r.record();
                beyond += r.records();
            }
        }

        void finish() {
            if (beyond > 0) {
                sink.rejected(new Rejection(name, "from " + firstBeyond, beyond + " more records rejected; the first "
                        + DETAILED_REJECTIONS + " rejections of this file are listed one by one", beyond));
            }
        }
    }
}
