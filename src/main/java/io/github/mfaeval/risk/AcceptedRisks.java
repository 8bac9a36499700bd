package io.github.mfaeval.risk;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.mfaeval.load.InputException;
import io.github.mfaeval.load.text.InputFiles;
import io.github.mfaeval.load.text.JsonRecords;
import io.github.mfaeval.model.Finding;
import io.github.mfaeval.model.Severity;
import io.github.mfaeval.result.AcceptedRiskState;
import io.github.mfaeval.result.Report;
import io.github.mfaeval.result.Summary;
import io.github.mfaeval.result.UserVerdict;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The risks a tenant has decided to live with, from the optional acceptedRisks.json of its folder. Both
 * {@code evaluate} and {@code batch} judge a report against them: an accepted finding stays in the report,
 * marked accepted, and no longer counts against the status; once an acceptance expires the finding counts
 * again and an ACCEPTANCE_EXPIRED finding says so.
 */
public final class AcceptedRisks {
    public static final String FILE = "acceptedRisks.json";
    public static final String EXPIRED_CODE = "ACCEPTANCE_EXPIRED";
    static final String SECTION = "Accepted risks";
    private static final Set<String> FIELDS = Set.of("rule", "code", "subject", "justification", "approver", "expires");

    /** A tenant without acceptedRisks.json. */
    public static final AcceptedRisks NONE = new AcceptedRisks(List.of(), false);

    private final List<AcceptedRisk> entries;
    private final boolean declared;

    AcceptedRisks(List<AcceptedRisk> entries, boolean declared) {
        this.entries = List.copyOf(entries);
        this.declared = declared;
    }

    public List<AcceptedRisk> entries() {
        return entries;
    }

    /**
     * The accepted risks of a tenant folder. A file that is present must be right: a malformed entry is an
     * input error naming the file and the entry, since silently ignoring it would count a finding someone
     * believes accepted, and silently guessing would accept what no one approved.
     */
    public static AcceptedRisks read(Path folder) throws InputException {
        Path file = folder.resolve(FILE);
        if (!InputFiles.exists(file)) return NONE;
        String problem = InputFiles.problem(file);
        if (problem != null) throw new InputException(file + ": " + problem);
        JsonNode root;
        try {
            // one JSON value, gzip undone: the same reading as every configuration file
            root = JsonRecords.readTree(file);
        } catch (IOException e) {
            throw new InputException(file + ": not valid JSON: " + io.github.mfaeval.load.text.JsonSyntax.describe(e));
        }
        if (root == null || !root.isArray()) {
            throw new InputException(file + ": expected a JSON array of accepted risks "
                    + "[{\"code\" or \"rule\", \"subject\", \"justification\", \"approver\", \"expires\"}, …]");
        }
        List<AcceptedRisk> entries = new ArrayList<>();
        int n = 0;
        for (JsonNode e : root) {
            n++;
            entries.add(entry(file, n, e));
        }
        return new AcceptedRisks(entries, true);
    }

