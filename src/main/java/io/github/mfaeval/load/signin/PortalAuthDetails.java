package io.github.mfaeval.load.signin;

import io.github.mfaeval.load.text.JsonStream;
import io.github.mfaeval.load.text.CsvRows;
import io.github.mfaeval.load.text.Sniff;
import io.github.mfaeval.load.text.TextInput;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.mfaeval.load.text.Position;
import io.github.mfaeval.result.Rejection;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The Entra admin center's "authentication details only" CSV download: one row per authentication step, keyed by
 * the Request ID of the sign-in it belongs to. The main CSV has no steps, so its sign-ins get theirs from here.
 * This file is small next to the sign-ins (a few rows per interactive sign-in) and is held in memory, by Request ID.
 */
public final class PortalAuthDetails {
    /** Header (normalised) -> authenticationDetail field. Observed headers; the dated forms are accepted too. */
    private static final Map<String, String> COLUMNS = new LinkedHashMap<>();

    static {
        COLUMNS.put("request id", "requestId");
        COLUMNS.put("date", "authenticationStepDateTime");
        COLUMNS.put("date (utc)", "authenticationStepDateTime");
        COLUMNS.put("authentication method", "authenticationMethod");
        COLUMNS.put("authentication method detail", "authenticationMethodDetail");
        COLUMNS.put("succeeded", "succeeded");
        COLUMNS.put("result detail", "authenticationStepResultDetail");
        COLUMNS.put("requirement", "authenticationStepRequirement");
        COLUMNS.put("authentication step requirement", "authenticationStepRequirement");
        COLUMNS.put("authentication step result detail", "authenticationStepResultDetail");
    }

    private final Map<String, ArrayNode> steps = new HashMap<>();
    /** Request IDs whose steps could not all be read: their sign-ins are refused rather than judged on part of them. */
    private final Map<String, String> broken = new HashMap<>();
    private final Set<String> used = new HashSet<>();
    private final List<Rejection> problems = new ArrayList<>();
    private final Map<String, Long> rowsPerFile = new LinkedHashMap<>();
    /** Rows read per Request ID, to count the rows that belong to no sign-in. */
    private final Map<String, Long> rowsOf = new HashMap<>();

    /** True when the header is the authentication-details download. */
    static boolean matches(String[] header) {
        List<String> keys = PortalCsv.keys(header);
        return keys.contains("request id") && keys.contains("authentication method")
                && (keys.contains("succeeded") || keys.contains("result detail")) && !keys.contains("application id");
    }

    /** True when the file is an authentication-details CSV (by its header, whatever its name). */
    public static boolean isDetailsFile(Path file) {
        try {
            Sniff sniff = Sniff.of(file);
            return sniff.kind() == Sniff.Kind.CSV && matches(CsvRows.parseLine(sniff.firstLine(), sniff.separator()));
        } catch (IOException e) {
            return false;
        }
    }

