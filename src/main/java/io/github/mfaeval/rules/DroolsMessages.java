package io.github.mfaeval.rules;

import io.github.mfaeval.engine.RuleProblem;
import org.kie.api.builder.Message;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Drools' compiler messages as the author's problems (the error mapping of {@link RuleBaseBuilder}): relative to
 * the rules folder, a table's generated DRL mapped back to the table and its row, each problem once; and, for
 * {@code --verbose}, each message as Drools wrote it. {@link DrlErrors} explains the messages of DRL it can read.
 */
final class DroolsMessages {
    private DroolsMessages() {
    }

    /** A message of Drools, unexplained, for --verbose: "ERROR path:line:column: text". */
    static String asDroolsWroteIt(Message m) {
        StringBuilder b = new StringBuilder().append(m.getLevel()).append(' ');
        b.append(m.getPath() == null || m.getPath().isEmpty() ? "(no file)" : m.getPath());
        if (m.getLine() > 0) b.append(':').append(m.getLine());
        if (m.getColumn() > 0) b.append(':').append(m.getColumn());
        return b.append(": ").append(m.getText()).toString();
    }

    /**
     * A Drools message as the author's problem: relative to the rules folder, and for a table's generated DRL,
     * the table file and the row the failing rule was generated from.
     */
    static RuleProblem problemOf(Message m, String knownFile, Map<String, AuthorTable.Translation> tables) {
        String file = m.getPath() == null ? "" : m.getPath().replace(RuleBaseBuilder.RESOURCES, "");
        if (file.isEmpty() && knownFile != null) file = knownFile;
        boolean error = m.getLevel() == Message.Level.ERROR;
        int line = Math.max(m.getLine(), 0);
        String text = clean(m.getText());
        if (file.endsWith(AuthorTable.GENERATED)) file = file.substring(0, file.length() - AuthorTable.GENERATED.length());
        AuthorTable.Translation table = tables.get(file);
        if (table != null) {
            String row = line > 0 ? table.rowAt(line) : null;
            return new RuleProblem(file, 0, error, (row == null ? "" : row + ": ") + "the row does not fit the table's Action row: " + text);
        }
        return new RuleProblem(file.isEmpty() ? "(rules)" : file, line, error, text);
    }

    /** Each problem once; "null Package" only restates a syntax error already reported for that file. */
    static List<RuleProblem> distinct(List<RuleProblem> problems) {
        java.util.Set<String> withLines = new java.util.HashSet<>();
        for (RuleProblem p : problems) if (p.error() && p.line() > 0) withLines.add(p.file());
        List<RuleProblem> out = new ArrayList<>(new java.util.LinkedHashSet<>(problems));
        out.removeIf(p -> p.message().startsWith("Parser returned a null Package") && withLines.contains(p.file()));
        return out;
    }

    /** A compiler crash, reported like any other error (file and line unknown until located). */
    record CrashMessage(Throwable cause) implements Message {
        public long getId() { return 0; }
        public Level getLevel() { return Level.ERROR; }
        public String getPath() { return null; }
        public int getLine() { return 0; }
        public int getColumn() { return 0; }
        public String getText() {
            String m = cause.getMessage();
            return cause.getClass().getSimpleName() + (m == null ? "" : ": " + m);
        }
        public String getKieBaseName() { return null; }
    }

    private static String clean(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").trim();
    }
}
