package io.github.mfaeval.report;

import io.github.mfaeval.result.SignInSelection;
import io.github.mfaeval.TestRules;
import io.github.mfaeval.engine.Evaluator;
import io.github.mfaeval.generate.TenantGenerator;
import io.github.mfaeval.load.signin.SignInReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sign-in files parsed on several threads, a large NDJSON file cut into parts read at the same time, give the
 * report one thread gives, byte for byte: the same verdicts in the same order, the same duplicates, the same
 * rejections at the same records and lines, the same sources.
 */
class ParallelReadingTest {
    @TempDir
    static Path dir;
    static Path tenant;

    @BeforeAll
    static void tenantWithBrokenLinesEverywhere() throws Exception {
        new TenantGenerator(7, 150, 1500, false).write(0, dir);
        tenant = dir;
        Path file = tenant.resolve("signIns.json");
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}); // a byte-order mark before the first part
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            // every kind of line the reader meets, spread over every part: 150 broken ones, so that the
            // rejections beyond the first hundred are summed up across parts too
            switch (i % 9) {
                case 1 -> out.writeBytes("{\"id\": \"cut-short\", \"createdDateTime\": \n".getBytes(StandardCharsets.UTF_8));
                case 3 -> {
                    out.writeBytes("{\"id\": \"bad-bytes-".getBytes(StandardCharsets.UTF_8));
                    out.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28});
                    out.writeBytes("\"}\n".getBytes(StandardCharsets.UTF_8));
                }
                case 5 -> out.writeBytes("   \n".getBytes(StandardCharsets.UTF_8));
                case 7 -> out.writeBytes((lines.get(i / 2) + "\n").getBytes(StandardCharsets.UTF_8)); // a duplicate of an earlier record
                default -> {
                }
            }
            if (i % 40 == 11) line = line.replace("\"createdDateTime\"", "\"CreatedDateTime\""); // read through the tree
            out.writeBytes((line + "\n").getBytes(StandardCharsets.UTF_8));
        }
        Files.write(file, out.toByteArray());
    }

    @Test
    void copiesAcrossFilesGiveTheReportOfOneReader(@TempDir Path other) throws Exception {
        // plain Graph files (only looked at for ids) with sign-ins repeated across them and within them
        new TenantGenerator(9, 80, 1200, false).write(0, other);
        Path main = other.resolve("signIns.json");
        Path second = other.resolve("signIns-nonInteractive.json");
        assertTrue(Files.exists(second));
        List<String> lines = Files.readAllLines(main, StandardCharsets.UTF_8);
        List<String> copies = new java.util.ArrayList<>(Files.readAllLines(second, StandardCharsets.UTF_8));
        for (int i = 5; i < lines.size(); i += 13) {
            String line = lines.get(i);
            // a poorer copy (no MFA step) in the other file, or the same record again
            copies.add(copies.size() * (i % 3 + 1) / 4, i % 2 == 0 ? line.replace("\"succeeded\":true", "\"succeeded\":false") : line);
        }
        Files.write(second, copies, StandardCharsets.UTF_8);
        Evaluator evaluator = new Evaluator(TestRules.base());
        String one = StreamingReportTest.streamed(evaluator.onOneThread(), other, SignInSelection.ALL);
        java.util.regex.Matcher dup = java.util.regex.Pattern.compile("\"signInsDuplicate\"\\s*:\\s*(\\d+)").matcher(one);
        assertTrue(dup.find() && Long.parseLong(dup.group(1)) >= 10, "the copies are counted as duplicates: " + (dup.find(0) ? dup.group() : "none"));
        for (int[] readersAndPart : new int[][] {{2, 16 * 1024}, {3, 5000}}) {
            String many = StreamingReportTest.streamed(evaluator.withReaders(readersAndPart[0], readersAndPart[1]), other, SignInSelection.ALL);
            assertEquals(one, many, readersAndPart[0] + " readers, parts of " + readersAndPart[1] + " bytes");
        }
    }

    @Test
    void theFileIsReallyCutIntoManyParts() {
        assertTrue(SignInReader.split(tenant.resolve("signIns.json"), 64 * 1024).size() > 20);
    }

    @Test
    void manyReadersAndPartsGiveTheReportOfOne() throws Exception {
        Evaluator evaluator = new Evaluator(TestRules.base());
        String one = StreamingReportTest.streamed(evaluator.onOneThread(), tenant, SignInSelection.ALL);
        assertTrue(one.contains("more records rejected"), "the test data has more than a hundred rejections in one file");
        assertTrue(one.contains("malformed JSON") || one.contains("ends in the middle"), "broken lines are rejected");
        assertTrue(one.contains("not valid text"), "bad bytes are rejected");
        for (int[] readersAndPart : new int[][] {{2, 64 * 1024}, {3, 9000}, {4, 1 << 20}}) {
            String many = StreamingReportTest.streamed(evaluator.withReaders(readersAndPart[0], readersAndPart[1]), tenant, SignInSelection.ALL);
            assertEquals(one, many, readersAndPart[0] + " readers, parts of " + readersAndPart[1] + " bytes");
        }
    }
}
