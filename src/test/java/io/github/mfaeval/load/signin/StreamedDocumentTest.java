package io.github.mfaeval.load.signin;

import io.github.mfaeval.load.text.Position;
import io.github.mfaeval.load.text.Sniff;
import io.github.mfaeval.load.text.TextInput;
import io.github.mfaeval.TestRules;
import io.github.mfaeval.model.SignIn;
import io.github.mfaeval.result.Rejection;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * JSON documents (Graph pages, arrays, records blobs) are read from their UTF-8 bytes, Graph sign-ins mapped from
 * the token stream; whatever that path does not take goes to the tree or, for anything out of the ordinary, to the
 * character reader. Whichever way a file goes, what the user sees is what the character reader alone gives: the same
 * facts at the same positions, the same rejections with the same words and counts, the same notices. The character
 * reader alone is what a file gives when the portal's authentication details are joined (no streaming then), which
 * is how these tests get the reference.
 */
class StreamedDocumentTest {
    static final Path FORMATS = TestRules.PROJECT.resolve("src/test/resources/formats");
    static final AtomicInteger COMPARED = new AtomicInteger();
    static final AtomicInteger WITH_REJECTIONS = new AtomicInteger();

    static final String GRAPH = """
            {"id":"%s","createdDateTime":"2025-11-2%dT10:00:00Z","userId":"u-%s","userPrincipalName":"a%s@contoso.example",\
            "appId":"c44b4083-3bb0-49c1-b47d-974e53cbdf3c","appDisplayName":"Azure Portal","status":{"errorCode":0},\
            "authenticationRequirement":"singleFactorAuthentication","signInEventTypes":["interactiveUser"],\
            "authenticationDetails":[{"authenticationMethod":"Password","succeeded":true,"authenticationStepRequirement":"Primary authentication"}],\
            "deviceDetail":{"browser":"Edge","operatingSystem":"Windows"},"location":{"city":"Ypsilanti","geoCoordinates":{"latitude":1.5}}}""";

    static String graph(int i) {
        return GRAPH.formatted("id-" + i, i % 8 + 1, i, i);
    }

    /** What reading a file gives, in order, as the user would see it. */
    static List<String> read(Path file, boolean streamed) {
        List<String> seen = new ArrayList<>();
        String how = SignInReader.read(file, streamed ? null : new PortalAuthDetails(), new SignInReader.Sink() {
            @Override
            public void signIn(SignIn s) {
                seen.add("fact " + GraphSignInParserTest.fact(s)
                        + "|" + s.getLogTenantId() + "|" + s.getKind());
            }

            @Override
            public void rejected(Rejection r) {
                seen.add("rejected " + r.record() + " | " + r.reason() + " | " + r.records());
            }

            @Override
            public void notice(Rejection n) {
                seen.add("notice " + n.record() + " | " + n.reason());
            }
        });
        seen.add("read as " + how);
        return seen;
    }

    static List<String> assertSameEitherWay(Path file) {
        List<String> streamed = read(file, true);
        assertEquals(read(file, false), streamed, file.getFileName().toString());
        COMPARED.incrementAndGet();
        if (streamed.stream().anyMatch(s -> s.startsWith("rejected"))) WITH_REJECTIONS.incrementAndGet();
        return streamed;
    }

    /** The same either way, and the streamed read went through without handing the file to the character reader. */
    static List<String> assertReadOnce(Path file) {
        List<String> seen = assertSameEitherWay(file);
        assertEquals(0, reopens(file), "a well-formed UTF-8 document is read once: " + file.getFileName());
        return seen;
    }

