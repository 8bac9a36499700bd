package io.github.mfaeval.batch;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.mfaeval.TestRules;
import io.github.mfaeval.report.JsonRenderer;
import io.github.mfaeval.result.Report;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hostile tenant roots for the nightly batch (docs/hostile-input.md): names, copies, links, pipes, baselines. */
class HostileBatchTest {
    @TempDir
    Path temp;

    /** A copy of an example tenant under {@code root/name}, its display name replaced when given. */
    static Path tenant(Path root, String name, String example, String displayName) throws IOException {
        Path t = Files.createDirectories(root.resolve(name));
        try (var files = Files.list(TestRules.EXAMPLES.resolve(example))) {
            for (Path f : (Iterable<Path>) files::iterator) Files.copy(f, t.resolve(f.getFileName()));
        }
        if (displayName != null) {
            var manifest = (com.fasterxml.jackson.databind.node.ObjectNode) JsonRenderer.MAPPER.readTree(t.resolve("tenant.json").toFile());
            manifest.put("displayName", displayName);
            Files.writeString(t.resolve("tenant.json"), manifest.toString());
        }
        return t;
    }

    @Test
    void folderNamesCannotForgeOrSteerBatchLogLines() throws Exception {
        Path root = temp.resolve("tenants");
        // "/" cannot be in a name: U+2215 DIVISION SLASH looks the same in a log
        tenant(root, "x\nmfa-eval: [9\u22159] fake: READY", "contoso-ready", null);
        tenant(root, "y\u001b[2K\u009b1A\u202Etxt.exe\r", "contoso-ready", null);
        BatchTestSupport b = new BatchTestSupport();
        b.run(root, temp.resolve("out"), null);
        String log = b.log.toString();
        for (String line : log.split("\n", -1)) {
            if (line.isEmpty()) continue;
            assertTrue(line.startsWith("mfa-eval: "), "every line is the tool's own: [" + line + "]\n" + log);
            assertFalse(line.startsWith("mfa-eval: [9\u22159] fake"), log);
        }
        assertFalse(log.contains("\u001b") || log.contains("\u009b") || log.contains("\u202E") || log.contains("\r"), log);
        assertTrue(log.contains("x?mfa-eval: [9\u22159] fake: READY: READY"), log);
    }

    @Test
    void summaryCsvDefusesFormulasFromFolderAndDisplayNames() throws Exception {
        Path root = temp.resolve("tenants");
        tenant(root, "=1+1", "contoso-ready", "=HYPERLINK(\"https://attacker.example\",\"open\")");
        tenant(root, "@SUM(A1)", "contoso-ready", "+cmd|' /C calc'!A0");
        Path out = temp.resolve("out");
        new BatchTestSupport().run(root, out, null);
        String csv = Files.readString(out.resolve("summary.csv"));
        assertTrue(csv.contains("'=1+1") && csv.contains("'@SUM(A1)"), csv);
        assertTrue(csv.contains("'=HYPERLINK(") && csv.contains("'+cmd|"), csv);
        for (String line : csv.split("\r?\n")) {
            for (String cell : line.split(",")) {
                String c = cell.startsWith("\"") ? cell.substring(1) : cell;
                assertFalse(!c.isEmpty() && "=+@".indexOf(c.charAt(0)) >= 0, "a cell that would run as a formula: " + cell);
            }
        }
    }

    @Test
    void aBaselineThatIsALinkToOutIsRefused() throws Exception {
        Path root = temp.resolve("tenants");
        tenant(root, "contoso", "contoso-ready", null);
        Path out = Files.createDirectories(temp.resolve("out"));
        Path alias = Files.createSymbolicLink(temp.resolve("yesterday"), out);
        IOException e = assertThrows(IOException.class, () -> new BatchTestSupport().run(root, out, alias));
        assertTrue(e.getMessage().contains("--baseline must be an earlier run's folder, not --out itself"), e.getMessage());
    }

