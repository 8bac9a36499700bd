package io.github.mfaeval.report;

import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.github.mfaeval.TestRules;
import io.github.mfaeval.engine.Evaluator;
import io.github.mfaeval.load.signin.SignInReader;
import io.github.mfaeval.result.SignInSelection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A large CSV sign-in file (Log Analytics: nested JSON in multi-line quoted cells) is cut at record ends into parts
 * read at the same time, and gives the report one thread gives, byte for byte: the same verdicts, the same
 * rejections at the same records and lines. A file the cut scan cannot follow exactly is read whole.
 */
class ParallelCsvReadingTest {
    private static final Path SOURCE = TestRules.PROJECT.resolve("src/test/resources/formats/log-analytics-csv");

    @TempDir
    static Path dir;
    static Path tenant;
    static Path file;

    @BeforeAll
    static void largeCsvWithBrokenRowsEverywhere() throws Exception {
        tenant = dir.resolve("tenant");
        Files.createDirectories(tenant);
        Files.copy(SOURCE.resolve("tenant.json"), tenant.resolve("tenant.json"));
        CsvMapper csv = new CsvMapper();
        csv.enable(com.fasterxml.jackson.dataformat.csv.CsvParser.Feature.WRAP_AS_ARRAY);
        List<String[]> rows = new ArrayList<>();
        try (var it = csv.readerFor(String[].class).readValues(Files.readString(SOURCE.resolve("SigninLogs.csv")).substring(1))) {
            while (it.hasNextValue()) rows.add((String[]) it.nextValue());
        }
        String[] header = rows.get(0);
        int id = Arrays.asList(header).indexOf("Id");
        int created = Arrays.asList(header).indexOf("CreatedDateTime [UTC]");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        var writer = csv.writer(CsvSchema.emptySchema().withLineSeparator("\r\n"));
        out.writeBytes(writer.writeValueAsBytes(header));
        for (int i = 0; i < 1500; i++) {
            String[] row = rows.get(1 + i % (rows.size() - 1)).clone();
            row[id] = String.format(Locale.ROOT, "00000000-0000-4000-8000-%012d", i);
            switch (i % 11) {
                case 1 -> out.writeBytes("\r\n   \r\n".getBytes(StandardCharsets.UTF_8)); // blank lines: no record
                case 3 -> out.writeBytes("a,b,c\r\n".getBytes(StandardCharsets.UTF_8)); // too few values
                case 5 -> row[created] = "not a date"; // parses, cannot be mapped
                case 7 -> {
                    out.writeBytes("\"x\",\"bad ".getBytes(StandardCharsets.UTF_8)); // bytes that are not UTF-8 text
                    out.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28});
                    out.writeBytes("\"\r\n".getBytes(StandardCharsets.UTF_8));
                }
                default -> {
                }
            }
            out.writeBytes(writer.writeValueAsBytes(row));
        }
        file = tenant.resolve("SigninLogs.csv");
        Files.write(file, out.toByteArray());
    }

    @Test
    void theFileIsReallyCutAtRecordEnds() {
        List<SignInReader.Part> parts = SignInReader.split(file, 32 * 1024);
        assertTrue(parts.size() > 20, parts.size() + " parts");
        assertTrue(parts.stream().allMatch(p -> p.csv() != null), "every part reads CSV rows");
    }

    @Test
    void manyReadersAndPartsGiveTheReportOfOne() throws Exception {
        Evaluator evaluator = new Evaluator(TestRules.base());
        String one = StreamingReportTest.streamed(evaluator.onOneThread(), tenant, SignInSelection.ALL);
        assertTrue(one.contains("more records rejected"), "more than a hundred rejections in one file");
        assertTrue(one.contains("has 3 values, the header has"), "short rows are rejected");
        assertTrue(one.contains("not valid text"), "bad bytes are rejected");
        assertTrue(one.matches("(?s).*\"signInsEvaluated\"\\s*:\\s*1[0-9]{3}.*"), "most rows are evaluated");
        for (int[] readersAndPart : new int[][] {{2, 32 * 1024}, {3, 7000}, {2, 1 << 20}}) {
            String many = StreamingReportTest.streamed(evaluator.withReaders(readersAndPart[0], readersAndPart[1]), tenant, SignInSelection.ALL);
            assertEquals(one, many, readersAndPart[0] + " readers, parts of " + readersAndPart[1] + " bytes");
        }
    }

    @Test
    void aFileTheScanCannotFollowIsReadWholeWithTheSameReport(@TempDir Path other) throws Exception {
        Files.createDirectories(other);
        Files.copy(tenant.resolve("tenant.json"), other.resolve("tenant.json"));
        byte[] bytes = Files.readAllBytes(file);
        String text = new String(bytes, StandardCharsets.UTF_8);
        // a stray quote inside an unquoted value, half way through: the reader rejects that row and reads on
        int at = text.indexOf("\r\na,b,c\r\n", text.length() / 2);
        Path broken = other.resolve("SigninLogs.csv");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] head = text.substring(0, at).getBytes(StandardCharsets.UTF_8);
        out.write(bytes, 0, head.length);
        out.writeBytes("\r\na,b\"c,d".getBytes(StandardCharsets.UTF_8));
        out.write(bytes, head.length, bytes.length - head.length);
        Files.write(broken, out.toByteArray());
        assertEquals(1, SignInReader.split(broken, 32 * 1024).size(), "not cut");
        Evaluator evaluator = new Evaluator(TestRules.base());
        String one = StreamingReportTest.streamed(evaluator.onOneThread(), other, SignInSelection.ALL);
        assertEquals(one, StreamingReportTest.streamed(evaluator.withReaders(2, 32 * 1024), other, SignInSelection.ALL));
    }
}
