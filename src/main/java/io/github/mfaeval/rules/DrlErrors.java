package io.github.mfaeval.rules;

import io.github.mfaeval.engine.RuleProblem;
import org.kie.api.builder.Message;

import java.beans.Introspector;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Drools' messages as an author can act on them: the executable model reports a misspelt field or type without a
 * line, and a mistake in a consequence against generated Java ({@code LambdaConsequence…java}, with the whole
 * class as a second message). This finds the author's line and column in the DRL, quotes it, says what is wrong
 * in a sentence, and suggests the closest known name of the model (fact types, their fields and methods, found
 * by reflection). Generated Java is never shown.
 */
final class DrlErrors {
    private static final String RESOURCES = "src/main/resources/";
    private static final String MODEL = "io.github.mfaeval.model";
    private static final Pattern GENERATED_JAVA = Pattern.compile("src/main/java/([\\w/]+?)/P\\w*/\\w+\\.java|src/main/java/([\\w/]+?)/\\w+\\.java");
    private static final Pattern JAVA_SOURCE = Pattern.compile("^Java source of (\\S+) in error:\\s*", Pattern.DOTALL);
    private static final Pattern METHOD = Pattern.compile("The method (\\w+)\\(([^)]*)\\) is undefined for the type (\\w+)");
    private static final Pattern NOT_A_FIELD = Pattern.compile("(\\w+) cannot be resolved or is not a field");
    private static final Pattern NOT_RESOLVED_TYPE = Pattern.compile("(\\w+) cannot be resolved to a (?:type|variable)");
    private static final Pattern NOT_RESOLVED = Pattern.compile("(\\w+) cannot be resolved");
    private static final Pattern LEFT_PART = Pattern.compile("Unable to parse left part of expression: (\\w+)");
    private static final Pattern NO_CLASS = Pattern.compile("Unable to find class: ([\\w.]+)");
    private static final Pattern UNKNOWN_FIELD = Pattern.compile("[Uu]nknown (?:field|property) (\\w+)(?: on (?:type )?([\\w.]+))?");
    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)");
    private static final Pattern IMPORT = Pattern.compile("(?m)^\\s*import\\s+([\\w.]+)\\s*;?");
    private static final Pattern GLOBAL = Pattern.compile("(?m)^\\s*global\\s+([\\w.]+)\\s+(\\w+)");
    /** The executable model's word for a call in a condition it cannot resolve: a misspelt function or method. */
    private static final Pattern MISSING_METHOD = Pattern.compile("Method (\\w+) on class ([\\w.$]+) with arguments \\[([^\\]]*)] is missing");
    private static final Pattern FUNCTION = Pattern.compile("(?m)^\\s*function\\s+[\\w.<>\\[\\]]+\\s+(\\w+)\\s*\\(");

    private final Map<String, String> drl;
    private final Map<String, AuthorTable.Translation> tables;

    /** @param drl the DRL text of each rule file by its name (generated DRL for tables in the author's format) */
    DrlErrors(Map<String, String> drl, Map<String, AuthorTable.Translation> tables) {
        this.drl = drl;
        this.tables = tables;
    }

    List<RuleProblem> explain(List<Message> messages, String knownFile) {
        return explain(messages, knownFile, true);
    }

    /**
     * @param knockOnWhenAlone whether failed calls of the package's own functions are said when nothing else is
     *                         wrong; false for a file built alone, which cannot see the functions its package's other
     *                         files define: those calls fail there whatever the file holds, and blaming them would
     *                         name a sound file next to the broken one
     */
    List<RuleProblem> explain(List<Message> messages, String knownFile, boolean knockOnWhenAlone) {
        Map<String, String> javaSources = new HashMap<>();
        for (Message m : messages) {
            Matcher s = JAVA_SOURCE.matcher(m.getText() == null ? "" : m.getText());
            if (s.find()) javaSources.put(s.group(1), m.getText().substring(s.end()));
        }
        Set<RuleProblem> out = new LinkedHashSet<>();
        // Calls of a package's functions that fail only because another call in the package did: said when alone.
        Set<RuleProblem> knockOn = new LinkedHashSet<>();
        for (Message m : messages) {
            String text = m.getText() == null ? "" : m.getText();
            if (JAVA_SOURCE.matcher(text).find()) continue;
            String path = m.getPath() == null ? "" : m.getPath().replace(RESOURCES, "");
            boolean error = m.getLevel() == Message.Level.ERROR;
            Matcher java = GENERATED_JAVA.matcher(m.getPath() == null ? "" : m.getPath());
            if (java.matches()) {
                String pkg = (java.group(1) != null ? java.group(1) : java.group(2)).replace('/', '.');
                out.addAll(inConsequence(pkg, clean(text), statement(javaSources.get(m.getPath()), m.getLine()), error));
                continue;
            }
            if (path.isEmpty() && knownFile != null) path = knownFile;
            if (path.endsWith(AuthorTable.GENERATED)) path = path.substring(0, path.length() - AuthorTable.GENERATED.length());
            Matcher call = MISSING_METHOD.matcher(clean(text));
            if (call.find() && drl.get(path) != null && functions(packageOf(drl.get(path))).contains(call.group(1))) {
                knockOn.add(inFile(path, m.getLine(), m.getColumn(), clean(text), error));
                continue;
            }
            out.add(inFile(path, m.getLine(), m.getColumn(), clean(text), error));
        }
        if (knockOnWhenAlone && out.stream().noneMatch(RuleProblem::error)) out.addAll(knockOn);
        return new ArrayList<>(out);
    }

    /** A message about a rule file: located (by the name it complains about when Drools gave no line), explained and quoted. */
    RuleProblem inFile(String file, int line, int column, String text, boolean error) {
        String source = drl.get(file);
        String sentence = text;
        String name = null;
        String suggestion = null;
        Matcher m;
        if ((m = LEFT_PART.matcher(text)).find() || (m = UNKNOWN_FIELD.matcher(text)).find()) {
            name = m.group(1);
            sentence = "unknown field \"" + name + "\"";
        } else if ((m = NO_CLASS.matcher(text)).find()) {
            name = m.group(1);
            sentence = "unknown fact type \"" + name + "\"";
            suggestion = Spelling.nearest(name, typeNames(source));
        } else if ((m = NOT_RESOLVED_TYPE.matcher(text)).find()) {
            name = m.group(1);
        } else if ((m = MISSING_METHOD.matcher(text)).find()) {
            name = m.group(1);
            String pkg = source == null ? "" : packageOf(source);
            Class<?> c = load(m.group(2));
            String type = c == null ? m.group(2).substring(m.group(2).lastIndexOf('.') + 1) : c.getSimpleName();
            Set<String> known = new TreeSet<>(functions(pkg));
            if (c != null) known.addAll(members(c, false));
            sentence = "\"" + name + "\" is neither a function of package " + pkg + " nor a method of " + type;
            suggestion = Spelling.nearest(name, known);
        }
        if (source != null && name != null && line <= 0) {
            int[] at = sentence.contains("is neither a function") ? find(source, name, true) : find(source, name, false);
            if (at != null) {
                line = at[0];
                column = at[1];
            }
        }
        if (source != null && name != null && suggestion == null && sentence.startsWith("unknown field") && line > 0) {
            String type = patternType(source, line, column);
            Class<?> c = type == null ? null : resolve(type, source);
            if (c != null) {
                sentence = c.getSimpleName() + " has no field \"" + name + "\"";
                suggestion = Spelling.nearest(name, members(c, true));
            }
        }
        String quoted = line > 0 && source != null ? quote(source, line) : null;
        String message = sentence + (suggestion == null ? "" : " (did you mean \"" + suggestion + "\"?)") + (quoted == null ? "" : " in: " + quoted);
        AuthorTable.Translation table = tables.get(file);
        if (table != null) {
            String row = line > 0 ? table.rowAt(line) : null;
            return new RuleProblem(file, 0, 0, error, (row == null ? "" : row + ": ") + "the row does not fit the table's Action row: " + message);
        }
        return new RuleProblem(file.isEmpty() ? "(rules)" : file, Math.max(line, 0), Math.max(column, 0), error, message);
    }

    /** A Java error in a consequence: the author's line(s) in the rule files of that package that hold the unknown name. */
    List<RuleProblem> inConsequence(String pkg, String text, String statement, boolean error) {
        String name = null;
        String sentence = text;
        Set<String> known = Set.of();
        Matcher m;
        if ((m = METHOD.matcher(text)).find()) {
            name = m.group(1);
            Class<?> c = resolveAnywhere(m.group(3));
            sentence = m.group(3) + " has no method " + name + "(" + m.group(2) + ")";
            if (c != null) known = members(c, false);
        } else if ((m = NOT_A_FIELD.matcher(text)).find() || (m = NOT_RESOLVED_TYPE.matcher(text)).find() || (m = NOT_RESOLVED.matcher(text)).find()) {
            name = m.group(1);
            sentence = "\"" + name + "\" is not known here";
        }
        List<RuleProblem> found = new ArrayList<>();
        if (name != null) {
            String normalizedStatement = statement == null ? null : statement.replaceAll("\\s+", "");
            for (Map.Entry<String, String> e : drl.entrySet()) {
                if (!pkg.equals(packageOf(e.getValue()))) continue;
                for (int[] at : findAll(e.getValue(), name + "(", name)) {
                    String lineText = e.getValue().lines().skip(at[0] - 1).findFirst().orElse("");
                    // Several rules may use the same name; the failing one is the one whose line the generated statement holds.
                    if (normalizedStatement != null && !normalizedStatement.contains(lineText.replaceAll("\\s+", "").replaceAll("[;,+]+$", ""))) continue;
                    String suggestion = Spelling.nearest(name, known);
                    String message = sentence + (suggestion == null ? "" : " (did you mean \"" + suggestion + "\"?)") + " in: " + quote(e.getValue(), at[0]);
                    AuthorTable.Translation table = tables.get(e.getKey());
                    if (table != null) {
                        String row = table.rowAt(at[0]);
                        found.add(new RuleProblem(e.getKey(), 0, 0, error, (row == null ? "" : row + ": ") + "the row does not fit the table's Action row: " + message));
                    } else {
                        found.add(new RuleProblem(e.getKey(), at[0], at[1], error, message));
                    }
                }
            }
        }
        if (found.isEmpty()) found.add(new RuleProblem("(rules)", 0, 0, error, "in a consequence of a rule in package " + pkg + ": " + sentence));
        return found;
    }

    /** The line of generated Java that failed, without the class around it. */
    private static String statement(String javaSource, int line) {
        if (javaSource == null || line <= 0) return null;
        return javaSource.lines().skip(line - 1).findFirst().orElse(null);
    }

    /** The functions the rule files of a package define (functions are seen by every file of their package). */
    private Set<String> functions(String pkg) {
        Set<String> names = new TreeSet<>();
        for (String text : drl.values()) {
            if (pkg.equals(packageOf(text))) names.addAll(functionNames(text));
        }
        return names;
    }

    /** The names of the functions a DRL text defines. */
    static List<String> functionNames(String drlText) {
        List<String> names = new ArrayList<>();
        Matcher m = FUNCTION.matcher(drlText);
        while (m.find()) names.add(m.group(1));
        return names;
    }

    /** The package a DRL text declares, or "" when it declares none. */
    static String packageOf(String drlText) {
        Matcher m = PACKAGE.matcher(drlText);
        return m.find() ? m.group(1) : "";
    }

    /** "the line, trimmed" in quotes. */
    private static String quote(String source, int line) {
        String l = source.lines().skip(line - 1).findFirst().orElse("").strip();
        return "\"" + l + "\"";
    }

    /** Line and column (1-based) of the first use of the name as a word outside comments, or null. */
    static int[] find(String source, String name, boolean call) {
        List<int[]> all = findAll(source, call ? name + "(" : name, name);
        return all.isEmpty() ? null : all.get(0);
    }

    private static List<int[]> findAll(String source, String text, String word) {
        List<int[]> found = new ArrayList<>();
        String[] lines = source.split("\n", -1);
        boolean inBlock = false;
        Pattern p = Pattern.compile("(?<![\\w$])" + Pattern.quote(text) + (text.endsWith("(") ? "" : "(?!\\w)"));
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i];
            StringBuilder code = new StringBuilder();
            boolean inString = false;
            for (int j = 0; j < l.length(); j++) {
                char c = l.charAt(j);
                if (inBlock) {
                    if (c == '*' && j + 1 < l.length() && l.charAt(j + 1) == '/') {
                        inBlock = false;
                        j++;
                        code.append("  ");
                    } else code.append(' ');
                    continue;
                }
                if (!inString && c == '/' && j + 1 < l.length() && l.charAt(j + 1) == '/') break;
                if (!inString && c == '/' && j + 1 < l.length() && l.charAt(j + 1) == '*') {
                    inBlock = true;
                    code.append(' ');
                    continue;
                }
                if (c == '"' && (j == 0 || l.charAt(j - 1) != '\\')) inString = !inString;
                code.append(inString || c == '"' ? ' ' : c);
            }
            Matcher m = p.matcher(code);
            if (m.find()) found.add(new int[]{i + 1, m.start() + 1});
        }
        return found;
    }

    /** The fact type of the pattern the column is in: the last "Type(" opened before it on that line. */
    private static String patternType(String source, int line, int column) {
        String l = source.lines().skip(line - 1).findFirst().orElse("");
        String before = l.substring(0, Math.min(Math.max(column - 1, 0), l.length()));
        Matcher m = Pattern.compile("([A-Z][\\w.]*)\\s*\\(").matcher(before);
        String type = null;
        while (m.find()) type = m.group(1);
        return type;
    }

    /** A type named in a DRL file: by its imports, its globals, then the model package. */
    private static Class<?> resolve(String name, String source) {
        if (source != null) {
            Matcher m = IMPORT.matcher(source);
            while (m.find()) {
                String fqn = m.group(1);
                if (fqn.endsWith("." + name)) return load(fqn);
            }
        }
        return resolveAnywhere(name);
    }

    private static Class<?> resolveAnywhere(String name) {
        if (name.contains(".")) return load(name);
        for (String pkg : List.of(MODEL, "io.github.mfaeval.engine")) {
            Class<?> c = load(pkg + "." + name);
            if (c != null) return c;
        }
        return null;
    }

    private static Class<?> load(String fqn) {
        try {
            return Class.forName(fqn, false, DrlErrors.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    /** The names a rule can use on a type: properties (from getters) and public fields, and with {@code methods} its methods. */
    static Set<String> members(Class<?> c, boolean properties) {
        Set<String> names = new TreeSet<>();
        for (Method m : c.getMethods()) {
            if (m.getDeclaringClass() == Object.class) continue;
            String n = m.getName();
            names.add(n);
            if (properties && m.getParameterCount() == 0) {
                if (n.startsWith("get") && n.length() > 3) names.add(Introspector.decapitalize(n.substring(3)));
                if (n.startsWith("is") && n.length() > 2) names.add(Introspector.decapitalize(n.substring(2)));
            }
        }
        for (Field f : c.getFields()) if (!Modifier.isStatic(f.getModifiers())) names.add(f.getName());
        return names;
    }

    /** Fact types an author may mean: the simple names of the model package's classes and of the file's imports and globals. */
    static Set<String> typeNames(String source) {
        Set<String> names = new TreeSet<>(modelClasses());
        if (source != null) {
            Matcher m = IMPORT.matcher(source);
            while (m.find()) names.add(m.group(1).substring(m.group(1).lastIndexOf('.') + 1));
            m = GLOBAL.matcher(source);
            while (m.find()) names.add(m.group(1).substring(m.group(1).lastIndexOf('.') + 1));
        }
        return names;
    }

    private static volatile Set<String> modelClasses;

    /** The simple names of the top-level classes of the model package, from the class path (a folder or the jar). */
    static Set<String> modelClasses() {
        Set<String> cached = modelClasses;
        if (cached != null) return cached;
        Set<String> names = new TreeSet<>();
        String dir = MODEL.replace('.', '/');
        try {
            Enumeration<URL> urls = DrlErrors.class.getClassLoader().getResources(dir);
            while (urls.hasMoreElements()) {
                URL url = urls.nextElement();
                if ("jar".equals(url.getProtocol())) {
                    JarURLConnection connection = (JarURLConnection) url.openConnection();
                    connection.setUseCaches(false);
                    try (JarFile jar = connection.getJarFile()) {
                        for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                            String n = e.nextElement().getName();
                            if (n.startsWith(dir + "/") && n.endsWith(".class") && n.indexOf('/', dir.length() + 1) < 0) names.add(n);
                        }
                    }
                } else if ("file".equals(url.getProtocol())) {
                    try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
                        files.forEach(p -> names.add(p.getFileName().toString()));
                    }
                }
            }
        } catch (IOException | java.net.URISyntaxException | RuntimeException e) {
            // no suggestion then
        }
        Set<String> simple = new TreeSet<>();
        for (String n : names) {
            String base = n.substring(n.lastIndexOf('/') + 1);
            if (base.endsWith(".class") && !base.contains("$")) simple.add(base.substring(0, base.length() - ".class".length()));
        }
        modelClasses = simple;
        return simple;
    }

    private static String clean(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").trim();
    }
}
