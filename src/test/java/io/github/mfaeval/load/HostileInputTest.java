package io.github.mfaeval.load;

import io.github.mfaeval.result.Rejection;
import io.github.mfaeval.TestRules;
import io.github.mfaeval.report.JsonRenderer;
import io.github.mfaeval.result.Report;
import io.github.mfaeval.risk.AcceptedRisks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;

import static io.github.mfaeval.load.MalformedInputTest.PORTAL_HEADER;
import static io.github.mfaeval.load.MalformedInputTest.array;
import static io.github.mfaeval.load.MalformedInputTest.assertCase;
import static io.github.mfaeval.load.MalformedInputTest.lines;
import static io.github.mfaeval.load.MalformedInputTest.named;
import static io.github.mfaeval.load.MalformedInputTest.portalRow;
import static io.github.mfaeval.load.MalformedInputTest.rec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile tenant folders, read through the real loader and rules (docs/hostile-input.md lists every case and what
 * must come of it). Each case is one an attacker, a broken script or a careless copy can make: files that are no
 * files, links out of the folder, content crafted to hide records or collide ids, and bytes in odd encodings.
 */
class HostileInputTest {
    /** Opening a pipe blocks until a writer comes: a case that hangs on today's code must fail, not hang the build. */
    static final Duration BOUND = Duration.ofSeconds(60);
    static final String MANIFEST = "{\"tenantId\": \"00000000-0000-0000-0000-0000000000bb\"}";

    static void mkfifo(Path p) throws IOException, InterruptedException {
        Process mk = new ProcessBuilder("mkfifo", p.toString()).inheritIO().start();
        assertTrue(mk.waitFor(30, TimeUnit.SECONDS) && mk.exitValue() == 0, "mkfifo " + p);
    }

    static String reasons(Report r) {
        return r.inputs().rejected().stream().map(Object::toString).collect(Collectors.joining("\n"));
    }

    // ---- 1. special files ----

    @Test
    void aNamedPipeWhereASignInFileShouldBeIsRefusedNotOpened(@TempDir Path tenant) throws Exception {
        Files.writeString(tenant.resolve("tenant.json"), MANIFEST);
        mkfifo(tenant.resolve("signIns.json"));
        Files.writeString(tenant.resolve("signIns-2.json"), array(rec("good-1")));
        Report r = assertTimeoutPreemptively(BOUND, () -> TestRules.evaluate(tenant));
        assertCase(named("fifo").counts(2, 1, 1).good("good-1").rejects("signIns.json", "", "is a named pipe (FIFO), not a regular file").build(), r);
        Inventory inv = assertTimeoutPreemptively(BOUND, () -> Inventory.of(tenant, 5));
        assertEquals(1, inv.totals().rejected());
    }

    @Test
    void aNamedPipeOrSocketWhereAConfigurationFileShouldBeIsRefused(@TempDir Path tenant) throws Exception {
        Files.writeString(tenant.resolve("tenant.json"), MANIFEST);
        Files.writeString(tenant.resolve("signIns.json"), array(rec("good-1")));
        mkfifo(tenant.resolve("users.json"));
        try (ServerSocketChannel socket = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            socket.bind(UnixDomainSocketAddress.of(tenant.resolve("domains.json")));
            Report r = assertTimeoutPreemptively(BOUND, () -> TestRules.evaluate(tenant));
            assertEquals(Report.Status.INCOMPLETE, r.status());
            String all = reasons(r);
            assertTrue(all.contains("users.json: is a named pipe (FIFO), not a regular file; not opened"), all);
            assertTrue(all.contains("domains.json: is a socket, not a regular file; not opened"), all);
            assertEquals(1, r.summary().signInsEvaluated());
        }
    }

    @Test
    void aTenantJsonThatIsNoRegularFileIsAnInputErrorSayingSo(@TempDir Path tenant) throws Exception {
        mkfifo(tenant.resolve("tenant.json"));
        InputException e = assertThrows(InputException.class, () -> assertTimeoutPreemptively(BOUND, () -> TenantLoader.load(tenant)));
        assertTrue(e.getMessage().contains("tenant.json: is a named pipe (FIFO), not a regular file"), e.getMessage());
        assertFalse(e.getMessage().contains("missing"), e.getMessage());
    }

