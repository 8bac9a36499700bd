package io.github.mfaeval.collect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.mfaeval.TestRules;
import io.github.mfaeval.cli.Main;
import io.github.mfaeval.result.Report;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/** Runs the CLI as a user would, and compares reports on what they decide. */
final class CollectCliSupport {
    record Run(int code, String out, String err) {
    }

    private CollectCliSupport() {
    }

    static Run run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        cli.setExitCodeExceptionMapper(e -> Main.ERROR);
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    static String[] collectArgs(FakeGraph fake, String... more) {
        List<String> a = new ArrayList<>(List.of("collect", "--auth", "token", "--graph-endpoint", fake.url(), "--arm-endpoint", fake.url(),
                "--retry-base-ms", "1"));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    /**
     * What a report decides, without where it came from: status, summary, schedule, findings, users and every
     * sign-in's verdict (without its source file and record, which differ between two folders of the same data).
     */
    static JsonNode verdicts(Report r) {
        ObjectNode n = FakeGraph.MAPPER.copy().registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule()).valueToTree(r);
        n.remove("inputs");
        n.remove("rules");
        n.remove("collectionGaps");
        ArrayNode signIns = (ArrayNode) n.get("signIns");
        if (signIns != null) {
            // reading order follows file names, which differ between the two folders: compare by id
            java.util.TreeMap<String, JsonNode> byId = new java.util.TreeMap<>();
            signIns.forEach(s -> {
                ((ObjectNode) s).remove("source");
                byId.put(s.path("id").asText(), s);
            });
            n.set("signIns", FakeGraph.MAPPER.valueToTree(byId));
        }
        return (JsonNode) handMadeWords(n);
    }

    /**
     * A file the collection could not get is the same finding as a file missing from a hand-made folder, worded for
     * what to do about it ("grant … and collect again" instead of "export it"): compared in the hand-made words.
     */
    private static final java.util.regex.Pattern NOT_COLLECTED = java.util.regex.Pattern.compile(
            "(\\S+) was not collected \\((?:[^()]|\\([^)]*\\))*\\), so (.+?) cannot be checked: .+? and collect again\\.");

    private static JsonNode handMadeWords(JsonNode n) {
        if (n.isTextual()) {
            return com.fasterxml.jackson.databind.node.TextNode.valueOf(NOT_COLLECTED.matcher(n.asText()).replaceAll(
                    "$1 is missing from the tenant folder, so $2 cannot be checked: export it (see docs/formats.md) and evaluate again."));
        }
        if (n instanceof ObjectNode o) {
            java.util.List<String> names = new java.util.ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            for (String f : names) o.set(f, handMadeWords(o.get(f)));
        } else if (n instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) a.set(i, handMadeWords(a.get(i)));
        }
        return n;
    }

    /** Where two JSON trees first differ ("" when equal), short enough to read in a failure message. */
    static String firstDifference(JsonNode a, JsonNode b, String path) {
        if (a == null || b == null) return a == b ? "" : path + ": " + a + " vs " + b;
        if (a.isObject() && b.isObject()) {
            java.util.Set<String> names = new java.util.TreeSet<>();
            a.fieldNames().forEachRemaining(names::add);
            b.fieldNames().forEachRemaining(names::add);
            for (String n : names) {
                String d = firstDifference(a.get(n), b.get(n), path + "." + n);
                if (!d.isEmpty()) return d;
            }
            return "";
        }
        if (a.isArray() && b.isArray()) {
            for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
                String d = firstDifference(a.get(i), b.get(i), path + "[" + i + "]");
                if (!d.isEmpty()) return d;
            }
            return "";
        }
        return a.equals(b) ? "" : path + ": " + a + " vs " + b;
    }

    static Report evaluate(java.nio.file.Path folder) {
        return TestRules.evaluate(folder);
    }
}
