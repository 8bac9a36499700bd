package io.github.mfaeval.load;

import io.github.mfaeval.result.Rejection;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.mfaeval.TestRules;
import io.github.mfaeval.result.Report;
import io.github.mfaeval.result.SignInVerdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Broken input, one case each: every case is a tenant folder evaluated through the real loader and rules, and
 * asserts the counts (read = evaluated + rejected + duplicates), that the message names the file, the record or
 * line, and what is wrong, that the good records of the same file were evaluated, and that the status is INCOMPLETE.
 */
class MalformedInputTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String PORTAL_APP = "c44b4083-3bb0-49c1-b47d-974e53cbdf3c";

    /** One broken tenant folder and what must come of it. */
    record Case(String name, Map<String, byte[]> files, long read, long evaluated, long rejected, List<String> good,
                String file, String where, String reason) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final class Builder {
        final String name;
        final Map<String, byte[]> files = new LinkedHashMap<>();
        long read;
        long evaluated;
        long rejected;
        List<String> good = List.of();
        String file;
        String where = "";
        String reason;

        Builder(String name) {
            this.name = name;
        }

        Builder file(String fileName, String text) {
            return file(fileName, text.getBytes(StandardCharsets.UTF_8));
        }

        Builder file(String fileName, byte[] bytes) {
            files.put(fileName, bytes);
            if (file == null) file = fileName;
            return this;
        }

        /** read, evaluated, rejected */
        Builder counts(long read, long evaluated, long rejected) {
            this.read = read;
            this.evaluated = evaluated;
            this.rejected = rejected;
            return this;
        }

        Builder good(String... ids) {
            this.good = List.of(ids);
            return this;
        }

        /** The rejection expected: in which file, where (a fragment of its location) and why (a fragment of its reason). */
        Builder rejects(String fileName, String where, String reason) {
            this.file = fileName;
            this.where = where;
            this.reason = reason;
            return this;
        }

        Case build() {
            return new Case(name, files, read, evaluated, rejected, good, file, where, reason);
        }
    }

    static Builder named(String name) {
        return new Builder(name);
    }

    // ---- records ----

    /** A valid Graph beta sign-in to the Azure portal. */
    static ObjectNode record(String id) {
        ObjectNode r = JSON.createObjectNode();
        r.put("id", id);
        r.put("createdDateTime", "2025-11-20T08:00:00Z");
        r.put("userId", "0f1e2d3c-0000-4000-8000-00000000000" + (Math.abs(id.hashCode()) % 10));
        r.put("userPrincipalName", "ada@contoso.example");
        r.put("appId", PORTAL_APP);
        r.put("appDisplayName", "Azure Portal");
        r.putArray("signInEventTypes").add("interactiveUser");
        r.putObject("status").put("errorCode", 0);
        return r;
    }

    static String rec(String id) {
        return record(id).toString();
    }

    static String rec(String id, Consumer<ObjectNode> change) {
        ObjectNode r = record(id);
        change.accept(r);
        return r.toString();
    }

    static String array(String... records) {
        return "[\n" + String.join(",\n", records) + "\n]\n";
    }

    static String lines(String... records) {
        return String.join("\n", records) + "\n";
    }

    static final String PORTAL_HEADER = "Date (UTC),Request ID,User ID,Username,Application,Application ID ,Status,Sign-in error code,Authentication requirement";

    static String portalRow(String id, String date) {
        return date + "," + id + ",0f1e2d3c-0000-4000-8000-000000000001,ada@contoso.example,Azure Portal," + PORTAL_APP
                + ",Success,0,Multifactor authentication";
    }

    static String portalRow(String id) {
        return portalRow(id, "2025-11-20T08:00:00Z");
    }

    static final String LA_HEADER = "TenantId,Id,CreatedDateTime [UTC],AppId,UserId,UserPrincipalName,ResultType,Type";

    static String laRow(String id, String date) {
        return "e7f8a9b0-1c2d-4e3f-8a9b-0c1d2e3f4a5b," + id + ",\"" + date + "\"," + PORTAL_APP
                + ",0f1e2d3c-0000-4000-8000-000000000001,ada@contoso.example,0,SigninLogs";
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }

    /** The text as UTF-8, with the raw bytes in place of each #BYTE#. */
    static byte[] withBytes(String text, int... raw) {
        String[] parts = text.split("#BYTE#", -1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) for (int b : raw) out.write(b);
            out.writeBytes(utf8(parts[i]));
        }
        return out.toByteArray();
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] gzip(byte[] plain) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(bytes)) {
            z.write(plain);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    /** Records whose text does not compress to nothing, so that a cut gzip stream cuts records. */
    static String manyRecords(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            int k = i;
            out.add(rec("many-" + i, r -> r.put("userAgent", "agent " + Integer.toHexString(k * 7919 * 104729) + " " + k * k)));
        }
        return lines(out.toArray(String[]::new));
    }

    static List<Case> cases() {
        List<Case> c = new ArrayList<>();
        // --- JSON documents ---
        c.add(named("JSON array: a missing comma ends the file").file("signIns.json",
                        "[\n" + rec("good-1") + ",\n" + rec("good-2") + "\n" + rec("lost-3") + "\n]\n")
                .counts(3, 2, 1).good("good-1", "good-2").rejects("signIns.json", "(line 4)", "malformed JSON").build());
        c.add(named("JSON array cut in the middle of a record").file("signIns.json",
                        "[\n" + rec("good-1") + ",\n" + rec("good-2") + ",\n{\"id\": \"cut-3\", \"createdDate")
                .counts(3, 2, 1).good("good-1", "good-2").rejects("signIns.json", "record 3", "ends in the middle of a record").build());
        c.add(named("Graph page cut after its first record").file("signIns.json",
                        "{\"@odata.context\": \"x\", \"value\": [\n" + rec("good-1") + ",\n" + rec("good-2").substring(0, 40))
                .counts(2, 1, 1).good("good-1").rejects("signIns.json", "record 2 (line 3)", "truncated").build());
        c.add(named("JSON file holding a bare number").file("signIns.json", "42\n")
                .counts(1, 0, 1).rejects("signIns.json", "line 1", "neither JSON nor CSV").build());
        c.add(named("array element that is not an object").file("signIns.json", array(rec("good-1"), "42", rec("good-3")))
                .counts(3, 2, 1).good("good-1", "good-3").rejects("signIns.json", "record 2 (line 3)", "not a JSON object, found 42").build());
        c.add(named("wrong type: status is text").file("signIns.json",
                        array(rec("good-1"), rec("bad-2", r -> r.put("status", "ok")), rec("good-3")))
                .counts(3, 2, 1).good("good-1", "good-3").rejects("signIns.json", "record 2 (line 3)", "status must be an object, found \"ok\"").build());
        c.add(named("wrong type: errorCode is not a number").file("signIns.json",
                        array(rec("good-1"), rec("bad-2", r -> ((ObjectNode) r.get("status")).put("errorCode", "abc")), rec("good-3")))
                .counts(3, 2, 1).good("good-1", "good-3").rejects("signIns.json", "record 2", "status.errorCode must be a number, found \"abc\"").build());
        c.add(named("wrong type: authenticationDetails is a number").file("signIns.json",
                        array(rec("good-1"), rec("bad-2", r -> r.put("authenticationDetails", 42))))
                .counts(2, 1, 1).good("good-1").rejects("signIns.json", "record 2", "authenticationDetails must be a list, found 42").build());
        c.add(named("wrong type: succeeded is neither true nor false").file("signIns.json",
                        array(rec("bad-1", r -> r.putArray("authenticationDetails").addObject().put("succeeded", "maybe")), rec("good-2")))
                .counts(2, 1, 1).good("good-2").rejects("signIns.json", "record 1", "authenticationDetails[0].succeeded must be true or false").build());
        c.add(named("wrong type: id is an object").file("signIns.json",
                        array(rec("good-1"), rec("x", r -> r.putObject("id"))))
                .counts(2, 1, 1).good("good-1").rejects("signIns.json", "record 2", "id must be text, found an object").build());
        c.add(named("invalid date: 31 February").file("signIns.json",
                        array(rec("good-1"), rec("bad-2", r -> r.put("createdDateTime", "2025-02-31T00:00:00Z"))))
                .counts(2, 1, 1).good("good-1").rejects("signIns.json", "record 2 (line 3)", "createdDateTime \"2025-02-31T00:00:00Z\" is not a date").build());
        c.add(named("invalid date: day-first text").file("signIns.json",
                        array(rec("bad-1", r -> r.put("createdDateTime", "28/04/2021 14:08")), rec("good-2")))
                .counts(2, 1, 1).good("good-2").rejects("signIns.json", "record 1 (line 2)", "\"28/04/2021 14:08\" is not a date").build());
        c.add(named("missing id").file("signIns.json", array(rec("good-1"), rec("x", r -> r.remove("id")), rec("good-3")))
                .counts(3, 2, 1).good("good-1", "good-3").rejects("signIns.json", "record 2 (line 3)", "id is missing").build());
        c.add(named("missing createdDateTime").file("signIns.json", array(rec("bad-1", r -> r.remove("createdDateTime")), rec("good-2")))
                .counts(2, 1, 1).good("good-2").rejects("signIns.json", "record 1", "sign-in bad-1: createdDateTime is missing").build());
        // fail closed: a sign-in whose outcome is not given is no success (its MFA requirement would read as met)
        c.add(named("missing status").file("signIns.json", array(rec("good-1"), rec("bad-2", r -> r.remove("status")), rec("good-3")))
                .counts(3, 2, 1).good("good-1", "good-3").rejects("signIns.json", "record 2 (line 3)",
                        "sign-in bad-2: status.errorCode is missing: whether the sign-in succeeded is not known").build());
        c.add(named("status without errorCode").file("signIns.json",
                        array(rec("bad-1", r -> ((ObjectNode) r.get("status")).remove("errorCode")), rec("good-2")))
                .counts(2, 1, 1).good("good-2").rejects("signIns.json", "record 1", "status.errorCode is missing").build());
        c.add(named("errorCode null").file("signIns.json",
                        array(rec("good-1"), rec("bad-2", r -> ((ObjectNode) r.get("status")).putNull("errorCode"))))
                .counts(2, 1, 1).good("good-1").rejects("signIns.json", "record 2", "status.errorCode is missing").build());
        c.add(named("Log Analytics JSON: no ResultType").file("SigninLogs.json",
                        array("{\"Id\": \"bad-1\", \"CreatedDateTime\": \"2025-11-20T08:00:00Z\", \"AppId\": \"" + PORTAL_APP
                                + "\", \"UserId\": \"u1\", \"Type\": \"SigninLogs\"}", rec("good-2")))
                .counts(2, 1, 1).good("good-2").rejects("SigninLogs.json", "record 1", "is missing: whether the sign-in succeeded is not known").build());
        c.add(named("missing appId on a user sign-in").file("signIns.json", array(rec("good-1"), rec("bad-2", r -> r.remove("appId"))))
                .counts(2, 1, 1).good("good-1").rejects("signIns.json", "record 2", "appId is missing").build());
        c.add(named("JSON: bytes that are not UTF-8 inside a record").file("signIns.json", withBytes(
                        array(rec("good-1"), rec("bad-2", r -> r.put("userDisplayName", "Ren#BYTE#e")), rec("good-3")), 0xE9))
                .counts(3, 2, 1).good("good-1", "good-3").rejects("signIns.json", "record 2 (line 3)", "not valid text in the file's encoding (0xE9)").build());
        c.add(named("JSON: bytes that are not UTF-8 between records").file("signIns.json", withBytes(
                        array(rec("good-1"), "#BYTE#" + rec("lost-2")), 0xFF))
                .counts(2, 1, 1).good("good-1").rejects("signIns.json", "record 2 (line 3)", "(0xFF) where JSON was expected").build());
        c.add(named("JSON: a PowerShell dump cut by ConvertTo-Json's default depth").file("signIns.json",
                        array(rec("good-1"), rec("bad-2", r -> r.put("status", "Microsoft.Graph.PowerShell.Models.MicrosoftGraphSignInStatus"))))
                .counts(2, 1, 1).good("good-1").rejects("signIns.json", "record 2", "ConvertTo-Json -Depth 10").build());
        c.add(named("Log Analytics JSON: a nested value that is broken JSON text").file("SigninLogs.json",
                        array("{\"Id\": \"bad-1\", \"CreatedDateTime\": \"2025-11-20T08:00:00Z\", \"AppId\": \"" + PORTAL_APP
                                + "\", \"UserId\": \"u1\", \"ResultType\": \"0\", \"Type\": \"SigninLogs\", \"AuthenticationDetails\": \"[{\\\"authenticationMethod\\\": \"}",
                                "{\"Id\": \"good-2\", \"CreatedDateTime\": \"2025-11-20T08:00:00Z\", \"AppId\": \"" + PORTAL_APP
                                        + "\", \"UserId\": \"u1\", \"ResultType\": \"0\", \"Type\": \"SigninLogs\"}"))
                .counts(2, 1, 1).good("good-2").rejects("SigninLogs.json", "record 1", "AuthenticationDetails is not valid JSON").build());
        c.add(named("Log Analytics JSON: ResultType that is no number").file("SigninLogs.json",
                        array("{\"Id\": \"bad-1\", \"CreatedDateTime\": \"2025-11-20T08:00:00Z\", \"AppId\": \"" + PORTAL_APP
                                + "\", \"UserId\": \"u1\", \"ResultType\": \"Success\", \"Type\": \"SigninLogs\"}", rec("good-2")))
                .counts(2, 1, 1).good("good-2").rejects("SigninLogs.json", "record 1", "ResultType must be a number, found \"Success\"").build());

        // --- one record per line ---
        c.add(named("NDJSON: a malformed line costs that line only").file("signIns.jsonl",
                        lines(rec("good-1"), "{\"id\": \"bad-2\", \"createdDateTime\": }", rec("good-3")))
                .counts(3, 2, 1).good("good-1", "good-3").rejects("signIns.jsonl", "record 2 (line 2)", "malformed JSON").build());
        c.add(named("NDJSON: last line cut short").file("signIns.jsonl", rec("good-1") + "\n" + rec("good-2") + "\n" + rec("cut-3").substring(0, 50))
                .counts(3, 2, 1).good("good-1", "good-2").rejects("signIns.jsonl", "record 3 (line 3)", "line ends in the middle of a record").build());
        c.add(named("NDJSON: bytes that are not UTF-8 on one line").file("signIns.jsonl", withBytes(
                        lines(rec("good-1"), rec("bad-2", r -> r.put("userDisplayName", "#BYTE#")), rec("good-3")), 0xFF, 0xFE))
                .counts(3, 2, 1).good("good-1", "good-3").rejects("signIns.jsonl", "record 2 (line 2)", "0xFF").build());
        c.add(named("NDJSON: a line holding a list").file("signIns.jsonl", lines(rec("good-1"), "[1, 2]", rec("good-3")))
                .counts(3, 2, 1).good("good-1", "good-3").rejects("signIns.jsonl", "record 2 (line 2)", "expected a JSON object, found array").build());
        c.add(named("NDJSON: two records on one line").file("signIns.jsonl", lines(rec("good-1"), rec("bad-2") + " " + rec("bad-3"), rec("good-4")))
                .counts(3, 2, 1).good("good-1", "good-4").rejects("signIns.jsonl", "record 2 (line 2)", "more than one JSON value on the line").build());

        // --- gzip ---
        byte[] zipped = gzip(utf8(manyRecords(400)));
        c.add(named("gzip cut in half").file("signIns.jsonl.gz", Arrays.copyOf(zipped, zipped.length / 2))
                .counts(-1, -1, 1).good("many-1").rejects("signIns.jsonl.gz", "(line ", "gzip data ends early").build());
        byte[] corrupt = gzip(utf8(manyRecords(3)));
        for (int i = 12; i < corrupt.length - 8; i++) corrupt[i] = (byte) 0x5A;
        c.add(named("gzip with corrupt data").file("signIns.json.gz", corrupt)
                .counts(1, 0, 1).rejects("signIns.json.gz", "", "gzip data is corrupt").build());

        // --- CSV ---
        c.add(named("portal CSV: 31/02/2025 is no date").file("InteractiveSignIns_2025-11-01_2025-11-30.csv",
                        lines(PORTAL_HEADER, portalRow("good-1"), portalRow("bad-2", "31/02/2025"), portalRow("good-3")))
                .counts(3, 2, 1).good("good-1", "good-3")
                .rejects("InteractiveSignIns_2025-11-01_2025-11-30.csv", "record 2 (line 3)", "Date (UTC) \"31/02/2025\" is not a date").build());
        c.add(named("Log Analytics CSV: US-locale date that does not exist").file("SigninLogs.csv",
                        lines(LA_HEADER, laRow("good-1", "4/28/2021, 2:08:45.221 PM"), laRow("bad-2", "13/45/2021, 2:08:45.221 PM")))
                .counts(2, 1, 1).good("good-1").rejects("SigninLogs.csv", "record 2 (line 3)", "CreatedDateTime [UTC] \"13/45/2021, 2:08:45.221 PM\" is not a date").build());
        c.add(named("CSV: a row with too few values").file("signIns.csv",
                        lines(PORTAL_HEADER, portalRow("good-1"), "2025-11-20T08:00:00Z,bad-2,u,ada@contoso.example", portalRow("good-3")))
                .counts(3, 2, 1).good("good-1", "good-3").rejects("signIns.csv", "record 2 (line 3)", "has 4 values, the header has 9").build());
        c.add(named("CSV: text after a closing quote; reading goes on at the next line").file("signIns.csv",
                        lines(PORTAL_HEADER, portalRow("good-1"), "2025-11-20T08:00:00Z,\"bad-2\"x,u,ada@contoso.example,Azure Portal,"
                                + PORTAL_APP + ",Success,0,x", portalRow("good-3"), portalRow("good-4")))
                .counts(4, 3, 1).good("good-1", "good-3", "good-4").rejects("signIns.csv", "record 2 (line 3)", "a quote inside a value must be doubled").build());
        c.add(named("CSV: a quoted value never closed (file cut short)").file("signIns.csv",
                        lines(PORTAL_HEADER, portalRow("good-1"), portalRow("good-2")) + "2025-11-20T08:00:00Z,cut-3,\"u,ada")
                .counts(3, 2, 1).good("good-1", "good-2").rejects("signIns.csv", "record 3 (line 4)", "never closed").build());
        c.add(named("CSV: Windows-1252 bytes in one row").file("signIns.csv", withBytes(
                        lines(PORTAL_HEADER, portalRow("good-1"), portalRow("bad-2").replace("ada@", "Ren#BYTE#e@"), portalRow("good-3")), 0xE9))
                .counts(3, 2, 1).good("good-1", "good-3").rejects("signIns.csv", "record 2 (line 3)", "save the export as UTF-8").build());
        c.add(named("CSV: no Request ID column").file("signIns.csv", lines(PORTAL_HEADER.replace("Request ID", "Request-ID"),
                        portalRow("a"), portalRow("b"), portalRow("c")))
                .counts(3, 0, 3).rejects("signIns.csv", "records 1-3 (lines 2-4)", "no Request ID column").build());
        c.add(named("CSV: localized or unknown header").file("signIns.csv", lines("Datum,Anforderungs-ID,Benutzer", "1,2,3", "4,5,6"))
                .counts(2, 0, 2).rejects("signIns.csv", "records 1-2 (lines 2-3)", "localized portal downloads are not supported").build());
        // issue 24: one row under a foreign header is one record, whatever is wrong with the row itself
        c.add(named("CSV: foreign header, one row cut short: one row, one record").file("signIns.csv", lines("Foo,Bar,Baz", "1,2"))
                .counts(1, 0, 1).rejects("signIns.csv", "record 1 (line 2)", "has 2 values, the header has 3").build());
        c.add(named("CSV: foreign header, one row whose quote never closes: one row, one record").file("signIns.csv", lines("Foo,Bar,Baz", "1,\"2,3"))
                .counts(1, 0, 1).rejects("signIns.csv", "record 1 (line 2)", "never closed").build());
        c.add(named("CSV: foreign header and one good row").file("signIns.csv", lines("Foo,Bar,Baz", "1,2,3"))
                .counts(1, 0, 1).rejects("signIns.csv", "record 1 (line 2)", "has none of the columns of a sign-in export").build());
        c.add(named("CSV: foreign header alone").file("signIns.csv", lines("Foo,Bar,Baz"))
                .counts(1, 0, 1).rejects("signIns.csv", "", "(and no rows follow)").build());
        c.add(named("CSV: Status Failure without an error code").file("signIns.csv", lines(PORTAL_HEADER, portalRow("good-1"),
                        portalRow("bad-2").replace(",Success,0,", ",Failure,,")))
                .counts(2, 1, 1).good("good-1").rejects("signIns.csv", "record 2 (line 3)", "Status is \"Failure\" but Sign-in error code is empty").build());
        c.add(named("Log Analytics CSV exported in local time").file("SigninLogs.csv",
                        lines(LA_HEADER.replace("[UTC]", "[Local Time]"), laRow("a", "4/28/2021, 2:08:45.221 PM"), laRow("b", "4/28/2021, 2:09:45.221 PM")))
                .counts(2, 0, 2).rejects("SigninLogs.csv", "records 1-2 (lines 2-3)", "offset from UTC is unknown").build());
        c.add(named("portal authentication details with an unreadable Succeeded").file("InteractiveSignIns_2025-11-01_2025-11-30.csv",
                        lines(PORTAL_HEADER, portalRow("good-1"), portalRow("bad-2")))
                .file("InteractiveSignIns_AuthDetails_2025-11-01_2025-11-30.csv", lines(
                        "Request ID,Date,Authentication method,Authentication method detail,Succeeded,Result detail,Requirement",
                        "good-1,2025-11-20T08:00:00Z,Password,,True,Correct password,Primary authentication",
                        "bad-2,2025-11-20T08:00:00Z,Text message,,Maybe,MFA successfully completed,Multifactor authentication"))
                .counts(2, 1, 1).good("good-1")
                .rejects("InteractiveSignIns_2025-11-01_2025-11-30.csv", "record 2 (line 3)", "Succeeded must be True or False, found \"Maybe\"").build());

        // --- whole files ---
        c.add(named("empty file").file("signIns.json", new byte[0]).file("signIns-2.json", array(rec("good-1")))
                .counts(2, 1, 1).good("good-1").rejects("signIns.json", "", "is empty").build());
        c.add(named("file of blank lines").file("signIns.jsonl", "\n\n   \n").counts(1, 0, 1).rejects("signIns.jsonl", "", "is empty").build());
        c.add(named("binary file").file("signIns.json", new byte[] {0, 0, 0, 1, 2, 3}).counts(1, 0, 1)
                .rejects("signIns.json", "line 1", "is not text").build());
        c.add(named("Excel workbook saved under a .csv name").file("signIns.csv", concat(new byte[] {'P', 'K', 3, 4}, new byte[64]))
                .counts(1, 0, 1).rejects("signIns.csv", "", "ZIP archive").build());
        c.add(named("unsupported extension").file("signIns.xlsx", new byte[] {'P', 'K', 3, 4}).counts(1, 0, 1)
                .rejects("signIns.xlsx", "", "Excel workbook").build());
        c.add(named("many bad records: the first hundred listed, the rest summed up").file("signIns.jsonl",
                        lines(java.util.stream.IntStream.rangeClosed(1, 150).mapToObj(i -> "{broken " + i).toArray(String[]::new)) + rec("good-151") + "\n")
                .counts(151, 1, 150).good("good-151").rejects("signIns.jsonl", "from record 101 (line 101)", "50 more records rejected").build());
        return c;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void brokenInputIsRefusedWhereItIsBroken(Case k, @TempDir Path tenant) throws IOException {
        Files.writeString(tenant.resolve("tenant.json"), "{\"tenantId\": \"00000000-0000-0000-0000-0000000000bb\"}");
        for (Map.Entry<String, byte[]> f : k.files().entrySet()) Files.write(tenant.resolve(f.getKey()), f.getValue());
        Report r = TestRules.evaluate(tenant);
        assertCase(k, r);
    }

    static void assertCase(Case k, Report r) {
        var m = r.summary();
        String all = r.inputs().rejected().stream().map(Object::toString).collect(Collectors.joining("\n  "));
        if (k.read() >= 0) assertEquals(k.read(), m.signInsRead(), () -> "read; rejections:\n  " + all);
        if (k.evaluated() >= 0) assertEquals(k.evaluated(), m.signInsEvaluated(), () -> "evaluated; rejections:\n  " + all);
        assertEquals(k.rejected(), m.signInsRejected(), () -> "rejected; rejections:\n  " + all);
        assertEquals(m.signInsRead(), m.signInsEvaluated() + m.signInsRejected() + m.signInsDuplicate());
        assertEquals(m.signInsRejected(), r.inputs().rejected().stream().mapToLong(Rejection::records).sum(),
                "the rejected list accounts for every record not evaluated");
        assertEquals(Report.Status.INCOMPLETE, r.status());
        assertTrue(r.inputs().rejected().stream().anyMatch(x -> x.file().equals(k.file()) && x.record().contains(k.where())
                        && x.reason().contains(k.reason())),
                () -> "expected " + k.file() + " [" + k.where() + "]: …" + k.reason() + "…, got:\n  " + all);
        Set<String> evaluated = r.signIns().stream().map(SignInVerdict::id).collect(Collectors.toSet());
        assertTrue(evaluated.containsAll(k.good()), () -> "good records evaluated: " + evaluated);
    }

    // ---- cases that need more than files ----

    @Test
    void aFolderWhereASignInFileShouldBe(@TempDir Path tenant) throws IOException {
        Files.writeString(tenant.resolve("tenant.json"), "{\"tenantId\": \"t\"}");
        Files.createDirectory(tenant.resolve("signIns.json"));
        Files.writeString(tenant.resolve("signIns-2.json"), array(rec("good-1")));
        assertCase(named("folder").counts(2, 1, 1).good("good-1").rejects("signIns.json", "", "is a folder, not a file").build(),
                TestRules.evaluate(tenant));
    }

    @Test
    void aFolderWhereAConfigurationFileShouldBe(@TempDir Path tenant) throws IOException {
        Files.writeString(tenant.resolve("tenant.json"), "{\"tenantId\": \"t\"}");
        Files.createDirectory(tenant.resolve("users.json"));
        Files.writeString(tenant.resolve("signIns.json"), array(rec("good-1")));
        Report r = TestRules.evaluate(tenant);
        assertEquals(Report.Status.INCOMPLETE, r.status());
        assertTrue(r.inputs().rejected().stream().anyMatch(x -> x.file().equals("users.json") && x.reason().contains("is a folder")),
                r.inputs().rejected()::toString);
        assertEquals(1, r.summary().signInsEvaluated());
    }

    @Test
    void aBrokenLink(@TempDir Path tenant) throws IOException {
        Files.writeString(tenant.resolve("tenant.json"), "{\"tenantId\": \"t\"}");
        Files.createSymbolicLink(tenant.resolve("signIns.json"), tenant.resolve("gone.json"));
        Files.writeString(tenant.resolve("signIns-2.json"), array(rec("good-1")));
        assertCase(named("link").counts(2, 1, 1).good("good-1").rejects("signIns.json", "", "does not exist (a broken link?)").build(),
                TestRules.evaluate(tenant));
    }

    @Test
    void anUnreadableFile(@TempDir Path tenant) throws IOException {
        Files.writeString(tenant.resolve("tenant.json"), "{\"tenantId\": \"t\"}");
        Path locked = tenant.resolve("signIns.json");
        Files.writeString(locked, array(rec("lost-1")));
        Files.writeString(tenant.resolve("signIns-2.json"), array(rec("good-1")));
        assertTrue(locked.toFile().setReadable(false, false));
        try {
            // root reads anything: then the permission cannot be taken away, and this case says so rather than pass
            org.junit.jupiter.api.Assumptions.assumeFalse(Files.isReadable(locked), "running as root: files cannot be made unreadable");
            assertCase(named("unreadable").counts(2, 1, 1).good("good-1").rejects("signIns.json", "", "permission denied").build(),
                    TestRules.evaluate(tenant));
        } finally {
            locked.toFile().setReadable(true, false);
        }
    }

    @Test
    void anUnknownPortalColumnIsANoticeNotARejection(@TempDir Path tenant) throws IOException {
        Path csv = tenant.resolve("signIns.csv");
        Files.writeString(csv, lines(PORTAL_HEADER + ",Risk colour", portalRow("good-1") + ",red"));
        SignInFile f = SignInFile.read(csv);
        assertEquals(List.of(), f.rejections);
        assertEquals(1, f.signIns.size());
        assertEquals(1, f.notices.size());
        assertEquals("signIns.csv line 1: column \"Risk colour\" not known to mfa-eval; ignored", f.notices.get(0).toString());
    }

    @Test
    void theSameSignInInTwoOverlappingExportsCountsOnce(@TempDir Path tenant) throws IOException {
        Files.writeString(tenant.resolve("tenant.json"), "{\"tenantId\": \"t\"}");
        Files.writeString(tenant.resolve("signIns-week1.json"), array(rec("a"), rec("b")));
        Files.writeString(tenant.resolve("signIns-week2.jsonl"), lines(rec("b"), rec("c")));
        Report r = TestRules.evaluate(tenant);
        assertEquals(4, r.summary().signInsRead());
        assertEquals(3, r.summary().signInsEvaluated());
        assertEquals(1, r.summary().signInsDuplicate());
        assertEquals(List.of(), r.inputs().rejected());
    }

    @Test
    void aConfigurationRecordCutByPowerShellIsRefused(@TempDir Path tenant) throws Exception {
        Files.writeString(tenant.resolve("tenant.json"), "{\"tenantId\": \"t\"}");
        Files.writeString(tenant.resolve("conditionalAccessPolicies.json"), "[{\"Id\": \"p1\", \"State\": \"enabled\", "
                + "\"Conditions\": {\"Users\": \"Microsoft.Graph.PowerShell.Models.MicrosoftGraphConditionalAccessUsers\"}},"
                + "{\"Id\": \"p2\", \"State\": \"enabled\", \"Conditions\": {\"Users\": {\"IncludeUsers\": [\"All\"]}}}]");
        TenantData data = TenantLoader.load(tenant);
        assertEquals(1, data.caPolicies.size());
        assertEquals(1, data.rejected.size());
        assertEquals("conditionalAccessPolicies.json record 1 (line 1): Conditions.Users holds a PowerShell type name instead of its value "
                + "(\"Microsoft.Graph.PowerShell.Models.MicrosoftGraphConditionalAccessUsers\"): the dump was cut by ConvertTo-Json's "
                + "default -Depth or written by Export-Csv; export again with ConvertTo-Json -Depth 10", data.rejected.get(0).toString());
    }

    static void writeAll(Path dir, Map<String, String> files) throws IOException {
        for (Map.Entry<String, String> f : files.entrySet()) Files.writeString(dir.resolve(f.getKey()), f.getValue());
    }
}
