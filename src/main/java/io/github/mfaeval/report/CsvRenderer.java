package io.github.mfaeval.report;

import io.github.mfaeval.result.ActionPlan;
import io.github.mfaeval.result.Action;
import io.github.mfaeval.result.ArmWriteVerdict;
import io.github.mfaeval.result.EnforcementDates;
import io.github.mfaeval.result.ActivityLogPeriod;
import io.github.mfaeval.result.Report;
import io.github.mfaeval.result.SignInPeriod;
import io.github.mfaeval.result.SignInVerdict;
import io.github.mfaeval.result.SubjectNames;
import io.github.mfaeval.result.UserVerdict;
import io.github.mfaeval.text.SafeText;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.github.mfaeval.model.Finding;

import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The report as spreadsheets: one CSV per level (sign-ins, users, findings) plus the action plan (one row per
 * finding to act on) and the actions (one row per remediation, {@code actions[]}). RFC 4180
 * (comma, double quotes, CRLF), UTF-8, a header row. The data files use the JSON report's field names so a
 * column can be looked up in either; the action plan is a worksheet for people, with people's headers and
 * empty columns for owner, due date and justification.
 */
public final class CsvRenderer implements FileSetRenderer {
    public static final String SIGN_INS = "signins.csv";
    public static final String SIGN_IN_PERIOD = "sign-in-period.csv";
    public static final String USERS = "users.csv";
    public static final String FINDINGS = "findings.csv";
    public static final String ACTION_PLAN = "action-plan.csv";
    public static final String ACTIONS = "actions.csv";
    public static final String PHASE2_WRITES = "phase2-writes.csv";

    private static final CsvMapper MAPPER = CsvMapper.builder()
            // The caller owns the writer (it may be a file being written atomically).
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    @Override
    public Map<String, Renderer> files() {
        Map<String, Renderer> files = new LinkedHashMap<>();
        files.put(ACTION_PLAN, (r, out) -> write(out, ActionPlanRow.class, ActionPlan.of(r), ActionPlanRow::of));
        files.put(ACTIONS, (r, out) -> {
            List<List<String>> rows = new java.util.ArrayList<>();
            for (Action a : r.actions()) {
                rows.add(java.util.Arrays.asList(String.valueOf(a.rank()), a.severity().name(), a.title(), a.whatToDo(), a.fixes(),
                        String.valueOf(a.users()), String.valueOf(a.findings()), String.join(" ", a.codes()),
                        a.enforcementDate() == null ? null : a.enforcementDate().toString(),
                        a.enforcementDate() == null ? null : a.enforced() ? "yes" : "no", "", ""));
            }
            writeTable(out, List.of("Rank", "Severity", "Action", "What to do", "Fixes", "Users fixed", "Findings", "Codes",
                    "Enforcement date", "Already enforced", "Owner", "Due date"), rows);
        });
        files.put(FINDINGS, (r, out) -> {
            EnforcementDates dates = new EnforcementDates(r);
            SubjectNames names = new SubjectNames(r);
            write(out, FindingRow.class, r.findings(), f -> FindingRow.of(f, names, dates));
        });
        files.put(USERS, (r, out) -> write(out, UserRow.class, r.users(), UserRow::of));
        files.put(SIGN_INS, (r, out) -> write(out, SignInRow.class, r.signIns(), SignInRow::of));
        files.put(SIGN_IN_PERIOD, (r, out) -> write(out, PeriodRow.class, PeriodRow.of(r), row -> row));
        // Written for every report, so a script finds the same files; no row without an activity log.
        files.put(PHASE2_WRITES, (r, out) -> write(out, ArmWriteRow.class, r.armWrites() == null ? List.of() : r.armWrites(), ArmWriteRow::of));
        return files;
    }

    /**
     * A table for people (headers as given, one list of cells per row) in the same dialect as the report's CSVs,
     * every cell defused like theirs ({@link #cell}): for CSVs made elsewhere, such as a batch's action plan.
     */
    public static void writeTable(Writer out, List<String> headers, List<List<String>> rows) throws IOException {
        CsvSchema.Builder schema = CsvSchema.builder();
        headers.forEach(schema::addColumn);
        try (var w = MAPPER.writer(schema.build().withHeader().withLineSeparator("\r\n")).writeValues(out)) {
            for (List<String> row : rows) w.write(row.stream().map(CsvRenderer::cell).toArray(String[]::new));
        }
        out.flush();
    }

    private static <T, R> void write(Writer out, Class<R> rowType, List<T> items, Function<T, R> toRow) throws IOException {
        CsvSchema schema = MAPPER.schemaFor(rowType).withHeader().withLineSeparator("\r\n");
        try (var rows = MAPPER.writer(schema).writeValues(out)) {
            for (T item : items) rows.write(toRow.apply(item));
        }
        out.flush();
    }

    /**
     * A text cell. Spreadsheets run a cell that starts with = + - @ (or a tab or carriage return) as a formula,
     * so a display name like {@code =HYPERLINK(...)} would be executed on opening: such values get a leading
     * apostrophe, the usual way to make a spreadsheet show them as text.
     */
    public static String cell(String value) {
        return SafeText.csvCell(value);
    }

    private static String cells(List<String> values) {
        return values == null ? "" : cell(String.join(" ", values));
    }

    private static String text(Object value) {
        return value == null ? null : cell(value.toString());
    }

