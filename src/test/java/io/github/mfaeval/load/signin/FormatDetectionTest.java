package io.github.mfaeval.load.signin;

import io.github.mfaeval.load.text.Dates;
import io.github.mfaeval.load.SignInFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The format comes from the content; the name only names the file. */
class FormatDetectionTest {
    static final String A = "{\"id\": \"a\", \"createdDateTime\": \"2025-11-20T08:00:00Z\", \"userId\": \"u\", \"appId\": \"app\", \"status\": {\"errorCode\": 0}}";
    static final String B = "{\"id\": \"b\", \"createdDateTime\": \"2025-11-21T08:00:00Z\", \"userId\": \"u\", \"appId\": \"app\", \"status\": {\"errorCode\": 0}}";

    @TempDir
    Path dir;

    SignInFile read(String name, byte[] bytes) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, bytes);
        return SignInFile.read(f);
    }

    SignInFile read(String name, String text) throws IOException {
        return read(name, text.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(b)) {
            z.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return b.toByteArray();
    }

    static void two(SignInFile f, String format) {
        assertEquals(List.of(), f.rejections, f::toString);
        assertEquals(List.of("a", "b"), f.signIns.stream().map(s -> s.getId()).toList());
        assertEquals(format, f.format);
    }

    @Test
    void jsonUnderACsvName() throws IOException {
        two(read("signIns.csv", "[" + A + "," + B + "]"), "JSON array, Graph");
    }

    @Test
    void csvUnderAJsonName() throws IOException {
        two(read("signIns.json", "Id,CreatedDateTime,UserId,AppId,ResultType\na,2025-11-20T08:00:00Z,u,app,0\nb,2025-11-21T08:00:00Z,u,app,0\n"),
                "PascalCase CSV (PowerShell Export-Csv), Log Analytics");
    }

    @Test
    void gzipWithoutGzName() throws IOException {
        two(read("signIns.json", gzip(A + "\n" + B + "\n")), "NDJSON (one record per line), Graph (gzip)");
    }

    @Test
    void gzipWithGzName() throws IOException {
        two(read("signIns.json.gz", gzip("{\"value\": [" + A + "," + B + "]}")), "JSON page objects, Graph (gzip)");
    }

    @Test
    void oneRecordPerLineUnderAJsonName() throws IOException {
        two(read("signIns.json", A + "\r\n" + B + "\r\n"), "NDJSON (one record per line), Graph");
    }

    @Test
    void prettyPrintedObjectsOneAfterAnother() throws IOException {
        two(read("signIns.json", A.replace(", ", ",\n  ") + "\n" + B.replace(", ", ",\n  ") + "\n"), "JSON objects, Graph");
    }

    @Test
    void anArrayOfPagesAsAScriptCollectsThem() throws IOException {
        two(read("signIns.json", "[{\"@odata.context\": \"x\", \"value\": [" + A + "]}, {\"@odata.context\": \"x\", \"value\": [" + B + "]}]"),
                "JSON array of page objects, Graph");
    }

    @Test
    void pagesOnePerLineAsCurlSavesThem() throws IOException {
        two(read("signIns.json", "{\"@odata.context\": \"x\", \"@odata.nextLink\": \"n\", \"value\": [" + A + "]}\n{\"value\": [" + B + "]}\n"),
                "JSON page objects, Graph");
    }

    @Test
    void utf16BigEndianWithItsMark() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(0xFE);
        b.write(0xFF);
        b.writeBytes(("[" + A + "," + B + "]").getBytes(StandardCharsets.UTF_16BE));
        two(read("signIns.json", b.toByteArray()), "JSON array, Graph (UTF-16BE)");
    }

    @Test
    void semicolonSeparatedCsvAsEuropeanExcelSavesIt() throws IOException {
        two(read("signIns.csv", "\uFEFFDate (UTC);Request ID;User ID;Application ID ;Status\n"
                        + "2025-11-20T08:00:00Z;a;u;app;Success\n2025-11-21T08:00:00Z;b;u;app;Success\n"),
                "Entra admin center CSV");
    }

    @Test
    void logAnalyticsQueryResultOnOneLine() throws IOException {
        two(read("signIns.json", "{\"tables\": [{\"name\": \"PrimaryResult\", \"columns\": [{\"name\": \"Id\"}, {\"name\": \"CreatedDateTime\"},"
                        + " {\"name\": \"UserId\"}, {\"name\": \"AppId\"}, {\"name\": \"Type\"}, {\"name\": \"ResultType\"}], \"rows\": [[\"a\", \"2025-11-20T08:00:00Z\", \"u\", \"app\", \"SigninLogs\", \"0\"],"
                        + " [\"b\", \"2025-11-21T08:00:00Z\", \"u\", \"app\", \"SigninLogs\", \"0\"]]}]}\n"),
                "Log Analytics query result (tables), Log Analytics (SigninLogs)");
    }

    @Test
    void graphV1IsReadButNoted() throws IOException {
        SignInFile f = read("signIns.json", "{\"@odata.context\": \"https://graph.microsoft.com/v1.0/$metadata#auditLogs/signIns\",\n"
                + "\"value\": [" + A + "," + B + "]}");
        two(f, "JSON page objects, Graph");
        assertEquals(1, f.notices.size());
        assertTrue(f.notices.get(0).toString().startsWith("signIns.json line 1: Graph v1.0 sign-ins"), f.notices::toString);
    }

    @Test
    void anEmptyListIsAnExportOfNothingNotAnError() throws IOException {
        SignInFile f = read("signIns.json", "{\"@odata.context\": \"x\", \"value\": []}");
        assertEquals(List.of(), f.rejections);
        assertEquals(List.of(), f.signIns);
        SignInFile csv = read("signIns.csv", "Date (UTC),Request ID,User ID,Application ID \n");
        assertEquals(List.of(), csv.rejections);
    }

    @Test
    void signInNames() {
        for (String n : List.of("signIns.json", "signIns-week1.jsonl", "InteractiveSignIns_2025-11-01_2025-11-28.csv",
                "AADNonInteractiveUserSignInLogs.csv", "sign-ins.json.gz", "SigninLogs.ndjson", "MSISignIns_x.csv")) {
            assertTrue(SignInFiles.isSignInName(n), n);
        }
        for (String n : List.of("users.json", "tenant.json", ".signIns.json.swp", "PT1H.json", "ProviderSettingsExport.json")) {
            assertFalse(SignInFiles.isSignInName(n), n);
        }
        assertTrue(SignInFiles.isSupported("signIns.csv.gz"));
        assertFalse(SignInFiles.isSupported("signIns.xlsx"));
    }

    /**
     * The format is judged from the first line only, read as far as it goes (the look at a file stops there): a
     * first line far longer than one read, white space before it, a file shorter than the UTF-16 check's look.
     */
    @Test
    void theFirstLineDecidesHoweverLongOrLateItIs() throws IOException {
        String pad = " ".repeat(70_000) + "\n\n";
        two(read("signIns.json", pad + A + "\n" + B + "\n"), "NDJSON (one record per line), Graph");
        StringBuilder page = new StringBuilder("{\"@odata.context\": \"https://graph.microsoft.com/beta/$metadata\", \"value\": [");
        for (int i = 0; i < 600; i++) page.append(A.replace("\"a\"", "\"x" + i + "\"")).append(',');
        page.append(A).append(',').append(B).append("]}");
        assertTrue(page.length() > 40_000);
        SignInFile onOneLine = read("signIns.json", page + "\n" + "{\"value\": []}\n");
        assertEquals(List.of(), onOneLine.rejections, onOneLine::toString);
        assertEquals(602, onOneLine.signIns.size());
        assertEquals("JSON page objects, Graph", onOneLine.format);
        String longRecord = A.replace("\"appId\"", "\"appDisplayName\": \"" + "n".repeat(50_000) + "\", \"appId\"");
        two(read("signIns.json", longRecord + "\n" + B + "\n"), "NDJSON (one record per line), Graph");
        SignInFile tiny = read("signIns.json", "{}\n");
        assertEquals(1, tiny.rejections.size(), tiny::toString);
    }

    @Test
    void dates() {
        Instant t = Instant.parse("2021-04-28T14:08:45.221Z");
        assertEquals(t, Dates.parse("2021-04-28T14:08:45.221Z"));
        assertEquals(t, Dates.parse("2021-04-28T14:08:45.2210000+00:00"), "diagnostic settings: 7 fraction digits and an offset");
        assertEquals(t, Dates.parse("2021-04-28T16:08:45.221+02:00"));
        assertEquals(t, Dates.parse("2021-04-28T14:08:45.221"), "no offset: UTC, as every export is");
        assertEquals(t, Dates.parse("2021-04-28 14:08:45.221"));
        assertEquals(t, Dates.parse("/Date(1619618925221)/"), "Windows PowerShell ConvertTo-Json");
        assertEquals(t, Dates.parse("4/28/2021, 2:08:45.221 PM"), "Log Analytics, US locale");
        assertEquals(t, Dates.parse("4/28/2021 2:08:45.221 PM"));
        assertEquals(Instant.parse("2021-04-28T12:08:45.221Z"), Dates.parse("4/28/2021, 2:08:45.221 PM", ZoneOffset.ofHours(2)));
        assertEquals(Instant.parse("2021-04-28T00:08:00Z"), Dates.parse("4/28/2021, 12:08 AM"));
        assertNull(Dates.parse("31/02/2025"));
        assertNull(Dates.parse("2/31/2025, 1:00:00 PM"));
        assertNull(Dates.parse("2025-02-31T00:00:00Z"));
        assertNull(Dates.parse("yesterday"));
        assertNull(Dates.parse(""));
    }
}