    /**
     * How often the streamed read of a JSON document opens the file again for the character reader (0: it read the
     * file once), counted through the reader's own opener, as {@link SignInReader} reads a document.
     */
    static long reopens(Path file) {
        String name = file.getFileName().toString();
        long[] opened = {0};
        try {
            if (Sniff.of(file).kind() != Sniff.Kind.JSON) return 0;
            try (TextInput in = TextInput.open(file)) {
                GraphJsonFastPath.readDocument(in, () -> {
                    opened[0]++;
                    return TextInput.open(file);
                }, new GraphSignInParser(), SignInFormats.eventTypeOfName(name), name, new Ignored());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return opened[0];
    }

    /** Takes every record and says nothing: only the opens are counted. */
    private static final class Ignored implements RawRecords {
        @Override
        public void container(String description) {
        }

        @Override
        public void record(com.fasterxml.jackson.databind.JsonNode node, Position at) {
        }

        @Override
        public void normalised(GraphRecord record, Position at) {
        }

        @Override
        public void mapped(SignIn record) {
        }

        @Override
        public void broken(String where, String reason, long count) {
        }

        @Override
        public void notice(String where, String message) {
        }
    }

    static long count(List<String> seen, String prefix) {
        return seen.stream().filter(s -> s.startsWith(prefix)).count();
    }

    @Test
    void pagesOneAfterAnotherGiveEveryRecordAtItsOwnPlace(@TempDir Path dir) throws IOException {
        StringBuilder b = new StringBuilder();
        int i = 0;
        for (int page = 0; page < 3; page++) {
            b.append("{\"@odata.context\":\"https://graph.microsoft.com/beta/$metadata#auditLogs/signIns\",\"value\":[\n");
            for (int k = 0; k < 4; k++) b.append(k > 0 ? ",\n" : "").append(graph(i++));
            b.append("\n],\"@odata.nextLink\":\"https://graph.microsoft.com/beta/auditLogs/signIns?$skiptoken=").append(page).append("\"}\n");
        }
        Path f = Files.writeString(dir.resolve("signIns.json"), b);
        List<String> seen = assertReadOnce(f);
        assertEquals(12, count(seen, "fact"));
        // the ninth record is the first of the third page, on line 14 (two lines of each page around its records)
        assertTrue(seen.get(8).contains("|id-8|") && seen.get(8).contains("signIns.json record 9 (line 14)"), seen.get(8));
        assertEquals("read as JSON page objects, Graph", seen.get(seen.size() - 1));
    }

    @Test
    void aRecordTheMapperLeavesToTheTreeIsReadFromItsOwnBytes(@TempDir Path dir) throws IOException {
        // a PowerShell record, a record with a field twice (the tree keeps the last one), an Azure Monitor envelope
        // with its log's tenant, and a page inside an array, between plain Graph records
        String pascal = "{\"Id\":\"ps-1\",\"CreatedDateTime\":\"2025-11-27T10:00:00Z\",\"UserId\":\"u-ps\",\"AppId\":\"c44b4083-3bb0-49c1-b47d-974e53cbdf3c\","
                + "\"Status\":{\"ErrorCode\":0},\"SignInEventTypes\":[\"interactiveUser\"]}";
        String twice = graph(7).replace("\"userId\":\"u-7\"", "\"userId\":\"u-7\",\"userId\":\"u-7-last\"");
        String envelope = "{\"time\":\"2025-11-27T10:00:00Z\",\"resourceId\":\"/tenants/t/providers/Microsoft.aadiam\",\"operationName\":\"Sign-in activity\","
                + "\"category\":\"SignInLogs\",\"tenantId\":\"log-tenant-1\",\"resultType\":\"0\",\"properties\":" + graph(8) + "}";
        String page = "{\"value\":[" + graph(9) + "," + graph(10) + "]}";
        String doc = "[\n" + String.join(",\n", graph(1), pascal, graph(2), twice, envelope, page, graph(3), "42") + "\n]\n";
        Path f = Files.writeString(dir.resolve("signIns.json"), doc);
        List<String> seen = assertReadOnce(f);
        assertEquals(8, count(seen, "fact"), seen::toString);
        assertTrue(seen.stream().anyMatch(s -> s.contains("|u-7-last|")), seen::toString);
        assertTrue(seen.stream().anyMatch(s -> s.contains("|log-tenant-1|")), seen::toString);
        assertTrue(seen.stream().anyMatch(s -> s.equals("rejected record 9 (line 9) | not a JSON object, found 42 | 1")), seen::toString);
    }

    @Test
    void treeRecordsFarIntoALargeDocumentAreReadFromTheirOwnBytes(@TempDir Path dir) throws IOException {
        // many buffers' worth of pages (the kept bytes move and grow), with records for the tree here and there,
        // one of them longer than the buffer
        String big = "\"userAgent\":\"" + "x".repeat(100_000) + "\",";
        StringBuilder b = new StringBuilder();
        int n = 0;
        for (int page = 0; page < 6; page++) {
            b.append("{\"value\":[");
            for (int k = 0; k < 300; k++, n++) {
                String r = graph(n);
                if (n % 97 == 5) r = r.replace("\"userId\":", "\"UserId\":"); // another case: the tree
                if (n == 777) r = r.replace("{\"id\"", "{" + big + "\"Id\""); // long, and for the tree
                if (n % 131 == 7) r = "{\"time\":\"2025-11-27T10:00:00Z\",\"category\":\"SignInLogs\",\"tenantId\":\"t\",\"properties\":" + r + "}";
                b.append(k > 0 ? ",\n" : "\n").append(r);
            }
            b.append("\n]}\n");
        }
        Path f = Files.writeString(dir.resolve("signIns.json"), b);
        List<String> streamed = read(f, true);
        assertEquals(0, reopens(f), "a well-formed document is read once");
        assertEquals(read(f, false), streamed);
        assertEquals(1800, count(streamed, "fact"));
    }

    @Test
    void azureMonitorEnvelopesAreStreamedWithWhatTheEnvelopeAdds(@TempDir Path dir) throws IOException {
        String bare = "{\"id\":\"%s\",\"userId\":\"u-%s\",\"appId\":\"c44b4083-3bb0-49c1-b47d-974e53cbdf3c\",\"authenticationRequirement\":\"multiFactorAuthentication\","
                + "\"authenticationDetails\":[{\"authenticationMethod\":\"Mobile app notification\",\"succeeded\":true,\"authenticationStepRequirement\":\"Multi-factor authentication\"}]%s}";
        List<String> records = List.of(
                // as Azure Monitor writes them: the sign-in's own time, type and status
                "{\"time\":\"2025-11-27T10:00:00.1234567Z\",\"resourceId\":\"/tenants/t/providers/Microsoft.aadiam\",\"operationName\":\"Sign-in activity\","
                        + "\"category\":\"SignInLogs\",\"tenantId\":\"log-1\",\"resultType\":\"0\",\"properties\":" + graph(1) + "}",
                // the time, the category's type and resultType stand in for what the sign-in lacks
                "{\"time\":\"2025-11-27T11:00:00Z\",\"category\":\"NonInteractiveUserSignInLogs\",\"tenantId\":\"log-1\",\"resultType\":\"50126\","
                        + "\"properties\":" + bare.formatted("e-2", 2, "") + "}",
                // properties first; a number as resultType
                "{\"properties\":" + bare.formatted("e-3", 3, ",\"createdDateTime\":\"2025-11-26T09:00:00Z\"") + ",\"operationName\":\"Sign-in activity\","
                        + "\"resultType\":50074,\"category\":\"SignInLogs\",\"tenantId\":null}",
                // a resultType that is no number, but the sign-in has its own status: not used
                "{\"time\":\"2025-11-27T12:00:00Z\",\"category\":\"SignInLogs\",\"resultType\":\"Failure\",\"properties\":"
                        + bare.formatted("e-4", 4, ",\"status\":{\"errorCode\":0}") + "}",
                // the same without a status: refused (by the tree, with its message)
                "{\"time\":\"2025-11-27T12:00:00Z\",\"category\":\"SignInLogs\",\"resultType\":\"Failure\",\"properties\":" + bare.formatted("e-5", 5, "") + "}",
                // a category that says nothing: the file name says the kind
                "{\"time\":\"2025-11-27T13:00:00Z\",\"category\":\"Other\",\"resultType\":\"0\",\"properties\":" + bare.formatted("e-6", 6, "") + "}",
                // a workload identity's sign-in
                "{\"time\":\"2025-11-27T14:00:00Z\",\"category\":\"ServicePrincipalSignInLogs\",\"tenantId\":\"log-2\",\"resultType\":\"0\",\"properties\":"
                        + "{\"id\":\"e-7\",\"servicePrincipalId\":\"sp-7\",\"appId\":\"a-7\"}}",
                // shapes left to the tree: properties as text holding JSON, a name in another case, a Graph record in between
                "{\"time\":\"2025-11-27T15:00:00Z\",\"category\":\"SignInLogs\",\"resultType\":\"0\",\"properties\":\"" + bare.formatted("e-8", 8, "").replace("\"", "\\\"") + "\"}",
                "{\"Time\":\"2025-11-27T16:00:00Z\",\"category\":\"SignInLogs\",\"resultType\":\"0\",\"properties\":" + bare.formatted("e-9", 9, "") + "}",
                graph(10),
                "{\"time\":\"2025-11-27T17:00:00Z\",\"category\":\"SignInLogs\",\"tenantId\":\"log-1\",\"resultType\":\"0\",\"properties\":" + bare.formatted("e-11", 11, "") + "}");
        Path f = Files.writeString(dir.resolve("PT1H-nonInteractiveSignIns.json"), "{\"records\":[\n" + String.join(",\n", records) + "\n]}\n");
        List<String> seen = assertReadOnce(f);
        assertEquals(10, count(seen, "fact"), seen::toString);
        assertEquals("read as JSON records blob, Azure Monitor diagnostic record (SignInLogs)", seen.get(seen.size() - 1));
        assertTrue(seen.get(0).contains("|log-1|"), seen.get(0));
        assertTrue(seen.get(1).startsWith("fact NON_INTERACTIVE|e-2|2025-11-27T11:00:00Z|") && seen.get(1).contains("|50126|"), seen.get(1));
        assertTrue(seen.get(2).contains("|50074|") && seen.get(2).endsWith("||interactive"), seen.get(2));
        assertTrue(seen.get(4).startsWith("rejected record 5 (line 6) | sign-in e-5: resultType must be a number"), seen.get(4));
        assertTrue(seen.get(5).startsWith("fact NON_INTERACTIVE|e-6|"), seen.get(5));
        assertTrue(seen.get(6).startsWith("fact WORKLOAD|e-7|") && seen.get(6).contains("|log-2|"), seen.get(6));
    }

    @Test
    void aBrokenRecordMidPageIsRejectedWhereItIsAndTheRestCounted(@TempDir Path dir) throws IOException {
        StringBuilder b = new StringBuilder("{\"value\":[\n");
        for (int i = 0; i < 6; i++) b.append(i > 0 ? ",\n" : "").append(i == 3 ? graph(i).replace("\"errorCode\":0", "\"errorCode\":NaN") : graph(i));
        b.append("\n]}\n");
        Path f = Files.writeString(dir.resolve("signIns.json"), b);
        List<String> seen = assertSameEitherWay(f);
        assertEquals(1, reopens(f), "the character reader says what is wrong");
        assertEquals(3, count(seen, "fact"));
        String rejection = seen.stream().filter(s -> s.startsWith("rejected")).findFirst().orElseThrow();
        assertTrue(rejection.startsWith("rejected record 4 (line 5) | malformed JSON at column "), rejection);
        assertTrue(rejection.endsWith(" | 3"), rejection); // the broken record and the two after it
    }

    @Test
    void badBytesInOneRecordRefuseThatRecordOnly(@TempDir Path dir) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("{\"value\":[\n".getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < 5; i++) {
            String r = (i > 0 ? ",\n" : "") + graph(i);
            byte[] bytes = r.getBytes(StandardCharsets.UTF_8);
            if (i == 2) {
                int at = r.indexOf("Ypsilanti") + 2;
                out.write(bytes, 0, at);
                out.write(0xC3);
                out.write(0x28);
                out.write(bytes, at, bytes.length - at);
            } else {
                out.writeBytes(bytes);
            }
        }
        out.writeBytes("\n]}\n".getBytes(StandardCharsets.UTF_8));
        Path f = Files.write(dir.resolve("signIns.json"), out.toByteArray());
        List<String> seen = assertSameEitherWay(f);
        assertEquals(4, count(seen, "fact"));
        assertTrue(seen.contains("rejected record 3 (line 4) | holds bytes that are not valid text in the file's encoding "
                + "(0xC3); save the export as UTF-8 | 1"), seen::toString);
    }

    @Test
    void gzipPagesAndACutGzip(@TempDir Path dir) throws IOException {
        StringBuilder b = new StringBuilder();
        for (int page = 0; page < 40; page++) {
            b.append("{\"value\":[");
            for (int k = 0; k < 50; k++) b.append(k > 0 ? "," : "").append(graph(page * 50 + k));
            b.append("]}\n");
        }
        byte[] z = gzip(b.toString().getBytes(StandardCharsets.UTF_8));
        Path whole = Files.write(dir.resolve("signIns.json.gz"), z);
        List<String> seen = assertReadOnce(whole);
        assertEquals(2000, count(seen, "fact"));
        assertEquals("read as JSON page objects, Graph (gzip)", seen.get(seen.size() - 1));
        // cut in the middle, and cut just before the end (the trailer): the records before the cut are read, as the
        // character reader reads them
        for (int cut : new int[] {z.length / 2, z.length - 4, z.length - 9}) {
            Path f = Files.write(dir.resolve("signIns-" + cut + ".json.gz"), java.util.Arrays.copyOf(z, cut));
            List<String> s = assertSameEitherWay(f);
            assertTrue(count(s, "rejected") >= 1, s::toString);
        }
    }

    @Test
    void utf16PagesAreStillRead(@TempDir Path dir) throws IOException {
        String doc = "{\"value\":[\n" + graph(1) + ",\n" + graph(2) + "\n]}\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xFF);
        out.write(0xFE);
        out.writeBytes(doc.getBytes(StandardCharsets.UTF_16LE));
        Path f = Files.write(dir.resolve("signIns.json"), out.toByteArray());
        List<String> seen = assertSameEitherWay(f);
        assertEquals(2, count(seen, "fact"));
        Path utf8 = Files.writeString(dir.resolve("signIns8.json"), doc);
        assertEquals(read(utf8, true).subList(0, 2).toString().replace("signIns8.json", "signIns.json"), seen.subList(0, 2).toString());
    }

    // ---- every JSON document of the format fixtures, mutated: the streamed read gives what the character reader gives ----

    static final List<byte[]> TOKENS = Stream.of("NaN", "\u0000", "\"", "{", "}", "[", "]", ",", ":", "\n", "\r\n", "\r", "\uFEFF", "\\",
                    "\\ud800", "\"\"\"", "{\"value\": [", "null", "[[[[", "}}}}", "\"Id\":\"x\",", "\"category\":\"SignInLogs\",",
                    "\"tables\":[],", "\"@odata.context\":\"https://graph.microsoft.com/v1.0/$metadata\",", "\"userId\":\"dup\",")
            .map(s -> s.getBytes(StandardCharsets.UTF_8)).toList();

    static final List<Path> SEEDS = seeds();

    static List<Path> seeds() {
        try (Stream<Path> walk = Files.walk(FORMATS, 2)) {
            return walk.filter(p -> Files.isRegularFile(p) && SignInFiles.isSignInName(p.getFileName().toString()))
                    .filter(p -> {
                        try {
                            return Sniff.of(p).kind() == Sniff.Kind.JSON;
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Edit(int kind, int where, int length, int token) {
    }

    @Provide
    Arbitrary<Edit> edit() {
        return Combinators.combine(Arbitraries.integers().between(0, 5), Arbitraries.integers().between(0, 1_000_000),
                Arbitraries.integers().between(1, 400), Arbitraries.integers().between(0, TOKENS.size() - 1)).as(Edit::new);
    }

    @Property(tries = 250, seed = "15015", shrinking = net.jqwik.api.ShrinkingMode.BOUNDED)
    void anyMutatedDocumentReadsTheSameEitherWay(@ForAll @IntRange(min = 0, max = 1000) int seedChoice,
                                                 @ForAll @Size(min = 0, max = 4) List<@net.jqwik.api.From("edit") Edit> edits,
                                                 @ForAll boolean gzip) throws IOException {
        Path seed = SEEDS.get(seedChoice % SEEDS.size());
        byte[] bytes = seed.getFileName().toString().endsWith(".gz")
                ? new java.util.zip.GZIPInputStream(Files.newInputStream(seed)).readAllBytes() : Files.readAllBytes(seed);
        for (Edit e : edits) bytes = apply(bytes, e);
        if (gzip) bytes = gzip(bytes);
        Path dir = Files.createDirectories(TestRules.PROJECT.resolve("target/streamed-fuzz"));
        // the seed's name (it may say what kind of sign-ins the file holds)
        String name = seed.getFileName().toString().replace(".gz", "");
        Path f = dir.resolve(name + (gzip ? ".gz" : ""));
        Files.write(f, bytes);
        try {
            assertSameEitherWay(f);
        } finally {
            Files.deleteIfExists(f);
        }
    }

    @AfterContainer
    static void report() {
        System.out.printf("streamed documents: %d files compared with the character reader (%d with rejections), from %d seeds%n",
                COMPARED.get(), WITH_REJECTIONS.get(), SEEDS.size());
    }

    static byte[] apply(byte[] b, Edit e) {
        int at = (int) ((long) e.where() * b.length / 1_000_000);
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length + 64);
        switch (e.kind()) {
            case 0 -> { // flip a byte
                byte[] c = b.clone();
                if (c.length > 0) c[Math.min(at, c.length - 1)] ^= (byte) (1 << (e.length() % 8));
                return c;
            }
            case 1, 5 -> { // insert a token
                out.write(b, 0, at);
                out.writeBytes(TOKENS.get(e.token()));
                out.write(b, at, b.length - at);
            }
            case 2 -> { // delete a range
                int end = Math.min(b.length, at + e.length());
                out.write(b, 0, at);
                out.write(b, end, b.length - end);
            }
            case 3 -> out.write(b, 0, at); // truncate
            default -> { // bytes that are not UTF-8
                out.write(b, 0, at);
                out.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xED, (byte) 0xA0, (byte) 0x80});
                out.write(b, at, b.length - at);
            }
        }
        return out.toByteArray();
    }

    static byte[] gzip(byte[] b) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(b);
        }
        return out.toByteArray();
    }
}
