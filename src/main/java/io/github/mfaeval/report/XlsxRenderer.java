package io.github.mfaeval.report;

import io.github.mfaeval.result.Action;
import io.github.mfaeval.result.Actions;
import io.github.mfaeval.result.EnforcementDates;
import io.github.mfaeval.result.Report;
import io.github.mfaeval.result.ScheduleEntry;
import io.github.mfaeval.result.SignInVerdict;
import io.github.mfaeval.result.SubjectNames;
import io.github.mfaeval.result.Summary;
import io.github.mfaeval.result.UserVerdict;
import io.github.mfaeval.model.Finding;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The report as one Excel workbook (Apache POI, streaming: rows go to disk as they are written, so a 100,000-user
 * tenant fits in little memory). Sheets: Summary, Actions, Findings, Users, Sign-ins, each with a header row,
 * frozen, with filters. Every value is written as a string or number cell, never as a formula: a display name
 * such as {@code =HYPERLINK(...)} is shown, not run (unlike CSV, no apostrophe is needed to defuse it).
 */
public final class XlsxRenderer {
    public static final String SUMMARY = "Summary";
    public static final String ACTIONS = "Actions";
    public static final String FINDINGS = "Findings";
    public static final String USERS = "Users";
    public static final String SIGN_INS = "Sign-ins";
    /** Excel's row limit, less the header row and the note that rows were left out. */
    static final int MAX_ROWS = SpreadsheetVersion.EXCEL2007.getMaxRows() - 2;
    /** Excel's limit on one cell's text. */
    private static final int MAX_CELL = SpreadsheetVersion.EXCEL2007.getMaxTextLength();

    public void render(Report r, OutputStream out) throws IOException {
        SXSSFWorkbook book = new SXSSFWorkbook(200);
        try {
            Styles styles = new Styles(book);
            summary(book.createSheet(SUMMARY), r, styles);
            actions(book.createSheet(ACTIONS), r, styles);
            findings(book.createSheet(FINDINGS), r, styles);
            users(book.createSheet(USERS), r, styles);
            signIns(book.createSheet(SIGN_INS), r, styles);
            book.write(out);
            out.flush();
        } finally {
            book.dispose();
            book.close();
        }
    }

    private static final class Styles {
        final CellStyle header;
        final CellStyle wrap;

        Styles(SXSSFWorkbook book) {
            Font bold = book.createFont();
            bold.setBold(true);
            header = book.createCellStyle();
            header.setFont(bold);
            wrap = book.createCellStyle();
            wrap.setWrapText(true);
        }
    }