    // ---- 2. links ----

    @Test
    void aLinkOutOfTheTenantFolderIsNotFollowedAndNothingOfItsTargetIsQuoted(@TempDir Path temp) throws Exception {
        Path tenant = Files.createDirectory(temp.resolve("tenant"));
        Path secret = Files.writeString(temp.resolve("shadow"), "root:$6$SECRETHASHSECRETHASH:19000:0:99999:7:::\n");
        Files.writeString(tenant.resolve("tenant.json"), MANIFEST);
        Files.createSymbolicLink(tenant.resolve("signIns.csv"), secret);
        Files.createSymbolicLink(tenant.resolve("users.json"), secret);
        Files.writeString(tenant.resolve("signIns-2.json"), array(rec("good-1")));
        Report r = TestRules.evaluate(tenant);
        assertEquals(2, r.summary().signInsRead());
        assertEquals(1, r.summary().signInsEvaluated());
        assertEquals(1, r.summary().signInsRejected());
        assertTrue(reasons(r).contains("signIns.csv: is a link to a file outside the tenant folder; not followed"), reasons(r));
        assertTrue(reasons(r).contains("users.json: is a link to a file outside the tenant folder"), reasons(r));
        String json = JsonRenderer.MAPPER.writeValueAsString(r);
        assertFalse(json.contains("SECRET") || json.contains("root:"), "nothing of the target reaches the report");
    }

    @Test
    void aLinkInsideTheTenantFolderIsFollowed(@TempDir Path tenant) throws Exception {
        Files.writeString(tenant.resolve("tenant.json"), MANIFEST);
        Files.createDirectory(tenant.resolve("exports"));
        Path real = Files.writeString(tenant.resolve("exports").resolve("InteractiveSignIns_2025-11.json"), array(rec("good-1"), rec("good-2")));
        Files.createSymbolicLink(tenant.resolve("signIns.json"), tenant.relativize(real));
        Report r = TestRules.evaluate(tenant);
        assertEquals(2, r.summary().signInsEvaluated(), reasons(r));
        assertEquals(0, r.summary().signInsRejected(), reasons(r));
    }

    @Test
    void unknownContentIsQuotedAsAShortEscapedExcerpt(@TempDir Path tenant) throws Exception {
        Files.writeString(tenant.resolve("tenant.json"), MANIFEST);
        // C1 CSI (U+009B) and a right-to-left override: text to a sniffer, orders to a terminal
        String hostile = "PRIVATE KEY \u009b2J\u202Egnp.exe" + "x".repeat(200) + "TAIL-OF-THE-LINE";
        Files.writeString(tenant.resolve("signIns.csv"), hostile + "\n");
        Report r = TestRules.evaluate(tenant);
        Rejection x = r.inputs().rejected().get(0);
        assertTrue(x.reason().contains("neither JSON nor CSV"), x.reason());
        assertFalse(x.reason().contains("\u009b") || x.reason().contains("\u202E"), x.reason());
        assertTrue(x.reason().contains("PRIVATE KEY \\x9B2J\\u202Egnp"), "controls are shown escaped: " + x.reason());
        assertFalse(x.reason().contains("TAIL-OF-THE-LINE"), "at most a short excerpt: " + x.reason());
    }

    // ---- 6. counts that add up exactly ----

    @Test
    void aCsvWithABrokenHeaderCountsItsRowsNotItsHeader(@TempDir Path tenant) throws Exception {
        Files.writeString(tenant.resolve("tenant.json"), MANIFEST);
        Files.writeString(tenant.resolve("signIns.csv"), lines("\"Date (UTC)\"x," + PORTAL_HEADER.substring("Date (UTC),".length()), portalRow("a")));
        Report r = TestRules.evaluate(tenant);
        assertCase(named("csv bad header").counts(1, 0, 1).rejects("signIns.csv", "line 1", "the header line is not valid CSV").build(), r);
    }

