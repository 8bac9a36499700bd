package io.github.mfaeval.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.mfaeval.model.Finding;
import io.github.mfaeval.report.JsonRenderer;
import io.github.mfaeval.result.Report;
import io.github.mfaeval.result.ScheduleEntry;
import io.github.mfaeval.result.SignInVerdict;
import io.github.mfaeval.result.UserVerdict;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares a report with a case's "expect". Lists named {@code findings} and {@code rules} must all be
 * present, {@code noFindings} and {@code noRules} all absent; {@code coveredBy} is compared as a set;
 * any other field is compared with the report's JSON value.
 */
final class Expectations {
    private static final Set<String> TOP = Set.of("status", "findings", "noFindings", "rules", "noRules", "schedule", "signIns", "users", "summary");

    private Expectations() {
    }

    static List<String> check(JsonNode expect, Report report) {
        List<String> failures = new ArrayList<>();
        for (Iterator<String> it = expect.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!TOP.contains(f)) failures.add("unknown expectation '" + f + "' (use " + new TreeSet<>(TOP) + ")");
        }
        if (expect.has("status") && !expect.get("status").asText().equals(report.status().name())) {
            failures.add("tenant status: expected " + expect.get("status").asText() + ", got " + report.status()
                    + " (findings: " + actionCodes(report) + ")");
        }
        Set<String> codes = new TreeSet<>();
        for (Finding f : report.findings()) codes.add(f.code());
        present("tenant findings", expect.get("findings"), codes, failures);
        absent("tenant findings", expect.get("noFindings"), codes, failures);
        Set<String> fired = new TreeSet<>(report.rules().fired());
        present("rules fired", expect.get("rules"), fired, failures);
        absent("rules fired", expect.get("noRules"), fired, failures);
        if (expect.has("schedule")) schedule(expect.get("schedule"), report, failures);
        if (expect.has("signIns")) signIns(expect.get("signIns"), report, failures);
        if (expect.has("users")) users(expect.get("users"), report, failures);
        if (expect.has("summary")) fields("summary", expect.get("summary"), JsonRenderer.MAPPER.valueToTree(report.summary()), failures);
        return failures;
    }

    private static String actionCodes(Report r) {
        Set<String> s = new TreeSet<>();
        r.findings().stream().filter(f -> f.severity().requiresAction()).forEach(f -> s.add(f.code()));
        return s.toString();
    }

    private static Set<String> texts(JsonNode list) {
        Set<String> out = new LinkedHashSet<>();
        if (list == null || list.isNull()) return out;
        if (list.isArray()) list.forEach(n -> out.add(n.asText()));
        else out.add(list.asText());
        return out;
    }

    private static void present(String what, JsonNode expected, Set<String> actual, List<String> failures) {
        for (String e : texts(expected)) {
            if (!actual.contains(e)) failures.add(what + ": expected " + e + ", got " + actual);
        }
    }

    private static void absent(String what, JsonNode unexpected, Set<String> actual, List<String> failures) {
        for (String e : texts(unexpected)) {
            if (actual.contains(e)) failures.add(what + ": did not expect " + e);
        }
    }

    private static void schedule(JsonNode expected, Report r, List<String> failures) {
        for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String phase = e.getKey().replaceAll("\\D", "");
            ScheduleEntry entry = r.schedule().stream().filter(s -> String.valueOf(s.phase()).equals(phase)).findFirst().orElse(null);
            if (entry == null) {
                failures.add("schedule: no phase " + e.getKey());
                continue;
            }
            fields("schedule phase " + phase, e.getValue(), JsonRenderer.MAPPER.valueToTree(entry), failures);
        }
    }

    private static void signIns(JsonNode expected, Report r, List<String> failures) {
        for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            SignInVerdict v = r.signIns().stream().filter(s -> s.id().equalsIgnoreCase(e.getKey())).findFirst().orElse(null);
            if (v == null) {
                failures.add("sign-in " + e.getKey() + ": not in the report");
                continue;
            }
            fields("sign-in " + e.getKey(), e.getValue(), JsonRenderer.MAPPER.valueToTree(v), failures);
        }
    }

    private static void users(JsonNode expected, Report r, List<String> failures) {
        for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            UserVerdict v = r.users().stream().filter(u -> u.id().equalsIgnoreCase(e.getKey())
                    || (u.userPrincipalName() != null && u.userPrincipalName().equalsIgnoreCase(e.getKey()))).findFirst().orElse(null);
            if (v == null) {
                failures.add("user " + e.getKey() + ": not in the report");
                continue;
            }
            fields("user " + e.getKey(), e.getValue(), JsonRenderer.MAPPER.valueToTree(v), failures);
        }
    }

    private static void fields(String what, JsonNode expected, JsonNode actual, List<String> failures) {
        for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = e.getKey();
            JsonNode want = e.getValue();
            switch (name) {
                case "findings", "rules" -> present(what + " " + name, want, texts(actual.get(name)), failures);
                case "noFindings" -> absent(what + " findings", want, texts(actual.get("findings")), failures);
                case "noRules" -> absent(what + " rules", want, texts(actual.get("rules")), failures);
                case "coveredBy" -> {
                    Set<String> got = new TreeSet<>(texts(actual.get(name)));
                    Set<String> exp = new TreeSet<>(texts(want));
                    if (!got.equals(exp)) failures.add(what + " coveredBy: expected " + exp + ", got " + got);
                }
                default -> {
                    JsonNode got = actual.get(name);
                    if (got == null) {
                        failures.add(what + ": no field '" + name + "'");
                    } else if (!same(want, got)) {
                        failures.add(what + " " + name + ": expected " + show(want) + ", got " + show(got));
                    }
                }
            }
        }
    }

    private static boolean same(JsonNode want, JsonNode got) {
        if (want.isNull() || got.isNull()) return want.isNull() && got.isNull();
        if (want.isValueNode() && got.isValueNode()) return want.asText().equalsIgnoreCase(got.asText());
        return want.equals(got);
    }

    private static String show(JsonNode n) {
        return n.isNull() ? "null" : n.isValueNode() ? n.asText() : n.toString();
    }
}