    /** Adds the steps of one details file. */
    public void read(Path file) {
        String name = file.getFileName().toString();
        long[] rows = {0};
        try {
            Sniff sniff = Sniff.of(file);
            if (sniff.kind() != Sniff.Kind.CSV) {
                problems.add(new Rejection(name, "", "is not an authentication-details CSV (" + sniff + ")", 0));
                return;
            }
            try (TextInput in = TextInput.open(file)) {
                String[][] fields = new String[1][];
                CsvRows.read(in, sniff.separator(), new CsvRows.Rows() {
                    int requestId = -1;

                    @Override
                    public void header(String[] header, long line) {
                        fields[0] = new String[header.length];
                        for (int i = 0; i < header.length; i++) {
                            String f = COLUMNS.get(PortalCsv.key(header[i]));
                            fields[0][i] = f;
                            if ("requestId".equals(f)) requestId = i;
                        }
                    }

                    @Override
                    public void row(String[] values, Position at) {
                        rows[0]++;
                        String id = requestId < 0 ? "" : values[requestId].trim().toLowerCase(Locale.ROOT);
                        if (id.isEmpty()) {
                            problems.add(new Rejection(name, at.toString(), "Request ID is empty: the step belongs to no sign-in", 0));
                            return;
                        }
                        ObjectNode step = JsonStream.MAPPER.createObjectNode();
                        for (int i = 0; i < values.length; i++) {
                            String f = fields[0][i];
                            String v = values[i].trim();
                            if (f == null || f.equals("requestId") || v.isEmpty()) continue;
                            if (f.equals("succeeded")) {
                                if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
                                    broken.putIfAbsent(id, name + " " + at + ": Succeeded must be True or False, found \"" + v + "\"");
                                    rowsOf.merge(id, 1L, Long::sum);
                                    return;
                                }
                                step.put(f, Boolean.parseBoolean(v.toLowerCase(Locale.ROOT)));
                            } else {
                                step.put(f, v);
                            }
                        }
                        rowsOf.merge(id, 1L, Long::sum);
                        steps.computeIfAbsent(id, k -> JsonStream.MAPPER.createArrayNode()).add(step);
                    }

                    @Override
                    public void brokenRow(String[] values, String where, String reason) {
                        rows[0]++;
                        String id = requestId < 0 || requestId >= values.length ? "" : values[requestId].trim().toLowerCase(Locale.ROOT);
                        if (!id.isEmpty()) {
                            // whose step it is can still be told: that sign-in is refused rather than judged on part of its steps
                            broken.putIfAbsent(id, name + " " + where + ": " + reason);
                            rowsOf.merge(id, 1L, Long::sum);
                        }
                        problems.add(new Rejection(name, where, reason + (id.isEmpty() ? "; the sign-in it belongs to may lack a step"
                                : "; the sign-in with Request ID " + id + " is refused"), 0));
                    }

                    @Override
                    public void broken(String where, String reason, long count) {
                        rows[0] += count;
                        problems.add(new Rejection(name, where, reason + "; the sign-in it belongs to may lack a step", 0));
                    }
                });
            }
        } catch (IOException e) {
            problems.add(new Rejection(name, "", "cannot be read: " + e.getMessage(), 0));
        }
        rowsPerFile.put(name, rows[0]);
    }

    public boolean isEmpty() {
        return steps.isEmpty() && broken.isEmpty();
    }

    /** The steps for a sign-in, or null when the files hold none for it. */
    JsonNode stepsFor(String requestId) throws PortalCsv.RowProblem {
        String id = requestId.trim().toLowerCase(Locale.ROOT);
        String problem = broken.get(id);
        if (problem != null) {
            used.add(id);
            throw new PortalCsv.RowProblem("its authentication details are unusable: " + problem);
        }
        ArrayNode s = steps.get(id);
        if (s != null) used.add(id);
        return s;
    }

    /** Rows that could not be read; they are no sign-ins, so they count in no sign-in total. */
    public List<Rejection> problems() {
        return problems;
    }

    public Map<String, Long> rowsPerFile() {
        return rowsPerFile;
    }

    /** Request IDs with steps but no sign-in in any file read so far (is the main download missing?). */
    public long unmatched() {
        Set<String> all = new HashSet<>(steps.keySet());
        all.addAll(broken.keySet());
        all.removeAll(used);
        return all.size();
    }

    /** The rows of the Request IDs that no sign-in read so far has claimed: ignored, and counted as such. */
    public long unmatchedRows() {
        long n = 0;
        for (Map.Entry<String, Long> e : rowsOf.entrySet()) {
            if (!used.contains(e.getKey())) n += e.getValue();
        }
        return n;
    }

    /** The details files' names, for a message about all of them. */
    public String fileNames() {
        return String.join(", ", rowsPerFile.keySet());
    }

    public int requestIds() {
        Set<String> all = new HashSet<>(steps.keySet());
        all.addAll(broken.keySet());
        return all.size();
    }
}
