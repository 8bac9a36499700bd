package io.github.mfaeval.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.mfaeval.model.Severity;

/**
 * The findings catalogue, {@code rules/findings.csv}: every finding code the rules raise, with its title, its
 * source (a heading of the page, or {@code faq:ID} from test-scenarios/faqs.yaml), what to do about it, links, and
 * the message of each way a rule raises it. A table read as tolerantly as the decision tables (one header row: Code,
 * Variant, Title, Source, Remediation, Links, Message).
 *
 * <p>A row is one message. Its key is the code ({@code NO_MFA_METHOD}), or the code and a variant
 * ({@code POSTPONEMENT_INVALID/not-global-admin}) when a code is raised with different words; the code's title,
 * source, remediation and links are on its first row. A message names its values as placeholders,
 * {@code {user} has no usable MFA method}, and a rule raising it gives each by name:
 * {@code findings.raise("NO_MFA_METHOD", $u, "user", $u.getUserPrincipalName())}.
 *
 * <p>The rules and the catalogue are held to each other: a key a rule raises must be in the catalogue (a typo gets a
 * "did you mean"), the names a raise gives must be exactly the message's placeholders (both when the rules are built
 * and by {@code rules check}), and every row must be raised by some rule of some edition ({@code rules check}).
 */
public final class FindingCatalogue {
    public static final String FILE = "findings.csv";
    static final List<String> HEADERS = List.of("Code", "Variant", "Title", "Source", "Remediation", "Links", "Message", "Action", "Severity");
    private static final int ACTION = 7;
    private static final int SEVERITY = 8;
    private static final Pattern CALL = Pattern.compile("findings\\s*\\.\\s*(raise|advice|incomplete)\\s*\\(");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");
    private static final Pattern NAME = Pattern.compile("\"([A-Za-z][A-Za-z0-9]*)\"");
    private static final Pattern KEY = Pattern.compile("\"([A-Za-z0-9_]+(?:/[A-Za-z0-9_-]+)?)\"");
    private static final Pattern RULE = Pattern.compile("(?m)^[ \\t]*rule[ \\t]+\"");
    private static final Pattern RULE_ID = Pattern.compile("@id\\(\\s*\"?([^)\"\\s]+)");
    private static final Pattern RULE_SEVERITY = Pattern.compile("@severity\\(\\s*\"?([A-Za-z]+)");

    /**
     * One code of the catalogue, and the row it is on. {@code action}: the id of the action of the report that fixes
     * it (codes fixed by one action share it; blank: the code has no action of its own and the report makes one).
     */
    public record Entry(String code, String title, String source, String remediation, String links, String action, String row, String firstKey,
                        Integer phase) {
    }

    /**
     * The optional column naming the phase a code is about, when that is not the phase of its subject's applications:
     * ARM writes are refused from the tenant's Phase 2 start, whichever applications the user also signs in to.
     */
    static final String PHASE = "Phase";

