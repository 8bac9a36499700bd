package io.github.mfaeval.rules;

import io.github.mfaeval.engine.FindingCatalogue;
import io.github.mfaeval.engine.FindingCatalogue.Entry;
import io.github.mfaeval.engine.FindingCatalogue.Message;
import io.github.mfaeval.engine.RuleProblem;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.github.mfaeval.engine.FindingCatalogue.FILE;

/**
 * The rules and the findings catalogue held to each other: the keys the DRL raises ({@code findings.raise("KEY", ...)})
 * found in the text with their line and column, each checked against the catalogue (a key it lacks, with the key
 * meant; names that are not exactly the message's placeholders; a severity other than the rule's), and, for
 * {@code rules check}, every row of {@code findings.csv} raised by some rule of some edition.
 */
public final class FindingRaises {
    private static final Pattern CALL = Pattern.compile("findings\\s*\\.\\s*(raise|advice|incomplete)\\s*\\(");
    private static final Pattern NAME = Pattern.compile("\"([A-Za-z][A-Za-z0-9]*)\"");
    private static final Pattern KEY = Pattern.compile("\"([A-Za-z0-9_]+(?:/[A-Za-z0-9_-]+)?)\"");
    private static final Pattern RULE = Pattern.compile("(?m)^[ \\t]*rule[ \\t]+\"");
    private static final Pattern RULE_ID = Pattern.compile("@id\\(\\s*\"?([^)\"\\s]+)");
    private static final Pattern RULE_SEVERITY = Pattern.compile("@severity\\(\\s*\"?([A-Za-z]+)");

    /**
     * A key a rule raises, where, the placeholder names it gives (null when they are not all written as literals), and
     * the id and {@code @severity} of the rule it is raised in (null where the text does not say).
     */
    public record Raised(String code, String key, List<String> names, String file, int line, int column, String rule, String ruleSeverity) {
    }

    private FindingRaises() {
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
                out.add(new Raised(FindingCatalogue.codeOf(key.group(1)), key.group(1), names, e.getKey(), l + 1, at - starts[l] + 1, rule[0], rule[1]));
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
    public static List<RuleProblem> checkRaises(FindingCatalogue catalogue, Map<String, String> drl) {
        List<RuleProblem> problems = new ArrayList<>();
        for (Raised r : raised(drl)) {
            if (catalogue == null) {
                problems.add(new RuleProblem(r.file(), r.line(), r.column(), true, "finding " + r.key() + " is raised, but the rules folder has no "
                        + FILE + " to take its message from: add one (see docs/rules-authoring.md)"));
                continue;
            }
            Message m = catalogue.messages().get(r.key());
            if (m == null) {
                String what = catalogue.entries().containsKey(r.code()) ? "finding " + r.key() + " has no message in " + FILE
                        + AuthorTable.didYouMean(r.key(), catalogue.messages().keySet()) + ": correct the variant, or add a row for it to " + FILE
                        : "finding code " + r.code() + " is not in " + FILE + AuthorTable.didYouMean(r.code(), catalogue.entries().keySet())
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
    public static Map<String, String> drlOf(RuleFiles edition, boolean inFolder) {
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
        FindingCatalogue catalogue = FindingsTable.read(FILE, content, problems);
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
        for (Entry e : catalogue.entries().values()) {
            if (!usedCodes.contains(e.code())) {
                problems.add(new RuleProblem(FILE, 0, true, e.row() + ": " + e.code() + " is raised by no rule of any edition:"
                        + " remove the row, or correct the code" + AuthorTable.didYouMean(e.code(), usedCodes)));
            }
        }
        for (Message m : catalogue.messages().values()) {
            if (usedCodes.contains(m.code()) && !usedKeys.contains(m.key())) {
                problems.add(new RuleProblem(FILE, 0, true, m.row() + ": " + m.key() + " is raised by no rule of any edition:"
                        + " remove the row, or correct the variant" + AuthorTable.didYouMean(m.key(), usedKeys)));
            }
        }
        return problems;
    }
}