    @Test
    void aJsonArrayBrokenByNaNCountsTheRecordsItHidesByScanningOn(@TempDir Path tenant) throws Exception {
        Files.writeString(tenant.resolve("tenant.json"), MANIFEST);
        String broken = rec("bad-2").replace("\"errorCode\":0", "\"errorCode\":NaN");
        assertTrue(broken.contains("NaN"));
        Files.writeString(tenant.resolve("signIns.json"), array(rec("good-1"), broken, rec("lost-3", n -> n.putObject("x").put("y", "{[}")),
                rec("lost-4"), rec("lost-5")));
        Report r = TestRules.evaluate(tenant);
        assertCase(named("NaN").counts(5, 1, 4).good("good-1").rejects("signIns.json", "record 2", "3 more record(s) follow it").build(), r);
    }

    @Test
    void aJsonPageBrokenByANulCountsTheRecordsItHides(@TempDir Path tenant) throws Exception {
        Files.writeString(tenant.resolve("tenant.json"), MANIFEST);
        String broken = rec("bad-2").replace("ada@contoso", "ada\u0000@contoso");
        Files.writeString(tenant.resolve("signIns.json"), "{\"@odata.context\": \"https://graph.microsoft.com/beta/$metadata#auditLogs/signIns\", \"value\": "
                + array(rec("good-1"), broken, rec("lost-3"), rec("lost-4")) + "}");
        Report r = TestRules.evaluate(tenant);
        assertCase(named("NUL").counts(4, 1, 3).good("good-1").rejects("signIns.json", "record 2", "2 more record(s) follow it").build(), r);
    }

    static final String DETAILS_HEADER = "Request ID,Date,Authentication method,Authentication method detail,Succeeded,Result detail,Requirement";

    @Test
    void aMalformedAuthenticationDetailsRowRefusesTheSignInItBelongsTo(@TempDir Path tenant) throws Exception {
        Files.writeString(tenant.resolve("tenant.json"), MANIFEST);
        Files.writeString(tenant.resolve("InteractiveSignIns_2025-11-01_2025-11-30.csv"), lines(PORTAL_HEADER, portalRow("good-1"), portalRow("bad-2")));
        Files.writeString(tenant.resolve("InteractiveSignIns_AuthDetails_2025-11-01_2025-11-30.csv"), lines(DETAILS_HEADER,
                "good-1,2025-11-20T08:00:00Z,Password,,True,Correct password,Primary authentication",
                "bad-2,2025-11-20T08:00:00Z,Password,,True,Correct password,Primary authentication",
                "bad-2,2025-11-20T08:00:00Z,Text message,,True,MFA successfully completed,Multifactor authentication,EXTRA"));
        Report r = TestRules.evaluate(tenant);
        assertCase(named("details row").counts(2, 1, 1).good("good-1")
                .rejects("InteractiveSignIns_2025-11-01_2025-11-30.csv", "record 2", "has 8 values, the header has 7").build(), r);
    }

    @Test
    void authenticationDetailsOfNoSignInAreCountedAsIgnored(@TempDir Path tenant) throws Exception {
        Files.writeString(tenant.resolve("tenant.json"), MANIFEST);
        Files.writeString(tenant.resolve("InteractiveSignIns_2025-11-01_2025-11-30.csv"), lines(PORTAL_HEADER, portalRow("good-1")));
        Files.writeString(tenant.resolve("InteractiveSignIns_AuthDetails_2025-11-01_2025-11-30.csv"), lines(DETAILS_HEADER,
                "good-1,2025-11-20T08:00:00Z,Password,,True,Correct password,Primary authentication",
                "orphan-2,2025-11-20T08:00:00Z,Password,,True,Correct password,Primary authentication",
                "orphan-2,2025-11-20T08:00:00Z,Text message,,True,MFA successfully completed,Multifactor authentication",
                "orphan-3,2025-11-20T08:00:00Z,Password,,True,Correct password,Primary authentication"));
        Report r = TestRules.evaluate(tenant);
        assertEquals(1, r.summary().signInsEvaluated());
        assertEquals(0, r.summary().signInsRejected(), "detail rows are no sign-ins");
        assertTrue(reasons(r).contains("3 authentication-detail row(s) of 2 Request ID(s) belong to no sign-in in the files read: ignored"), reasons(r));
    }