    private static void summary(SXSSFSheet s, Report r, Styles st) {
        s.setColumnWidth(0, 30 * 256);
        s.setColumnWidth(1, 90 * 256);
        List<Object[]> rows = new ArrayList<>();
        Summary m = r.summary();
        rows.add(new Object[] {"Tenant", r.tenant().displayName()});
        rows.add(new Object[] {"Tenant id", r.tenant().id()});
        rows.add(new Object[] {"Licence", r.tenant().license()});
        rows.add(new Object[] {"Test tenant", r.tenant().testTenant() ? "yes" : "no"});
        rows.add(new Object[] {"Evaluated as of", r.asOf().toString()});
        if (EditionWords.edition(r) != null) rows.add(new Object[] {"Edition", EditionWords.edition(r)});
        rows.add(new Object[] {"Status", r.status().name()});
        String gaps = io.github.mfaeval.result.CollectionGap.notice(r.collectionGaps());
        if (gaps != null) rows.add(new Object[] {"Collection", gaps});
        rows.add(new Object[] {"Sign-ins evaluated", Freshness.sentence(r)});
        for (ScheduleEntry e : r.schedule()) {
            rows.add(new Object[] {"Phase " + e.phase() + " enforced from", e.start() + " (" + e.stateShown()
                    + (e.postponed() ? ", postponed" : "") + "; source " + e.sourceShown() + ")"});
            if (e.policy() != null && !e.policy().isEmpty()) {
                rows.add(new Object[] {"Phase " + e.phase() + " Azure Policy", String.join("; ", e.policy())});
            }
        }
        rows.add(new Object[] {"Actions", r.actions().size()});
        rows.add(new Object[] {"Findings", m.findings()});
        rows.add(new Object[] {"Findings requiring action", r.findingCounts().requiringAction()});
        rows.add(new Object[] {"Users", m.users()});
        rows.add(new Object[] {"Users in scope", m.usersInScope()});
        rows.add(new Object[] {"Users ready", m.usersReady()});
        rows.add(new Object[] {"Sign-ins read", m.signInsRead()});
        rows.add(new Object[] {"Sign-ins evaluated", m.signInsEvaluated()});
        rows.add(new Object[] {"Sign-ins rejected", m.signInsRejected()});
        rows.add(new Object[] {"Sign-ins duplicate", m.signInsDuplicate()});
        rows.add(new Object[] {"Sign-ins in scope", m.signInsInScope()});
        rows.add(new Object[] {"Sign-ins in scope without MFA", m.signInsNotSatisfied()});
        if (EditionWords.armWrites(r) != null) rows.add(new Object[] {"Phase 2 writes", EditionWords.armWrites(r)});
        rows.add(new Object[] {"Missing exports", String.join(", ", r.inputs().missing())});
        rows.add(new Object[] {"Rejected records", r.inputs().rejected().size()});
        if (r.rules() != null) rows.add(new Object[] {"Rules", r.rules().source() + " (fingerprint " + r.rules().fingerprint() + ")"});
        int i = 0;
        for (Object[] values : rows) {
            Row row = s.createRow(i++);
            Cell k = row.createCell(0);
            k.setCellValue(values[0].toString());
            k.setCellStyle(st.header);
            put(row, 1, values[1]);
        }
    }

    private static void actions(SXSSFSheet s, Report r, Styles st) {
        header(s, st, new String[] {"Rank", "Severity", "Action", "What to do", "Fixes", "Users fixed", "Findings", "Codes",
                "Enforcement date", "Already enforced", "Owner", "Due date"}, new int[] {6, 10, 50, 90, 30, 12, 10, 40, 16, 16, 20, 14});
        int i = 1;
        for (Action a : r.actions()) {
            Row row = s.createRow(i++);
            put(row, 0, a.rank());
            put(row, 1, a.severity().name());
            put(row, 2, a.title());
            put(row, 3, a.whatToDo());
            put(row, 4, a.fixes());
            put(row, 5, a.users());
            put(row, 6, a.findings());
            put(row, 7, String.join(" ", a.codes()));
            put(row, 8, a.enforcementDate() == null ? null : a.enforcementDate().toString());
            put(row, 9, a.enforcementDate() == null ? null : a.enforced() ? "yes" : "no");
        }
        finish(s, i, 12);
    }

    private static void findings(SXSSFSheet s, Report r, Styles st) {
        header(s, st, new String[] {"Severity", "Code", "Subject", "Subject id", "What to do", "Action", "Source section", "Rule",
                "Enforcement date", "Accepted"}, new int[] {10, 32, 36, 38, 90, 30, 36, 14, 16, 10});
        SubjectNames names = new SubjectNames(r);
        EnforcementDates dates = new EnforcementDates(r);
        java.util.Map<Finding, String> actionOf = new java.util.IdentityHashMap<>();
        for (Actions.Group g : Actions.groups(r)) for (Finding f : g.findings()) actionOf.put(f, g.action().title());
        int i = 1;
        for (Finding f : r.findings()) {
            if (i > MAX_ROWS) break;
            Row row = s.createRow(i++);
            put(row, 0, f.severity().name());
            put(row, 1, f.code());
            put(row, 2, names.of(f.subject()));
            put(row, 3, f.subject());
            put(row, 4, f.message());
            put(row, 5, actionOf.get(f));
            put(row, 6, f.section());
            put(row, 7, f.rule());
            put(row, 8, dates.of(f) == null ? null : dates.of(f).toString());
            put(row, 9, f.accepted() == null ? "no" : "yes");
        }
        finish(s, i, 10, r.findings().size());
    }

