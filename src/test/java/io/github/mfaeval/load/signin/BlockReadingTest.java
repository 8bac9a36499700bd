package io.github.mfaeval.load.signin;

import io.github.mfaeval.load.text.ByteLines;
import io.github.mfaeval.load.text.JsonStream;
import io.github.mfaeval.load.text.TextInput;
import io.github.mfaeval.generate.TenantGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reading many lines in one go (a block of the buffer) gives, line for line, what reading them one at a time gives:
 * on real records and on records broken in every way the hostile-input suite breaks them, with lines cut across
 * buffer ends.
 */
class BlockReadingTest {
    static final List<byte[]> TOKENS = List.of("\"", "\\", "\n", "\r", "\r\n", "{", "}", "[", "]", ",", ":", " ", "\t", "\"id\":\"x\",",
                    "\"ID\":\"00000000-0000-4000-8000-00000000000A\",", "\"value\":[", "\"Properties\":", "\u00e9", "\u0131d", "\\\n", "\n\n", "\u0000", "{}\n",
                    "\"id\":12,", "\\u0041", "null", "\"id\":\" 4BE2CC59-E49A-4BF7-8253-62B24B6E642D \",")
            .stream().map(s -> s.getBytes(StandardCharsets.UTF_8)).toList();
    static final byte[][] BAD = {{(byte) 0xC3, 0x28}, {(byte) 0xFF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xC0, (byte) 0x80}};

    static List<byte[]> records = new ArrayList<>();

    @BeforeAll
    static void records(@TempDir Path dir) throws IOException {
        new TenantGenerator(5, 40, 300, false).write(0, dir);
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith("signIns")).sorted().toList()) {
                for (String line : Files.readAllLines(f)) records.add(line.getBytes(StandardCharsets.UTF_8));
            }
        }
        assertEquals(300, records.size());
    }

    /** Some records, one per line, with edits at random places; sometimes without the last line end. */
    static byte[] input(Random r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int n = 1 + r.nextInt(12);
        for (int i = 0; i < n; i++) {
            byte[] rec = records.get(r.nextInt(records.size()));
            if (r.nextInt(15) == 0) rec = Arrays.copyOf(rec, 20 + r.nextInt(200)); // a short line, often cut
            out.writeBytes(rec);
            out.write('\n');
            if (r.nextInt(10) == 0) out.writeBytes(r.nextBoolean() ? "\n".getBytes() : " \t\r\n".getBytes());
        }
        byte[] b = out.toByteArray();
        int edits = r.nextInt(4);
        for (int e = 0; e < edits; e++) {
            int at = r.nextInt(b.length + 1);
            byte[] token = r.nextInt(8) == 0 ? BAD[r.nextInt(BAD.length)] : TOKENS.get(r.nextInt(TOKENS.size()));
            ByteArrayOutputStream o = new ByteArrayOutputStream();
            o.write(b, 0, at);
            if (r.nextInt(5) == 0) {
                at = Math.min(b.length, at + r.nextInt(60)); // a range deleted
            } else {
                o.writeBytes(token);
            }
            o.write(b, at, b.length - at);
            b = o.toByteArray();
        }
        if (r.nextInt(6) == 0 && b.length > 0 && b[b.length - 1] == '\n') b = Arrays.copyOf(b, b.length - 1);
        return b;
    }

    /** The id look line by line, as it was before blocks: the reference. */
    /** Every line read on its own, none in a block: what GraphJsonFastPath.readLines must give. */
    static long readEachLine(ByteLines lines, GraphSignInParser fast, String hint, String file, RawRecords out) throws IOException {
        out.container("NDJSON (one record per line)");
        JsonStream.Counter count = new JsonStream.Counter();
        char[][] chars = {new char[1 << 13]};
        while (GraphJsonFastPath.line(lines, fast, hint, file, count, out, chars)) {
            // next line
        }
        return count.index;
    }

    /** Everything a reader hands over, in order, as text: facts field by field, records, rejections, notices. */
    static final class Recorded implements RawRecords {
        final List<String> out = new ArrayList<>();

        @Override
        public void container(String description) {
            out.add("container " + description);
        }

        @Override
        public void record(com.fasterxml.jackson.databind.JsonNode node, io.github.mfaeval.load.text.Position at) {
            out.add("record " + at + " " + node);
        }

        @Override
        public void normalised(GraphRecord record, io.github.mfaeval.load.text.Position at) {
            out.add("normalised " + at + " " + record.node());
        }

        @Override
        public void broken(String where, String reason, long count) {
            out.add("broken " + where + " " + reason + " " + count);
        }

        @Override
        public void mapped(io.github.mfaeval.model.SignIn record) {
            out.add("mapped " + GraphSignInParserTest.fact(record));
        }

        @Override
        public void notice(String where, String message) {
            out.add("notice " + where + " " + message);
        }
    }

    @Test
    void recordsReadInBlocksAreWhatReadingEachLineGives() throws IOException {
        Random r = new Random(20261203);
        int mapped = 0;
        int rejected = 0;
        long inBlocks = 0;
        long lines = 0;
        for (int i = 0; i < 4000; i++) {
            byte[] b = input(r);
            int buffer = r.nextBoolean() ? ByteLines.BUFFER : 16 + r.nextInt(6000);
            String hint = r.nextBoolean() ? null : "interactiveUser";
            Recorded expected = new Recorded();
            ByteLines one = new ByteLines(new ByteArrayInputStream(b), TextInput.DEFAULT_MAX_RECORD_CHARS, buffer);
            long n1 = readEachLine(one, new GraphSignInParser(), hint, "f.json", expected);
            Recorded actual = new Recorded();
            ByteLines blocks = new ByteLines(new ByteArrayInputStream(b), TextInput.DEFAULT_MAX_RECORD_CHARS, buffer);
            long n2 = GraphJsonFastPath.readLines(blocks, new GraphSignInParser(), hint, "f.json", actual);
            String what = "case " + i + ": " + new String(b, StandardCharsets.UTF_8);
            assertEquals(String.join("\n", expected.out), String.join("\n", actual.out), what);
            assertEquals(n1, n2, what);
            assertEquals(one.newlines(), blocks.newlines(), what);
            assertEquals(one.line(), blocks.line(), what);
            inBlocks += blocks.linesInBlocks();
            lines += blocks.newlines();
            mapped += (int) expected.out.stream().filter(s -> s.startsWith("mapped")).count();
            rejected += (int) expected.out.stream().filter(s -> s.startsWith("broken")).count();
        }
        assertTrue(mapped > 10000 && rejected > 1000, mapped + " records mapped, " + rejected + " rejected");
        assertTrue(inBlocks > lines / 2, inBlocks + " of " + lines + " lines read in blocks");
    }

    @Test
    void plainRecordsAreAllReadInBlocks() throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] rec : records) {
            all.writeBytes(rec);
            all.write('\n');
        }
        ByteLines lines = new ByteLines(new ByteArrayInputStream(all.toByteArray()), TextInput.DEFAULT_MAX_RECORD_CHARS, 20_000);
        Recorded out = new Recorded();
        assertEquals(300, GraphJsonFastPath.readLines(lines, new GraphSignInParser(), null, "f.json", out));
        assertEquals(300, lines.linesInBlocks());
        assertEquals(300, lines.line());
    }
}
