package io.github.mfaeval.load;

import io.github.mfaeval.TestRules;
import io.github.mfaeval.result.Report;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A 2 GB sign-in file, made sparse in a temporary folder so that it costs no disk and little time: a record, then
 * 2 GB of NUL bytes with no line end, then a record. Nothing of that size fits in a Java string, so the file is
 * only read at all if it is streamed. Tagged "large": exclude it with -DexcludedGroups=large on a slow disk.
 */
@Tag("large")
class LargeFileTest {
    static final long TWO_GB = 2L * 1024 * 1024 * 1024;

    static Path sparse(Path dir, String name, String head, String tail) throws IOException {
        Path file = dir.resolve(name);
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.write(head.getBytes(StandardCharsets.UTF_8));
            f.setLength(TWO_GB + head.length());
            f.seek(f.length());
            f.write(tail.getBytes(StandardCharsets.UTF_8));
        }
        assertTrue(Files.size(file) > TWO_GB);
        return file;
    }

    @Test
    void aTwoGigabyteLineIsRefusedAndTheRecordsAroundItRead(@TempDir Path tenant) throws IOException {
        Files.writeString(tenant.resolve("tenant.json"), "{\"tenantId\": \"t\"}");
        sparse(tenant, "signIns-big.jsonl", MalformedInputTest.rec("before") + "\n", "\n" + MalformedInputTest.rec("after") + "\n");
        Report r = TestRules.evaluate(tenant);
        assertEquals(3, r.summary().signInsRead());
        assertEquals(2, r.summary().signInsEvaluated());
        assertEquals(1, r.summary().signInsRejected());
        assertEquals(List.of("signIns-big.jsonl record 2 (line 2): line is longer than 32 MB; no sign-in record is that long (skipped to the next line)"),
                r.inputs().rejected().stream().map(Object::toString).toList());
        assertEquals(List.of("after", "before"), r.signIns().stream().map(v -> v.id()).sorted().toList());
        assertEquals(Report.Status.INCOMPLETE, r.status());
    }

    @Test
    void aTwoGigabyteJsonDocumentStopsAtItsFirstBadByte(@TempDir Path tenant) throws IOException {
        Files.writeString(tenant.resolve("tenant.json"), "{\"tenantId\": \"t\"}");
        sparse(tenant, "signIns-big.json", "[\n" + MalformedInputTest.rec("first") + ",\n", "\n]\n");
        long start = System.nanoTime();
        Report r = TestRules.evaluate(tenant);
        assertTrue(System.nanoTime() - start < 30_000_000_000L, "the rest of the file is not scanned");
        assertEquals(2, r.summary().signInsRead());
        assertEquals(1, r.summary().signInsEvaluated());
        assertTrue(r.inputs().rejected().get(0).toString().matches("signIns-big.json record 2 \\(line 3\\): malformed JSON at column \\d+: Illegal character \\(\\(CTRL-CHAR, code 0\\)\\).*"),
                r.inputs().rejected()::toString);
    }
}
