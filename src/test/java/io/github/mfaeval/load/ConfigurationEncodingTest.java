package io.github.mfaeval.load;

import io.github.mfaeval.result.Rejection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Configuration exports go through the sign-ins' streamer: gzip (by content, or a {@code .gz} name), byte-order
 * marks and UTF-16, bytes that are not text and broken records are handled, and named, as for sign-ins.
 */
class ConfigurationEncodingTest {
    private static final String USERS = """
            {"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users", "value": [
              {"id": "u-1", "userPrincipalName": "ada@contoso.example", "userType": "Member"},
              {"id": "u-2", "userPrincipalName": "ben_fabrikam.example#EXT#@contoso.example", "userType": "Guest"}
            ]}
            """;
    private static final String POLICIES = """
            [{"id": "p1", "displayName": "MFA for admins", "state": "enabled",
              "conditions": {"applications": {"includeApplications": ["MicrosoftAdminPortals"]}, "users": {"includeUsers": ["All"]}},
              "grantControls": {"operator": "OR", "builtInControls": ["mfa"]}}]
            """;

    static byte[] gzip(byte[] plain) throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(b)) {
            z.write(plain);
        }
        return b.toByteArray();
    }

    static byte[] withBom(byte[] bom, byte[] text) {
        byte[] out = Arrays.copyOf(bom, bom.length + text.length);
        System.arraycopy(text, 0, out, bom.length, text.length);
        return out;
    }

    static List<String> rejections(TenantData data) {
        return data.rejected.stream().map(r -> r.file() + " " + r.record() + ": " + r.reason()).toList();
    }

    @Test
    void aGzippedConfigurationExportIsReadByContentOrUnderItsGzName(@TempDir Path tenant) throws Exception {
        Files.write(tenant.resolve("tenant.json"), gzip("{\"tenantId\": \"t-1\"}".getBytes(StandardCharsets.UTF_8)));
        Files.write(tenant.resolve("users.json"), gzip(USERS.getBytes(StandardCharsets.UTF_8)));
        Files.write(tenant.resolve("conditionalAccessPolicies.json.gz"), gzip(POLICIES.getBytes(StandardCharsets.UTF_8)));
        Files.write(tenant.resolve("securityDefaults.json.gz"), gzip("{\"isEnabled\": false}".getBytes(StandardCharsets.UTF_8)));

        TenantData data = TenantLoader.load(tenant);

        assertEquals(List.of(), rejections(data));
        assertEquals("t-1", data.tenant.getTenantId());
        assertEquals(Set.of("u-1", "u-2"), data.users.keySet());
        assertTrue(data.users.get("u-2").guest());
        assertEquals("p1", data.caPolicies.get(0).policy().getId());
        assertFalse(data.securityDefaults.isEnabled());
        // read under the name it has, and not reported missing under the name it stands for
        assertEquals(1, data.filesRead.get("conditionalAccessPolicies.json.gz"));
        assertTrue(data.missing.stream().noneMatch(m -> m.getFile().startsWith("conditionalAccessPolicies")), data.missing::toString);
        assertTrue(data.missing.stream().noneMatch(m -> m.getFile().startsWith("securityDefaults")), data.missing::toString);
    }

    @Test
    void ofAPlainAndAGzippedCopyThePlainOneIsReadAndTheOtherNamedInAWarning(@TempDir Path tenant) throws Exception {
        Files.writeString(tenant.resolve("tenant.json"), "{\"tenantId\": \"t-1\"}");
        Files.writeString(tenant.resolve("users.json"), "[{\"id\": \"u-plain\"}]");
        Files.write(tenant.resolve("users.json.gz"), gzip("[{\"id\": \"u-gzipped\"}]".getBytes(StandardCharsets.UTF_8)));

        TenantData data = TenantLoader.load(tenant);

        assertEquals(Set.of("u-plain"), data.users.keySet());
        assertEquals(List.of("users.json.gz: not read, users.json is read instead; keep one of the two"), data.warnings);
    }

    @Test
    void utf16AndUtf8WithAByteOrderMarkAreRead(@TempDir Path tenant) throws Exception {
        // Windows PowerShell's Out-File writes UTF-16LE with a BOM; other tools UTF-16BE; Excel and Notepad UTF-8 with a BOM
        Files.write(tenant.resolve("tenant.json"), withBom(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                "{\"tenantId\": \"t-1\", \"displayName\": \"Contoso \u00e9t\u00e9\"}".getBytes(StandardCharsets.UTF_8)));
        Files.write(tenant.resolve("users.json"), withBom(new byte[]{(byte) 0xFF, (byte) 0xFE}, USERS.getBytes(StandardCharsets.UTF_16LE)));
        Files.write(tenant.resolve("securityDefaults.json"), withBom(new byte[]{(byte) 0xFE, (byte) 0xFF},
                "{\"isEnabled\": true}".getBytes(StandardCharsets.UTF_16BE)));
        Files.write(tenant.resolve("conditionalAccessPolicies.json"),
                gzip(withBom(new byte[]{(byte) 0xFF, (byte) 0xFE}, POLICIES.getBytes(StandardCharsets.UTF_16LE))));

        TenantData data = TenantLoader.load(tenant);

        assertEquals(List.of(), rejections(data));
        assertEquals("Contoso \u00e9t\u00e9", data.tenant.getDisplayName());
        assertEquals(Set.of("u-1", "u-2"), data.users.keySet());
        assertTrue(data.securityDefaults.isEnabled());
        assertEquals(1, data.caPolicies.size());
    }

    @Test
    void utf16WithoutAByteOrderMarkIsRefusedAsForSignIns(@TempDir Path tenant) throws Exception {
        Files.writeString(tenant.resolve("tenant.json"), "{\"tenantId\": \"t-1\"}");
        Files.write(tenant.resolve("users.json"), USERS.getBytes(StandardCharsets.UTF_16LE));
        Files.write(tenant.resolve("securityDefaults.json"), "{\"isEnabled\": true}".getBytes(StandardCharsets.UTF_16LE));

        TenantData data = TenantLoader.load(tenant);

        assertTrue(rejections(data).contains("users.json : is UTF-16LE text without a byte-order mark, which cannot be told apart "
                + "from binary data: save it as UTF-8 (or as UTF-16 with a byte-order mark)"), rejections(data)::toString);
        assertTrue(rejections(data).stream().anyMatch(r -> r.startsWith("securityDefaults.json : is UTF-16LE text without a byte-order mark")),
                rejections(data)::toString);
        assertTrue(data.users.isEmpty());
        assertNull(data.securityDefaults);
    }

    @Test
    void aBrokenRecordIsNamedByRecordLineAndColumnAndTheRecordsAfterItAreCounted(@TempDir Path tenant) throws Exception {
        Files.writeString(tenant.resolve("tenant.json"), "{\"tenantId\": \"t-1\"}");
        Files.writeString(tenant.resolve("users.json"), """
                [
                  {"id": "u-1", "userType": "Member"},
                  {"id": "u-2", "userType": "Member",, "mail": "x"},
                  {"id": "u-3", "userType": "Member"},
                  {"id": "u-4", "userType": "Member"}
                ]
                """);

        TenantData data = TenantLoader.load(tenant);

        assertEquals(Set.of("u-1"), data.users.keySet());
        Rejection r = data.rejected.get(0);
        assertEquals("users.json", r.file());
        assertEquals("record 2 (line 3)", r.record());
        assertTrue(r.reason().startsWith("malformed JSON at column 38: "), r.reason());
        assertTrue(r.reason().contains("the rest of the file is not read; 2 more record(s) follow it"), r.reason());
        assertEquals(3, r.records(), "the broken record and the two after it");
    }

    @Test
    void oneRecordPerLineLosesOnlyTheBrokenLineAndBytesThatAreNotTextCostOnlyTheirRecord(@TempDir Path tenant) throws Exception {
        Files.writeString(tenant.resolve("tenant.json"), "{\"tenantId\": \"t-1\"}");
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes("{\"id\": \"u-1\", \"userType\": \"Member\"}\n".getBytes(StandardCharsets.UTF_8));
        b.writeBytes("{\"id\": \"u-2\", \"userType\": \"Member\", \"mail\": \"".getBytes(StandardCharsets.UTF_8));
        b.write(0xC3);
        b.write(0x28); // not UTF-8
        b.writeBytes("\"}\n{\"id\": \"u-3\" \"userType\": \"Member\"}\n{\"id\": \"u-4\", \"userType\": \"Member\"}\n".getBytes(StandardCharsets.UTF_8));
        Files.write(tenant.resolve("users.json"), gzip(b.toByteArray()));

        TenantData data = TenantLoader.load(tenant);

        assertEquals(Set.of("u-1", "u-4"), data.users.keySet());
        List<String> why = rejections(data);
        assertEquals(2, why.size(), why::toString);
        assertTrue(why.get(0).startsWith("users.json record 2 (line 2): holds bytes that are not valid text in the file's encoding (0xC3)"), why::toString);
        assertTrue(why.get(1).startsWith("users.json record 3 (line 3): malformed JSON"), why::toString);
    }

    @Test
    void aCutGzipConfigurationKeepsTheRecordsBeforeTheCut(@TempDir Path tenant) throws Exception {
        Files.writeString(tenant.resolve("tenant.json"), "{\"tenantId\": \"t-1\"}");
        StringBuilder lines = new StringBuilder();
        java.util.Random random = new java.util.Random(7);
        for (int i = 1; i <= 400; i++) {
            lines.append("{\"id\": \"u-").append(i).append("\", \"userType\": \"Member\", \"mail\": \"")
                    .append(Long.toHexString(random.nextLong())).append(Long.toHexString(random.nextLong())).append("@contoso.example\"}\n");
        }
        byte[] zipped = gzip(lines.toString().getBytes(StandardCharsets.UTF_8));
        Files.write(tenant.resolve("users.json"), Arrays.copyOf(zipped, zipped.length / 2));

        TenantData data = TenantLoader.load(tenant);

        assertFalse(data.users.isEmpty());
        assertTrue(data.users.size() < 400);
        assertTrue(rejections(data).stream().anyMatch(r -> r.startsWith("users.json record " + (data.users.size() + 1) + " (line ")
                && r.contains("the gzip data ends early: the file is truncated")), rejections(data)::toString);
    }

    @Test
    void aConfigurationObjectThatIsNoJsonIsNamedAsSuch(@TempDir Path tenant) throws Exception {
        Files.writeString(tenant.resolve("tenant.json"), "{\"tenantId\": \"t-1\"}");
        Files.writeString(tenant.resolve("securityDefaults.json"), "isEnabled,true\n");
        Files.writeString(tenant.resolve("crossTenantAccessPolicy.json"), "{\"default\": {\"inboundTrust\": {\"isMfaAccepted\": tru}}}");

        TenantData data = TenantLoader.load(tenant);

        assertTrue(rejections(data).contains("securityDefaults.json line 1: is not JSON: it starts with \"isEnabled,true\""), rejections(data)::toString);
        assertTrue(rejections(data).stream().anyMatch(r -> r.startsWith("crossTenantAccessPolicy.json : malformed JSON: line 1, column ")),
                rejections(data)::toString);
        assertNull(data.securityDefaults);
        assertNull(data.crossTenantDefault);
        assertNotNull(data.tenant);
    }
}