    @Test
    void aBaselineReportThatIsNoReportIsNotComparedAndSaysSo() throws Exception {
        Path root = temp.resolve("tenants");
        tenant(root, "contoso", "contoso-ready", null);
        tenant(root, "fabrikam", "fabrikam-gaps", null);
        Path baseline = temp.resolve("baseline");
        Path bad = Files.createDirectories(baseline.resolve("tenants").resolve("contoso")).resolve("report.json");
        Files.writeString(bad, "{\"status\": 42, \"findings\": \"none\"}");
        Files.createDirectories(baseline.resolve("tenants").resolve("fabrikam"));
        Files.writeString(baseline.resolve("tenants").resolve("fabrikam").resolve("report.json"), "not json at all");
        Path out = temp.resolve("out");
        BatchTestSupport b = new BatchTestSupport();
        BatchSummary s = b.run(root, out, baseline);
        for (String t : List.of("contoso", "fabrikam")) {
            Report r = BatchTestSupport.report(out, t);
            assertFalse(r.changes().compared(), t);
            assertNull(r.changes().previousStatus(), t + ": never a status that is no status");
            assertTrue(b.log.toString().contains("warning: baseline " + baseline.resolve("tenants").resolve(t).resolve("report.json")), b.log::toString);
        }
        assertTrue(b.log.toString().contains("its status is not a report status (found 42)"), b.log::toString);
        assertTrue(b.log.toString().contains("not valid JSON"), b.log::toString);
        s.tenants().forEach(row -> assertNull(row.changes().previousStatus()));
    }

    @Test
    void oneTenantTwiceIsWarnedAndFlaggedInTheSummary() throws Exception {
        Path root = temp.resolve("tenants");
        Path contoso = tenant(root, "contoso", "contoso-ready", null);
        tenant(root, "contoso-copy", "contoso-ready", null);
        Files.createSymbolicLink(root.resolve("contoso-alias"), contoso);
        Path out = temp.resolve("out");
        BatchTestSupport b = new BatchTestSupport();
        b.run(root, out, null);
        String log = b.log.toString();
        assertTrue(log.contains("warning: tenant folders contoso, contoso-alias are the same folder"), log);
        assertTrue(log.contains("warning: tenant folders contoso, contoso-alias, contoso-copy have the same tenantId"), log);
        JsonNode same = JsonRenderer.MAPPER.readTree(out.resolve("summary.json").toFile()).get("sameTenant");
        assertEquals(2, same.size(), same::toString);
        assertEquals("same folder", same.get(0).get("reason").asText());
        assertEquals("[\"contoso\",\"contoso-alias\"]", same.get(0).get("folders").toString());
        assertEquals("same tenantId", same.get(1).get("reason").asText());
        assertEquals(3, same.get(1).get("folders").size());
    }

    @Test
    void aTenantJsonThatIsAPipeFailsThatTenantAndNeverHangsTheRun() throws Exception {
        Path root = temp.resolve("tenants");
        tenant(root, "contoso", "contoso-ready", null);
        Path piped = Files.createDirectories(root.resolve("piped"));
        Files.writeString(piped.resolve("signIns.json"), "[]");
        Process mk = new ProcessBuilder("mkfifo", piped.resolve("tenant.json").toString()).inheritIO().start();
        assertTrue(mk.waitFor(30, TimeUnit.SECONDS) && mk.exitValue() == 0);
        Path out = temp.resolve("out");
        BatchSummary s = assertTimeoutPreemptively(Duration.ofSeconds(120), () -> new BatchTestSupport().run(root, out, null));
        TenantRow row = s.tenants().stream().filter(t -> t.tenant().equals("piped")).findFirst().orElseThrow();
        assertEquals(TenantStatus.FAILED, row.status());
        assertTrue(row.error().message().contains("tenant.json: is a named pipe (FIFO), not a regular file"), row.error().message());
        assertEquals(TenantStatus.READY, s.tenants().stream().filter(t -> t.tenant().equals("contoso")).findFirst().orElseThrow().status());
    }
}