    private static AcceptedRisk entry(Path file, int n, JsonNode e) throws InputException {
        String where = file + ": entry " + n;
        if (!e.isObject()) throw new InputException(where + ": expected an object");
        Iterator<String> names = e.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new InputException(where + ": unknown field \"" + name + "\" (expected rule, code, subject, justification, approver, expires)");
            }
        }
        String rule = text(e, "rule", where);
        String code = text(e, "code", where);
        String subject = text(e, "subject", where);
        String justification = text(e, "justification", where);
        String approver = text(e, "approver", where);
        String expires = text(e, "expires", where);
        if (rule == null && code == null) throw new InputException(where + ": needs \"rule\" (a rule id) or \"code\" (a finding code)");
        if (subject == null) throw new InputException(where + ": \"subject\" is required (the finding's subject: an id, or a user's principal name)");
        if (justification == null) throw new InputException(where + ": \"justification\" is required: say why the risk is accepted");
        if (expires == null) throw new InputException(where + ": \"expires\" is required (yyyy-mm-dd): an acceptance is reviewed, not forever");
        LocalDate expiry;
        try {
            expiry = LocalDate.parse(expires);
        } catch (DateTimeParseException ex) {
            throw new InputException(where + ": \"expires\" must be a date (yyyy-mm-dd), found \"" + expires + "\"");
        }
        return new AcceptedRisk(n, rule, code, subject, justification, approver, expiry);
    }

    private static String text(JsonNode e, String field, String where) throws InputException {
        JsonNode v = e.get(field);
        if (v == null || v.isNull()) return null;
        if (!v.isTextual()) throw new InputException(where + ": \"" + field + "\" must be a string, found " + v);
        String s = v.textValue().trim();
        return s.isEmpty() ? null : s;
    }

    /**
     * The report judged against these acceptances on its as-of date. Without acceptedRisks.json the report
     * is returned as it is, so reports of tenants that accept nothing do not change shape.
     */
    public Report apply(Report report) {
        if (!declared) return report;
        LocalDate day = report.asOf();
        Map<String, String> principalNames = new HashMap<>();
        for (UserVerdict u : report.users()) {
            if (u.userPrincipalName() != null) principalNames.put(u.id(), u.userPrincipalName());
        }
        // The rules' readiness decides the new note of a lapsed acceptance, and the status again (none known: fail closed).
        io.github.mfaeval.result.Readiness readiness = report.rules() == null || report.rules().actions() == null
                ? io.github.mfaeval.result.Readiness.UNDECIDED : report.rules().actions().readiness();
        int[] matched = new int[entries.size()];
        List<Finding> findings = new ArrayList<>();
        for (Finding f : report.findings()) {
            String upn = principalNames.get(f.subject());
            AcceptedRisk inForce = null;
            AcceptedRisk expired = null;
            for (int i = 0; i < entries.size(); i++) {
                AcceptedRisk a = entries.get(i);
                if (!a.matches(f, upn)) continue;
                matched[i]++;
                if (!a.expiredOn(day)) {
                    if (inForce == null) inForce = a;
                } else if (expired == null || a.expires().isAfter(expired.expires())) {
                    expired = a;
                }
            }
            if (inForce != null) {
                findings.add(f.accept(inForce.acceptance()));
            } else {
                findings.add(f);
                // Renewed by a later entry: nothing to say. Otherwise the lapse itself is news.
                if (expired != null) findings.add(readiness.decide(expired(expired, f, upn)));
            }
        }
        findings.sort(Finding.REPORT_ORDER);
        List<AcceptedRiskState> states = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            AcceptedRisk a = entries.get(i);
            AcceptedRiskState.State state = a.expiredOn(day) ? AcceptedRiskState.State.EXPIRED
                    : matched[i] == 0 ? AcceptedRiskState.State.UNMATCHED : AcceptedRiskState.State.ACTIVE;
            states.add(new AcceptedRiskState(a.entry(), a.rule(), a.code(), a.subject(), a.justification(), a.approver(),
                    a.expires(), state, matched[i]));
        }
        Summary s = report.summary();
        Summary summary = s.withFindings(s.usersReady(), findings.size());
        return report.withAcceptedRisks(readiness.status(report.inputs(), findings), findings, summary, states);
    }

    /** The note that an acceptance ran out: it names the finding that counts again and what to do. */
    private static Finding expired(AcceptedRisk a, Finding f, String upn) {
        return new Finding(EXPIRED_CODE, f.rule(), Severity.LOW, f.subject(),
                "The acceptance of " + f.code() + " for " + (upn == null ? f.subject() : upn) + " (" + FILE + " entry " + a.entry()
                        + (a.approver() == null ? "" : ", approved by " + a.approver()) + ": \"" + a.justification() + "\") expired on "
                        + a.expires() + ", so the finding counts again. Fix it, or review the risk and renew the acceptance.",
                SECTION);
    }
}