    @JsonPropertyOrder({"id", "createdDateTime", "userId", "userPrincipalName", "appId", "application", "phase", "inScope",
            "scopeReason", "mfaSatisfied", "satisfiedBy", "enforcementActive", "rules", "source"})
    record SignInRow(String id, String createdDateTime, String userId, String userPrincipalName, String appId,
                     String application, Integer phase, boolean inScope, String scopeReason, Boolean mfaSatisfied,
                     String satisfiedBy, Boolean enforcementActive, String rules, String source) {
        static SignInRow of(SignInVerdict s) {
            return new SignInRow(cell(s.id()), text(s.createdDateTime()), cell(s.userId()), cell(s.userPrincipalName()),
                    cell(s.appId()), cell(s.application()), s.phase(), s.inScope(), text(s.scopeReason()), s.mfaSatisfied(),
                    text(s.satisfiedBy()), s.enforcementActive(), cells(s.rules()), cell(s.source()));
        }
    }

    /** phase2-writes.csv: each Azure Resource Manager write of the activity log with its Phase 2 verdict. */
    @JsonPropertyOrder({"time", "user", "operation", "statuses", "mfa", "enforcementActive", "refused", "clientAppId", "rules", "sources"})
    record ArmWriteRow(String time, String user, String operation, String statuses, boolean mfa, boolean enforcementActive,
                       boolean refused, String clientAppId, String rules, String sources) {
        static ArmWriteRow of(ArmWriteVerdict w) {
            return new ArmWriteRow(text(w.time()), cell(w.user()), cell(w.operation()), cells(w.statuses()), w.mfa(),
                    w.enforcementActive(), w.refused(), cell(w.clientAppId()), cells(w.rules()), cells(w.sources()));
        }
    }

    /** sign-in-period.csv: the period the sign-ins cover, a row "all" then one per kind; no row when none was read. */
    @JsonPropertyOrder({"kind", "signIns", "first", "last"})
    record PeriodRow(String kind, long signIns, String first, String last) {
        /** The sign-ins' period, overall and per kind, then (with an activity log) the log's, as kind "activityLog". */
        static List<PeriodRow> of(Report r) {
            List<PeriodRow> rows = of(r.inputs().signInPeriod());
            ActivityLogPeriod a = r.inputs().activityLogPeriod();
            if (a != null && r.summary().armWritesRead() != null) {
                rows.add(new PeriodRow("activityLog", r.summary().armWritesRead(), text(a.first()), text(a.last())));
            }
            return rows;
        }

        static List<PeriodRow> of(SignInPeriod p) {
            List<PeriodRow> rows = new java.util.ArrayList<>();
            if (p == null) return rows;
            long total = p.kinds().values().stream().mapToLong(SignInPeriod.Kind::count).sum();
            rows.add(new PeriodRow("all", total, text(p.first()), text(p.last())));
            p.kinds().forEach((kind, k) -> rows.add(new PeriodRow(cell(kind), k.count(), text(k.first()), text(k.last()))));
            return rows;
        }
    }

    @JsonPropertyOrder({"id", "userPrincipalName", "inScope", "ready", "coveredBy", "findings", "signInsInScope",
            "signInsSatisfied", "signInsUnsatisfied", "rules"})
    record UserRow(String id, String userPrincipalName, boolean inScope, boolean ready, String coveredBy, String findings,
                   int signInsInScope, int signInsSatisfied, int signInsUnsatisfied, String rules) {
        static UserRow of(UserVerdict u) {
            UserVerdict.SignInCounts n = Objects.requireNonNullElse(u.signIns(), new UserVerdict.SignInCounts(0, 0, 0));
            return new UserRow(cell(u.id()), cell(u.userPrincipalName()), u.inScope(), u.ready(), cells(u.coveredBy()),
                    cells(u.findings()), n.inScope(), n.satisfied(), n.unsatisfied(), cells(u.rules()));
        }
    }

    @JsonPropertyOrder({"severity", "code", "rule", "subject", "subjectName", "message", "section", "sectionUrl",
            "enforcementDate"})
    record FindingRow(String severity, String code, String rule, String subject, String subjectName, String message,
                      String section, String sectionUrl, String enforcementDate) {
        static FindingRow of(Finding f, SubjectNames names, EnforcementDates dates) {
            return new FindingRow(text(f.severity()), cell(f.code()), cell(f.rule()), cell(f.subject()),
                    cell(names.of(f.subject())), cell(f.message()), cell(f.section()), SourceSection.url(f.section()),
                    text(dates.of(f)));
        }
    }

    @JsonPropertyOrder({"Priority", "Severity", "Enforcement date", "Already enforced", "Finding", "Subject", "Subject id",
            "What to do", "Source section", "Reference", "Rule", "Owner", "Due date", "Justification"})
    record ActionPlanRow(@JsonProperty("Priority") int priority,
                         @JsonProperty("Severity") String severity,
                         @JsonProperty("Enforcement date") String enforcementDate,
                         @JsonProperty("Already enforced") String alreadyEnforced,
                         @JsonProperty("Finding") String finding,
                         @JsonProperty("Subject") String subject,
                         @JsonProperty("Subject id") String subjectId,
                         @JsonProperty("What to do") String whatToDo,
                         @JsonProperty("Source section") String section,
                         @JsonProperty("Reference") String reference,
                         @JsonProperty("Rule") String rule,
                         @JsonProperty("Owner") String owner,
                         @JsonProperty("Due date") String dueDate,
                         @JsonProperty("Justification") String justification) {
        static ActionPlanRow of(ActionPlan.Item i) {
            Finding f = i.finding();
            return new ActionPlanRow(i.priority(), text(f.severity()), text(i.enforcementDate()),
                    i.enforcementDate() == null ? null : i.enforced() ? "yes" : "no", cell(f.code()), cell(i.subjectName()),
                    cell(f.subject()), cell(f.message()), cell(f.section()), SourceSection.url(f.section()), cell(f.rule()),
                    "", "", "");
        }
    }
}