    // ---- 7. duplicates without collisions ----

    @Test
    void twoGuidsWithTheSame64BitHashAreTwoSignIns(@TempDir Path tenant) throws Exception {
        // The two GUIDs have the same 64-bit FNV-1a hash (found with Brent's cycle search over the GUIDs'
        // last 16 hex digits); an id set of 64-bit hashes took the second for a duplicate of the first.
        Files.writeString(tenant.resolve("tenant.json"), MANIFEST);
        Files.writeString(tenant.resolve("signIns.json"), array(rec("00000000-0000-4000-a7f4-344b2ac65c88"), rec("00000000-0000-4000-896e-6ad09c761fae"),
                rec("00000000-0000-4000-896e-6ad09c761fae")));
        Report r = TestRules.evaluate(tenant);
        assertEquals(3, r.summary().signInsRead());
        assertEquals(2, r.summary().signInsEvaluated());
        assertEquals(1, r.summary().signInsDuplicate());
    }

    // ---- 8. one JSON value per configuration file ----

    @Test
    void contentAfterTheManifestsJsonValueIsAnError(@TempDir Path tenant) throws Exception {
        Files.writeString(tenant.resolve("tenant.json"), MANIFEST + "\n{\"tenantId\": \"11111111-0000-0000-0000-000000000000\"}\n");
        InputException e = assertThrows(InputException.class, () -> TenantLoader.load(tenant));
        assertTrue(e.getMessage().contains("tenant.json: not valid JSON: content after the end of the JSON value (line 2"), e.getMessage());
    }

    @Test
    void contentAfterTheAcceptedRisksJsonValueIsAnError(@TempDir Path tenant) throws Exception {
        Files.writeString(tenant.resolve("tenant.json"), MANIFEST);
        Files.writeString(tenant.resolve(AcceptedRisks.FILE), "[]\n[{\"code\": \"MM-X\", \"subject\": \"*\"}]\n");
        InputException e = assertThrows(InputException.class, () -> AcceptedRisks.read(tenant));
        assertTrue(e.getMessage().contains("content after the end of the JSON value"), e.getMessage());
    }

    // ---- 9. encodings and gzip ----

    @Test
    void utf16WithoutAByteOrderMarkIsNamedAsSuch(@TempDir Path tenant) throws Exception {
        Files.writeString(tenant.resolve("tenant.json"), MANIFEST);
        Files.write(tenant.resolve("signIns.json"), array(rec("a")).getBytes(StandardCharsets.UTF_16LE));
        Report r = TestRules.evaluate(tenant);
        assertCase(named("utf16").counts(1, 0, 1).rejects("signIns.json", "", "is UTF-16LE text without a byte-order mark").build(), r);
    }

    @Test
    void aGzippedConfigurationFileIsRead(@TempDir Path tenant) throws Exception {
        Files.writeString(tenant.resolve("tenant.json"), MANIFEST);
        Files.writeString(tenant.resolve("signIns.json"), array(rec("good-1")));
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write("{\"value\": [{\"id\": \"0f1e2d3c-0000-4000-8000-000000000001\", \"userPrincipalName\": \"ada@contoso.example\"}]}"
                    .getBytes(StandardCharsets.UTF_8));
        }
        Files.write(tenant.resolve("users.json"), gz.toByteArray());
        TenantData data = TenantLoader.load(tenant);
        assertEquals(1, data.users.size(), data.rejected::toString);
        assertTrue(data.rejected.isEmpty(), data.rejected::toString);
    }

    static String text(Path p) throws IOException {
        return Files.readString(p);
    }
}
