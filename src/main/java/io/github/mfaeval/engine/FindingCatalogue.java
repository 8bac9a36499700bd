package io.github.mfaeval.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 *
 * <p>This class is the catalogue as the runtime holds it: the words, as data. Reading and checking the table is the
 * rule toolchain's ({@code rules.FindingsTable}); holding the rules' raises to it too ({@code rules.FindingRaises}).
 */
public final class FindingCatalogue {
    public static final String FILE = "findings.csv";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");

    /**
     * One code of the catalogue, and the row it is on. {@code action}: the id of the action of the report that fixes
     * it (codes fixed by one action share it; blank: the code has no action of its own and the report makes one).
     */
    public record Entry(String code, String title, String source, String remediation, String links, String action, String row, String firstKey,
                        Integer phase) {
    }

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

    private final Map<String, Entry> entries;
    private final Map<String, Message> messages;

    private FindingCatalogue(Map<String, Entry> entries, Map<String, Message> messages) {
        this.entries = entries;
        this.messages = messages;
    }

    /** A catalogue of these codes and messages, in the order given: made by {@code rules.FindingsTable} from findings.csv. */
    public static FindingCatalogue of(Map<String, Entry> entries, Map<String, Message> messages) {
        return new FindingCatalogue(entries, messages);
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

    /** The actions of the report: what to do about each code, from the first row of each action. */
    public io.github.mfaeval.result.ActionCatalogue actions() {
        List<io.github.mfaeval.result.ActionCatalogue.Row> rows = new ArrayList<>();
        for (Entry e : entries.values()) rows.add(new io.github.mfaeval.result.ActionCatalogue.Row(e.code(), e.action(), e.title(), e.remediation(), e.phase()));
        return io.github.mfaeval.result.ActionCatalogue.of(rows);
    }

    /** The distinct placeholder names of a template, in order. */
    public static List<String> placeholders(String template) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) names.add(m.group(1));
        return List.copyOf(names);
    }
}