    private static void users(SXSSFSheet s, Report r, Styles st) {
        header(s, st, new String[] {"User", "Id", "In scope", "Ready", "Covered by", "Findings", "In-scope sign-ins", "With MFA",
                "Without MFA", "Rules"}, new int[] {40, 38, 10, 10, 40, 40, 14, 12, 12, 40});
        int i = 1;
        for (UserVerdict u : r.users()) {
            if (i > MAX_ROWS) break;
            UserVerdict.SignInCounts n = Objects.requireNonNullElse(u.signIns(), new UserVerdict.SignInCounts(0, 0, 0));
            Row row = s.createRow(i++);
            put(row, 0, u.userPrincipalName());
            put(row, 1, u.id());
            put(row, 2, u.inScope() ? "yes" : "no");
            put(row, 3, u.ready() ? "yes" : "no");
            put(row, 4, u.coveredBy() == null || u.coveredBy().isEmpty() ? "not covered by any policy" : String.join(", ", u.coveredBy()));
            put(row, 5, String.join(" ", u.findings()));
            put(row, 6, n.inScope());
            put(row, 7, n.satisfied());
            put(row, 8, n.unsatisfied());
            put(row, 9, String.join(" ", u.rules()));
        }
        finish(s, i, 10, r.users().size());
    }

    private static void signIns(SXSSFSheet s, Report r, Styles st) {
        header(s, st, new String[] {"Time (UTC)", "User", "User id", "Application", "App id", "Phase", "In scope", "Scope reason",
                "MFA satisfied", "Satisfied by", "Enforcement active", "Rules", "Record"}, new int[] {22, 36, 38, 30, 38, 8, 10, 20, 14, 22, 18, 30, 40});
        List<SignInVerdict> all = r.signIns() == null ? List.of() : r.signIns();
        int i = 1;
        for (SignInVerdict v : all) {
            if (i > MAX_ROWS) break;
            Row row = s.createRow(i++);
            put(row, 0, v.createdDateTime() == null ? null : v.createdDateTime().toString());
            put(row, 1, v.userPrincipalName());
            put(row, 2, v.userId());
            put(row, 3, v.application());
            put(row, 4, v.appId());
            put(row, 5, v.phase());
            put(row, 6, v.inScope() ? "yes" : "no");
            put(row, 7, v.scopeReason() == null ? null : v.scopeReason().name());
            put(row, 8, v.mfaSatisfied() == null ? null : v.mfaSatisfied() ? "yes" : "no");
            put(row, 9, v.satisfiedBy() == null ? null : v.satisfiedBy().toString());
            put(row, 10, v.enforcementActive() == null ? null : v.enforcementActive() ? "yes" : "no");
            put(row, 11, v.rules() == null ? null : String.join(" ", v.rules()));
            put(row, 12, v.source());
        }
        finish(s, i, 13, all.size());
    }

    private static void header(SXSSFSheet s, Styles st, String[] names, int[] widths) {
        Row row = s.createRow(0);
        for (int c = 0; c < names.length; c++) {
            Cell cell = row.createCell(c);
            cell.setCellValue(names[c]);
            cell.setCellStyle(st.header);
            s.setColumnWidth(c, widths[c] * 256);
        }
        s.createFreezePane(0, 1);
    }

    private static void finish(Sheet s, int rows, int columns) {
        if (rows > 1) s.setAutoFilter(new CellRangeAddress(0, rows - 1, 0, columns - 1));
    }

    private static void finish(Sheet s, int rows, int columns, int total) {
        finish(s, rows, columns);
        if (total > rows - 1) {
            s.createRow(rows).createCell(0).setCellValue("The first " + (rows - 1) + " of " + total
                    + " rows (a sheet holds no more): --format csv or json lists all of them.");
        }
    }

    /** A number as a number, anything else as text (never a formula). */
    private static void put(Row row, int column, Object value) {
        if (value == null) return;
        Cell cell = row.createCell(column);
        if (value instanceof Number n) {
            cell.setCellValue(n.doubleValue());
        } else {
            String text = value.toString();
            cell.setCellValue(text.length() > MAX_CELL ? text.substring(0, MAX_CELL - 1) + "\u2026" : text);
        }
    }
}
