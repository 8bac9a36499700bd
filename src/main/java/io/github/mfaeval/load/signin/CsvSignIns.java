package io.github.mfaeval.load.signin;

import io.github.mfaeval.load.text.CsvRows;
import io.github.mfaeval.load.text.Position;
import io.github.mfaeval.text.SafeText;

import java.util.List;

/** The rows of a CSV sign-in file, through the dialect its header names ({@link SignInFormats}). */
final class CsvSignIns implements CsvRows.Rows {
    final String name;
    final PartRecords out;
    /** The file's columns, in the dialect its header names ({@link SignInFormats#forHeader}). */
    SignInColumns columns;
    boolean details;
    /** Set when the header spoils every row: the rows are counted and refused together. */
    String unusable;
    long unusableRows;
    /** Rows under an unusable header that were refused on their own (cut short, a broken quote): each counted there. */
    long brokenRows;
    /** Where the first row under an unusable header starts, and the line the last one starts on. */
    Position first;
    long lastLine;

    CsvSignIns(String name, PartRecords out) {
        this.name = name;
        this.out = out;
    }

    /** A header whose rows a part of the file can read on its own: a sign-in export's, usable. */
    static boolean splittable(String[] header) {
        if (PortalAuthDetails.matches(header)) return false;
        SignInFormat format = SignInFormats.forHeader(header);
        return format != null && format.columns(header, "").unusable() == null;
    }

    /** A later part of the file: the header was read (and its notices given) by the first part. */
    void continued(String[] header) {
        columns = SignInFormats.forHeader(header).columns(header, name);
        out.container(columns.describe());
    }

    @Override
    public void header(String[] header, long line) {
        SignInFormat format;
        if (PortalAuthDetails.matches(header)) {
            out.container("Entra admin center CSV (authentication details)");
            details = true;
            out.notice("line " + line, "authentication details, not sign-ins: they are joined to the sign-ins of the other files by Request ID");
        } else if ((format = SignInFormats.forHeader(header)) != null) {
            columns = format.columns(header, name);
            out.container(columns.describe());
            unusable = columns.unusable();
            if (!columns.unknownColumns().isEmpty()) {
                out.notice("line " + line, "column" + (columns.unknownColumns().size() > 1 ? "s " : " ")
                        + quoted(columns.unknownColumns()) + " not known to mfa-eval; ignored");
            }
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
            if (unusableRows++ == 0) first = at;
            lastLine = at.line();
            return;
        }
        try {
            out.normalised(columns.row(values), at);
        } catch (PortalCsv.RowProblem e) {
            out.broken(at.toString(), e.getMessage(), 1);
        }
    }

    @Override
    public void broken(String where, String reason, long count) {
        if (unusable != null) brokenRows += count;
        out.broken(where, reason, count);
    }

    void finish() {
        if (unusable == null) return;
        if (unusableRows == 0) {
            // The header is no record: it counts one only when nothing under it was counted already, so that a
            // file of one row counts one record whatever is wrong with the row (issue 24).
            if (brokenRows == 0) out.broken("", unusable + " (and no rows follow)", 1);
            else out.broken("", unusable + " (the " + (brokenRows == 1 ? "row" : brokenRows + " rows") + " under it "
                    + (brokenRows == 1 ? "is" : "are") + " rejected on " + (brokenRows == 1 ? "its" : "their") + " own)", 0);
            return;
        }
        String where = unusableRows == 1 ? first.toString()
                : "records " + first.index() + "-" + (first.index() + unusableRows - 1) + " (lines " + first.line() + "-" + lastLine + ")";
        out.broken(where, unusable, unusableRows);
    }

    private static String quoted(List<String> names) {
        StringBuilder b = new StringBuilder();
        for (String n : names) b.append(b.length() > 0 ? ", " : "").append('"').append(SafeText.excerpt(n.trim())).append('"');
        return b.toString();
    }
}