    /**
     * One message: its key (code, or code/variant), its severity (the code's, unless the row gives its own), its
     * template, the placeholders it names in order, and its row.
     */
    public record Message(String key, String code, Severity severity, String template, List<String> placeholders, String row) {
        /** The message with each placeholder replaced by its value (as Java's string concatenation would write it). */
        public String render(Map<String, Object> values) {
            Matcher m = PLACEHOLDER.matcher(template);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                if (!values.containsKey(m.group(1))) {
                    throw new IllegalStateException("finding " + key + ": the message needs {" + m.group(1) + "}, which the rule did not give");
                }
                m.appendReplacement(out, Matcher.quoteReplacement(String.valueOf(values.get(m.group(1)))));
            }
            m.appendTail(out);
            return out.toString();
        }
    }

    /**
     * A key a rule raises, where, the placeholder names it gives (null when they are not all written as literals), and
     * the id and {@code @severity} of the rule it is raised in (null where the text does not say).
     */
    public record Raised(String code, String key, List<String> names, String file, int line, int column, String rule, String ruleSeverity) {
    }

    private final Map<String, Entry> entries;
    private final Map<String, Message> messages;

    private FindingCatalogue(Map<String, Entry> entries, Map<String, Message> messages) {
        this.entries = entries;
        this.messages = messages;
    }

    /** An empty catalogue: every raise is then unknown. */
    public static FindingCatalogue none() {
        return new FindingCatalogue(Map.of(), Map.of());
    }

    public Map<String, Entry> entries() {
        return entries;
    }

    /** Every message by key. */
    public Map<String, Message> messages() {
        return messages;
    }

    /** The message of a key, or null. */
    public Message message(String key) {
        return messages.get(key);
    }

    /** The finding code of a key: the part before the variant. */
    public static String codeOf(String key) {
        int slash = key.indexOf('/');
        return slash < 0 ? key : key.substring(0, slash);
    }

    /** The catalogue of a table file; mistakes (a missing column, an empty or repeated key) go to {@code problems}. */
    public static FindingCatalogue read(String file, byte[] content, List<RuleProblem> problems) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        Map<String, Message> messages = new LinkedHashMap<>();
        List<TableSheet.Line> lines;
        try {
            lines = TableSheet.read(file, content);
        } catch (TableSheet.Unreadable e) {
            problems.add(new RuleProblem(file, 0, true, e.getMessage()));
            return new FindingCatalogue(entries, messages);
        }
        List<String> headers = null;
        int[] column = new int[HEADERS.size()];
        int phaseColumn = -1;
        for (TableSheet.Line l : lines) {
            if (l.blank() || (headers == null && l.cell(0).equalsIgnoreCase("Notes"))) continue;
            if (headers == null) {
                headers = l.cells();
                for (int i = 0; i < HEADERS.size(); i++) {
                    column[i] = -1;
                    for (int c = 0; c < headers.size(); c++) if (headers.get(c).equalsIgnoreCase(HEADERS.get(i))) column[i] = c;
                    if (column[i] < 0) problems.add(new RuleProblem(file, 0, true, l.where() + ": no column \"" + HEADERS.get(i) + "\""
                            + AuthorTable.didYouMean(HEADERS.get(i), headers) + "; the header row is " + String.join(", ", headers)));
                }
                for (int c = 0; c < headers.size(); c++) if (headers.get(c).equalsIgnoreCase(PHASE)) phaseColumn = c;
                if (column[0] < 0) return new FindingCatalogue(entries, messages);
                continue;
            }
            String code = l.cell(column[0]);
            String where = at(l, column[0], "Code");
            if (code.isEmpty()) {
                problems.add(new RuleProblem(file, 0, true, where + ": no code"));
                continue;
            }
            if (!code.matches("[A-Z][A-Z0-9_]*")) {
                problems.add(new RuleProblem(file, 0, true, where + ": \"" + code + "\" is not a finding code (capitals, digits and _ only)"));
            }
            String variant = cell(l, column[1]);
            if (!variant.isEmpty() && !variant.matches("[A-Za-z0-9_-]+")) {
                problems.add(new RuleProblem(file, 0, true, at(l, column[1], "Variant") + ": \"" + variant
                        + "\" is not a variant name (letters, digits, - and _ only, such as not-global-admin)"));
            }
            String key = variant.isEmpty() ? code : code + "/" + variant;
            Entry first = entries.get(code);
            if (first == null) {
                Entry entry = new Entry(code, cell(l, column[2]), cell(l, column[3]), cell(l, column[4]), cell(l, column[5]),
                        cell(l, column[ACTION]), l.where(), key, phase(file, l, phaseColumn, problems));
                entries.put(code, entry);
                checkAction(file, l, column, entry, entries, problems);
            } else {
                // A further message of a code: what the code is called and what to do about it are said once, on its first row.
                for (int i : new int[]{2, 3, 4, 5, ACTION}) {
                    if (!cell(l, column[i]).isEmpty()) {
                        problems.add(new RuleProblem(file, 0, true, at(l, column[i], HEADERS.get(i)) + ": " + code + " has its "
                                + HEADERS.get(i) + " on " + first.row() + ": leave it blank on the code's further messages"));
                    }
                }
            }
            Severity severity = severity(file, l, column[SEVERITY], key, first == null ? null : messages.get(first.firstKey()), problems);
            String template = cell(l, column[6]);
            if (template.isEmpty()) problems.add(new RuleProblem(file, 0, true, at(l, column[6], "Message") + ": no message for " + key));
            Message previous = messages.put(key, new Message(key, code, severity, template, placeholders(template), l.where()));
            if (previous != null) problems.add(new RuleProblem(file, 0, true, where + ": " + key + " is also on " + previous.row()
                    + (variant.isEmpty() ? ": give one of them a Variant" : "")));
        }
        if (headers != null && column[ACTION] >= 0) checkActionable(file, column[ACTION], entries, messages, problems);
        return new FindingCatalogue(entries, messages);
    }

    /**
     * Every code that can require action (a message at HIGH, MEDIUM or LOW) is fixed by an action with a title and
     * advice: a report must never title an action with a raw code, nor give one user's message as what to do.
     */
    private static void checkActionable(String file, int actionColumn, Map<String, Entry> entries, Map<String, Message> messages,
                                        List<RuleProblem> problems) {
        Map<String, Entry> firstOfAction = new LinkedHashMap<>();
        for (Entry e : entries.values()) if (!e.action().isEmpty()) firstOfAction.putIfAbsent(e.action(), e);
        for (Entry e : entries.values()) {
            Severity worst = null;
            for (Message m : messages.values()) {
                if (m.code().equals(e.code()) && m.severity() != null && m.severity().requiresAction()
                        && (worst == null || m.severity().compareTo(worst) < 0)) worst = m.severity();
            }
            String where = e.row() + ", column " + TableSheet.columnLetter(actionColumn) + " \"Action\"";
            if (e.action().isEmpty()) {
                if (worst == null) continue;
                problems.add(new RuleProblem(file, 0, true, where + ": " + e.code() + " can require action (" + worst
                        + ") but names no action: give it the id of the action that fixes it (such as "
                        + String.join(", ", firstOfAction.keySet().stream().limit(3).toList())
                        + "), or a new id with a Title and a Remediation saying what the administrator does"));
            } else if (firstOfAction.get(e.action()) == e && e.title().isEmpty()) {
                problems.add(new RuleProblem(file, 0, true, e.row() + ": " + e.code() + " is the first code of action " + e.action()
                        + ": give it a Title, the action's name in the report"));
            }
        }
    }

    /**
     * What to do is written once: the first code of an action says it (its Remediation, titled by its Title), the
     * other codes of the action leave Remediation blank; a code with a Remediation names its action.
     */
    private static void checkAction(String file, TableSheet.Line l, int[] column, Entry entry, Map<String, Entry> entries,
                                    List<RuleProblem> problems) {
        String action = entry.action();
        if (action.isEmpty()) {
            if (!entry.remediation().isEmpty()) {
                problems.add(new RuleProblem(file, 0, true, at(l, column[ACTION], "Action") + ": " + entry.code()
                        + " says what to do (Remediation) but names no action: give the action an id, such as "
                        + entry.code().toLowerCase(Locale.ROOT).replace('_', '-')));
            }
            return;
        }
        if (!action.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            problems.add(new RuleProblem(file, 0, true, at(l, column[ACTION], "Action") + ": \"" + action
                    + "\" is not an action id (lower-case words joined by -, such as register-mfa-methods)"));
        }
        Entry first = null;
        for (Entry e : entries.values()) {
            if (e != entry && e.action().equals(action)) {
                first = e;
                break;
            }
        }
        if (first == null && entry.remediation().isEmpty()) {
            problems.add(new RuleProblem(file, 0, true, at(l, column[4], "Remediation") + ": " + entry.code()
                    + " is the first code of action " + action + ": say here what the administrator does"));
        } else if (first != null && !entry.remediation().isEmpty()) {
            problems.add(new RuleProblem(file, 0, true, at(l, column[4], "Remediation") + ": " + entry.code() + " shares action "
                    + action + " with " + first.code() + " (" + first.row() + "), which says what to do: leave this one blank"));
        }
    }

    /**
     * The severity of a row's message: its Severity cell (any case), or on a code's further rows, when blank, the
     * severity of the code's first row. A code's first row must give one.
     */
    private static Severity severity(String file, TableSheet.Line l, int column, String key, Message first, List<RuleProblem> problems) {
        String text = cell(l, column).strip();
        if (text.isEmpty()) {
            if (first != null) return first.severity();
            if (column >= 0) {
                problems.add(new RuleProblem(file, 0, true, at(l, column, "Severity") + ": no severity for " + key + "; use one of " + SEVERITY_NAMES));
            }
            return Severity.INFO;
        }
        try {
            return Severity.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(new RuleProblem(file, 0, true, at(l, column, "Severity") + ": \"" + text + "\" is not a severity"
                    + AuthorTable.didYouMean(text.toUpperCase(Locale.ROOT), SEVERITY_NAMES) + "; use one of " + SEVERITY_NAMES));
            return Severity.INFO;
        }
    }

    private static final List<String> SEVERITY_NAMES = java.util.Arrays.stream(Severity.values()).map(Enum::name).toList();

    /** The actions of the report: what to do about each code, from the first row of each action. */
    public io.github.mfaeval.result.ActionCatalogue actions() {
        List<io.github.mfaeval.result.ActionCatalogue.Row> rows = new ArrayList<>();
        for (Entry e : entries.values()) rows.add(new io.github.mfaeval.result.ActionCatalogue.Row(e.code(), e.action(), e.title(), e.remediation(), e.phase()));
        return io.github.mfaeval.result.ActionCatalogue.of(rows);
    }

    /** The Phase cell of a code's first row: blank (the phase of the subject's applications) or a phase number. */
    private static Integer phase(String file, TableSheet.Line l, int column, List<RuleProblem> problems) {
        String text = cell(l, column).strip();
        if (text.isEmpty()) return null;
        if (text.matches("[1-9]")) return Integer.valueOf(text);
        problems.add(new RuleProblem(file, 0, true, at(l, column, PHASE) + ": \"" + text
                + "\" is not a phase: leave it blank (the phase of the subject's applications) or give its number, such as 2"));
        return null;
    }

    private static String at(TableSheet.Line l, int column, String header) {
        return l.where() + ", column " + TableSheet.columnLetter(Math.max(column, 0)) + " \"" + header + "\"";
    }

    private static String cell(TableSheet.Line l, int column) {
        return column < 0 ? "" : l.cell(column);
    }

    /** The distinct placeholder names of a template, in order. */
    static List<String> placeholders(String template) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) names.add(m.group(1));
        return List.copyOf(names);
    }

    /** The catalogue of a rules folder (as one edition sees it), or null when it has none. */
    public static FindingCatalogue of(RuleFiles rules, List<RuleProblem> problems) {
        byte[] content = rules.files().get(FILE);
        return content == null ? null : read(FILE, content, problems);
    }

    /** The keys raised in the DRL texts given (file name -> text), with their line, column and the names they give. */
    public static List<Raised> raised(Map<String, String> drl) {
        List<Raised> out = new ArrayList<>();
        for (Map.Entry<String, String> e : drl.entrySet()) {
            String text = e.getValue();
            int[] starts = lineStarts(text);
            Matcher m = CALL.matcher(text);
            while (m.find()) {
                int line = lineOf(starts, m.start());
                if (text.substring(starts[line], m.start()).strip().startsWith("//")) continue;
                List<int[]> args = arguments(text, m.end());
                if (args.isEmpty()) continue;
                String first = text.substring(args.get(0)[0], args.get(0)[1]).strip();
                Matcher key = KEY.matcher(first);
                if (!key.matches()) continue;
                int at = args.get(0)[0] + (text.substring(args.get(0)[0], args.get(0)[1]).indexOf('"')) + 1;
                List<String> names = args.size() < 2 ? null : new ArrayList<>();
                for (int i = 2; names != null && i < args.size(); i += 2) {
                    Matcher n = NAME.matcher(text.substring(args.get(i)[0], args.get(i)[1]).strip());
                    if (!n.matches()) {
                        names = null;
                        break;
                    }
                    names.add(n.group(1));
                }
                // A name without a value is a mistake too: the names given are then not all placeholders filled.
                if (names != null && args.size() % 2 != 0) names.add("(a value for \"" + names.get(names.size() - 1) + "\" is missing)");
                int l = lineOf(starts, at);
                String[] rule = enclosingRule(text, m.start());
                out.add(new Raised(codeOf(key.group(1)), key.group(1), names, e.getKey(), l + 1, at - starts[l] + 1, rule[0], rule[1]));
            }
        }
        return out;
    }

    /** The {@code @id} and {@code @severity} of the rule whose text holds offset {@code at} (each null when not found). */
    private static String[] enclosingRule(String text, int at) {
        Matcher header = RULE.matcher(text);
        int start = -1;
        while (header.find() && header.start() < at) start = header.start();
        if (start < 0) return new String[2];
        String head = text.substring(start, at);
        Matcher id = RULE_ID.matcher(head);
        Matcher severity = RULE_SEVERITY.matcher(head);
        return new String[]{id.find() ? id.group(1) : null, severity.find() ? severity.group(1) : null};
    }

    private static int[] lineStarts(String text) {
        String[] lines = text.split("\n", -1);
        int[] starts = new int[lines.length];
        int offset = 0;
        for (int i = 0; i < lines.length; i++) {
            starts[i] = offset;
            offset += lines[i].length() + 1;
        }
        return starts;
    }

    private static int lineOf(int[] starts, int at) {
        int line = 0;
        while (line + 1 < starts.length && starts[line + 1] <= at) line++;
        return line;
    }

    /** The spans of the arguments of a call whose "(" ends just before {@code from}: commas at depth 0, strings skipped. */
    private static List<int[]> arguments(String text, int from) {
        List<int[]> args = new ArrayList<>();
        int depth = 0;
        int start = from;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                for (i++; i < text.length() && text.charAt(i) != '"'; i++) if (text.charAt(i) == '\\') i++;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                if (depth == 0) {
                    if (!text.substring(start, i).isBlank() || !args.isEmpty()) args.add(new int[]{start, i});
                    return args;
                }
                depth--;
            } else if (c == ',' && depth == 0) {
                args.add(new int[]{start, i});
                start = i + 1;
            }
        }
        return args;
    }

    /**
     * The problems of the raises in these DRL texts against the catalogue: a key it does not have (with the key meant),
     * or names that are not exactly the message's placeholders. {@code catalogue} null: the folder has none.
     */
    static List<RuleProblem> checkRaises(FindingCatalogue catalogue, Map<String, String> drl) {
        List<RuleProblem> problems = new ArrayList<>();
        for (Raised r : raised(drl)) {
            if (catalogue == null) {
                problems.add(new RuleProblem(r.file(), r.line(), r.column(), true, "finding " + r.key() + " is raised, but the rules folder has no "
                        + FILE + " to take its message from: add one (see docs/rules-authoring.md)"));
                continue;
            }
            Message m = catalogue.messages.get(r.key());
            if (m == null) {
                String what = catalogue.entries.containsKey(r.code()) ? "finding " + r.key() + " has no message in " + FILE
                        + AuthorTable.didYouMean(r.key(), catalogue.messages.keySet()) + ": correct the variant, or add a row for it to " + FILE
                        : "finding code " + r.code() + " is not in " + FILE + AuthorTable.didYouMean(r.code(), catalogue.entries.keySet())
                        + ": correct the code, or add a row for it to " + FILE;
                problems.add(new RuleProblem(r.file(), r.line(), r.column(), true, what));
                continue;
            }
            if (r.ruleSeverity() != null && !r.ruleSeverity().equalsIgnoreCase(m.severity().name())) {
                problems.add(new RuleProblem(r.file(), r.line(), r.column(), true, "finding " + r.key() + " is " + m.severity() + " in " + FILE
                        + " (" + m.row() + "), but rule " + (r.rule() == null ? "" : r.rule() + " ") + "raising it has @severity(" + r.ruleSeverity()
                        + "): give them the same severity"));
            }
            if (r.names() == null) {
                problems.add(new RuleProblem(r.file(), r.line(), r.column(), true, "finding " + r.key()
                        + ": give each value after the subject as a name in quotes and its value (\"user\", $u.getUserPrincipalName())"));
                continue;
            }
            Set<String> given = new TreeSet<>(r.names());
            Set<String> wanted = new TreeSet<>(m.placeholders());
            if (!given.equals(wanted) || given.size() != r.names().size()) {
                Set<String> missing = new TreeSet<>(wanted);
                missing.removeAll(given);
                List<String> extra = new ArrayList<>(r.names());
                extra.removeAll(wanted);
                List<String> say = new ArrayList<>();
                if (!missing.isEmpty()) say.add("the message (" + FILE + ", " + m.row() + ") needs " + braces(missing) + ", which this raise does not give");
                if (!extra.isEmpty()) say.add("this raise gives " + String.join(", ", extra) + ", which the message (" + FILE + ", " + m.row()
                        + ") has no placeholder for" + AuthorTable.didYouMean(extra.get(0), wanted));
                if (say.isEmpty()) say.add("a name is given twice");
                problems.add(new RuleProblem(r.file(), r.line(), r.column(), true, "finding " + r.key() + ": " + String.join("; ", say)));
            }
        }
        return problems;
    }

    private static String braces(Collection<String> names) {
        List<String> out = new ArrayList<>();
        for (String n : names) out.add("{" + n + "}");
        return String.join(", ", out);
    }

    /** The DRL files of an edition's view, named as they are in the folder ({@code inFolder}) or in the view. */
    static Map<String, String> drlOf(RuleFiles edition, boolean inFolder) {
        Map<String, String> drl = new TreeMap<>();
        for (Map.Entry<String, byte[]> f : edition.files().entrySet()) {
            if (!f.getKey().toLowerCase(Locale.ROOT).endsWith(".drl")) continue;
            drl.put(inFolder ? edition.pathOf(f.getKey()) : f.getKey(), new String(f.getValue(), StandardCharsets.UTF_8));
        }
        return drl;
    }

    /**
     * The problems between a rules folder's catalogue and its rules, every edition taken together; none when the
     * folder has no catalogue. Files are named as they are in the folder (editions/ID/... for an edition's own).
     */
    public static List<RuleProblem> check(RuleFiles folder) throws IOException {
        return check(folder, Set.of());
    }

    /**
     * The same, leaving out the raises of the editions in {@code built}: building an edition already reported those
     * ({@code rules check} builds each edition first).
     */
    public static List<RuleProblem> check(RuleFiles folder, Set<String> built) throws IOException {
        List<RuleProblem> problems = new ArrayList<>();
        byte[] content = folder.files().get(FILE);
        if (content == null) return problems;
        FindingCatalogue catalogue = read(FILE, content, problems);
        Map<String, String> drl = new TreeMap<>();
        Map<String, String> unbuilt = new TreeMap<>();
        for (String id : folder.availableEditions()) {
            Map<String, String> files = drlOf(folder.edition(id), true);
            drl.putAll(files);
            if (!built.contains(id)) unbuilt.putAll(files);
        }
        Set<String> reported = new LinkedHashSet<>();
        for (RuleProblem p : checkRaises(catalogue, unbuilt)) if (reported.add(p.toString())) problems.add(p);
        Set<String> usedCodes = new LinkedHashSet<>();
        Set<String> usedKeys = new LinkedHashSet<>();
        for (Raised r : raised(drl)) {
            usedCodes.add(r.code());
            usedKeys.add(r.key());
        }
        for (Entry e : catalogue.entries.values()) {
            if (!usedCodes.contains(e.code())) {
                problems.add(new RuleProblem(FILE, 0, true, e.row() + ": " + e.code() + " is raised by no rule of any edition:"
                        + " remove the row, or correct the code" + AuthorTable.didYouMean(e.code(), usedCodes)));
            }
        }
        for (Message m : catalogue.messages.values()) {
            if (usedCodes.contains(m.code()) && !usedKeys.contains(m.key())) {
                problems.add(new RuleProblem(FILE, 0, true, m.row() + ": " + m.key() + " is raised by no rule of any edition:"
                        + " remove the row, or correct the variant" + AuthorTable.didYouMean(m.key(), usedKeys)));
            }
        }
        return problems;
    }
}
