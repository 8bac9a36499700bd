package io.github.mfaeval.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.mfaeval.TestRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The inspect command and evaluate --strict, run as a user runs them. */
class InspectAndStrictTest {
    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setExitCodeExceptionMapper(e -> Main.ERROR);
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    static Path broken(Path tenant) throws IOException {
        Files.writeString(tenant.resolve("tenant.json"), "{\"tenantId\": \"00000000-0000-0000-0000-0000000000cc\", \"displayName\": \"Broken\"}");
        Files.writeString(tenant.resolve("signIns.jsonl"), """
                {"id": "good-1", "createdDateTime": "2025-11-20T08:00:00Z", "userId": "u1", "appId": "c44b4083-3bb0-49c1-b47d-974e53cbdf3c", "isInteractive": true, "status": {"errorCode": 0}}
                {"id": "bad-2", "createdDateTime": "yesterday", "userId": "u1", "appId": "c44b4083-3bb0-49c1-b47d-974e53cbdf3c"}
                """);
        Files.writeString(tenant.resolve("notes.txt"), "not an export");
        return tenant;
    }

    @Test
    void inspectListsEachFileWithItsFormatCountsAndKinds() {
        Run r = run("inspect", TestRules.PROJECT.resolve("src/test/resources/formats/portal-csv").toString());
        assertEquals(Main.ACTION_REQUIRED, r.code(), "configuration exports are missing");
        assertTrue(r.out().contains("InteractiveSignIns_2025-11-20_2025-11-23.csv           2         0          0  2025-11-20  2025-11-22"
                + "            2                0         0      0  Entra admin center CSV (interactive sign-ins)"), r.out());
        assertTrue(r.out().contains("read 5 = evaluated 5 + rejected 0 + duplicate 0"), r.out());
        assertTrue(r.out().contains("InteractiveSignIns_AuthDetails_2025-11-20_2025-11-23.csv: authentication details, 4 rows"), r.out());
        assertTrue(r.out().contains("users.json: without it, who the users are"), r.out());
    }

    @Test
    void inspectShowsRejectionsAndGapsAsJson(@TempDir Path tenant) throws IOException {
        Run r = run("inspect", broken(tenant).toString(), "--format", "json");
        assertEquals(Main.ACTION_REQUIRED, r.code());
        JsonNode inv = new ObjectMapper().readTree(r.out());
        JsonNode file = inv.get("signInFiles").get(0);
        assertEquals("signIns.jsonl", file.get("name").asText());
        assertEquals("NDJSON (one record per line), Graph", file.get("format").asText());
        assertEquals(2, file.get("read").asLong());
        assertEquals(1, file.get("rejected").asLong());
        assertEquals("record 2 (line 2)", file.get("rejections").get(0).get("record").asText());
        assertEquals("sign-in bad-2: createdDateTime \"yesterday\" is not a date", file.get("rejections").get(0).get("reason").asText());
        assertEquals(1, file.get("kinds").get("INTERACTIVE").asLong());
        assertEquals("2025-11-20T08:00:00Z", inv.get("totals").get("from").asText());
        assertEquals("notes.txt", inv.get("notRead").get(0).asText());
        assertTrue(inv.get("missing").toString().contains("non-interactive sign-ins: none read"), inv.get("missing").toString());
    }

    @Test
    void inspectOfACompleteFolderExitsZero() {
        Run r = run("inspect", TestRules.EXAMPLES.resolve("contoso-ready").toString());
        assertEquals(Main.READY, r.code(), r.out());
        assertTrue(r.out().contains("Missing        nothing"), r.out());
    }

    @Test
    void inspectOfSomethingThatIsNoFolder(@TempDir Path dir) {
        Run r = run("inspect", dir.resolve("nope").toString());
        assertEquals(Main.ERROR, r.code());
        assertTrue(r.err().contains("not a folder"), r.err());
    }

    @Test
    void strictTurnsAnyRejectionIntoExitCodeTwo(@TempDir Path tenant, @TempDir Path out) throws IOException {
        broken(tenant);
        String rules = TestRules.RULES.toString();
        Run lenient = run("evaluate", tenant.toString(), "--as-of", "2025-11-28", "--rules", rules, "-o", out.resolve("a.json").toString());
        assertEquals(Main.ACTION_REQUIRED, lenient.code(), lenient.err());
        Run strict = run("evaluate", tenant.toString(), "--as-of", "2025-11-28", "--rules", rules, "--strict",
                "-o", out.resolve("b.json").toString(), "--format", "json");
        assertEquals(Main.ERROR, strict.code());
        assertTrue(strict.err().contains("--strict: 1 input problem(s), the first: signIns.jsonl record 2 (line 2): sign-in bad-2: "
                + "createdDateTime \"yesterday\" is not a date"), strict.err());
        JsonNode report = new ObjectMapper().readTree(out.resolve("b.json").toFile());
        assertEquals("INCOMPLETE", report.get("status").asText(), "the report is still written");
        Run clean = run("evaluate", TestRules.EXAMPLES.resolve("contoso-ready").toString(), "--as-of", "2025-11-28", "--rules", rules,
                "--strict", "-o", out.resolve("c.json").toString());
        assertEquals(Main.READY, clean.code(), clean.err());
    }
}
