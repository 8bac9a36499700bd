package io.github.mfaeval.collect;

import io.github.mfaeval.rules.RuleFiles;
import io.github.mfaeval.rules.TableSheet;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which sign-ins the selected edition's rules judge, as a Graph filter: those whose client {@code appId} is an
 * active row of the edition's applications table ({@code reference/applications.drl.*}, the edition's own copy
 * when it has one). Every rule that reads a sign-in needs it in scope, and only a listed client application puts
 * it in scope (signin/scope.drl: any other is APP_NOT_LISTED, a workload identity is out of scope whatever its
 * application; the 2026-04-03 edition's Azure Resource Manager rules narrow listed Phase 2 sign-ins further and
 * judge writes from the Activity Log, not from sign-ins). So a sign-in to another application changes no verdict,
 * only the count of out-of-scope sign-ins. A row an author adds is collected on the next run with no code change.
 *
 * <p>{@link #ALL} is the unfiltered pull of {@code --all-sign-ins}.
 */
public final class SignInFilter {
    /** Every sign-in of the window (--all-sign-ins). */
    public static final SignInFilter ALL = new SignInFilter(List.of(), null, null);
    static final String TABLE = "reference/applications.drl";
    private static final String APP_COLUMN = "Client app id";
    private static final String ACTIVE_COLUMN = "Active";

    private final List<String> appIds;
    private final String edition;
    private final String table;

    private SignInFilter(List<String> appIds, String edition, String table) {
        this.appIds = List.copyOf(appIds);
        this.edition = edition;
        this.table = table;
    }

    /** Client app ids of an explicit list (tests, tools); {@code source} says where they came from. */
    public static SignInFilter ofAppIds(List<String> appIds, String source) {
        Set<String> ids = new LinkedHashSet<>();
        for (String id : appIds) ids.add(id.trim().toLowerCase(Locale.ROOT));
        if (ids.isEmpty()) throw new IllegalArgumentException("a sign-in filter needs at least one application id");
        return new SignInFilter(new ArrayList<>(ids), null, source);
    }

    /** The active client app ids of {@code rules}' applications table, as the edition it was opened as sees it. */
    public static SignInFilter of(RuleFiles rules) throws CollectException {
        String name = null;
        for (String f : rules.files().keySet()) {
            if (f.startsWith(TABLE + ".") && !f.contains("/editions/")) {
                name = f;
                break;
            }
        }
        String edition = rules.edition().id();
        if (name == null) throw new CollectException("the rules (edition " + edition + ") have no applications table " + TABLE + ".csv: "
                + "cannot tell which sign-ins they judge; pass --all-sign-ins to collect every sign-in");
        String where = rules.pathOf(name);
        List<TableSheet.Line> lines;
        try {
            lines = TableSheet.read(name, rules.files().get(name));
        } catch (TableSheet.Unreadable e) {
            throw new CollectException(where + ": " + e.getMessage());
        }
        Set<String> ids = new LinkedHashSet<>();
        int app = -1;
        int active = -1;
        for (TableSheet.Line l : lines) {
            if (app < 0) {
                // the column header row (not a "Key" or other header-block row that merely names the column)
                int a = l.cells().indexOf(APP_COLUMN);
                if (a >= 0 && l.cells().contains("Rule id")) {
                    app = a;
                    active = l.cells().indexOf(ACTIVE_COLUMN);
                }
                continue;
            }
            if (l.blank()) continue;
            String id = l.cell(app).trim().toLowerCase(Locale.ROOT);
            if (id.isEmpty()) continue;
            String on = active < 0 ? "" : l.cell(active).trim().toLowerCase(Locale.ROOT);
            // as the table compiler reads Active: blank is true
            if (on.equals("false") || on.equals("no")) continue;
            if (!id.matches("[0-9a-f-]{36}")) throw new CollectException(where + " " + l.where() + ": client app id '" + l.cell(app) + "' is not a GUID");
            ids.add(id);
        }
        if (ids.isEmpty()) throw new CollectException(where + ": no active application row; pass --all-sign-ins to collect every sign-in");
        return new SignInFilter(new ArrayList<>(ids), edition, where);
    }

    public boolean all() {
        return appIds.isEmpty();
    }

    public List<String> appIds() {
        return appIds;
    }

    /** {@code appId eq 'a' or appId eq 'b'}, in parentheses when there are several. */
    String orClause() {
        List<String> parts = new ArrayList<>();
        for (String id : appIds) parts.add(eq(id));
        return parts.size() == 1 ? parts.get(0) : "(" + String.join(" or ", parts) + ")";
    }

    static String eq(String appId) {
        return "appId eq '" + appId + "'";
    }

    /** What the filter is, in collection.json and the report: the ids and where they come from. */
    public String describe() {
        if (all()) return "none: every sign-in of the window (--all-sign-ins)";
        return "appId of the " + appIds.size() + " active application(s) of " + table + (edition == null ? "" : " (edition " + edition + ")")
                + ": " + String.join(", ", appIds);
    }

    /** Equal filters fetch the same sign-ins: an incremental run may add to files fetched with an equal one only. */
    public String key() {
        return all() ? "all" : "appId:" + String.join(",", appIds.stream().sorted().toList());
    }
}
