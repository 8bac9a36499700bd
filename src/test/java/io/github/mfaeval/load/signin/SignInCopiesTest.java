package io.github.mfaeval.load.signin;

import io.github.mfaeval.generate.TenantGenerator;
import io.github.mfaeval.load.TenantLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The copies of a sign-in are found by a cheap look at the ids and an exact read of the few lines that may hold
 * one: the ids found are exactly those a read of every file finds, whatever shape the copies take.
 */
class SignInCopiesTest {
    /** Which ids are copied does not depend on which copy wins. */
    private static final java.util.Comparator<io.github.mfaeval.model.SignIn> ANY_COPY = (a, b) -> 0;

    @TempDir
    Path dir;

    @Test
    void aTenantWithoutRepeatedIdsIsReadOnce() throws Exception {
        List<Path> files = generated(false);
        SignInIds.Candidates c = SignInIds.scan(files, null, 2, 64 * 1024);
        assertTrue(c.none(), "no id repeats: nothing to read again");
        assertEquals(0, c.partsRead(), "plain Graph lines are never mapped by the look");
        assertTrue(c.partsLooked() > 3);
        assertEquals(Set.of(), SignInCopies.scan(source(), 2, 64 * 1024, ANY_COPY).copied());
    }

    @Test
    void repeatedIdsAreReadAgainLineByLineOnly() throws Exception {
        List<Path> files = generated(true);
        SignInIds.Candidates c = SignInIds.scan(files, null, 2, 64 * 1024);
        assertFalse(c.exact());
        assertEquals(0, c.partsRead());
        assertFalse(c.lines().isEmpty(), "the generator repeats some sign-ins");
        assertTrue(c.lines().size() < c.keys() / 10, c.lines().size() + " lines of " + c.keys());
        for (int threads : new int[] {1, 3}) {
            Set<String> exact = SignInCopies.read(source(), threads, 64 * 1024, ANY_COPY).copied();
            assertFalse(exact.isEmpty());
            assertEquals(exact, SignInCopies.scan(source(), threads, 64 * 1024, ANY_COPY).copied(), threads + " threads");
        }
    }

    @Test
    void copiesInEveryShapeAreFoundAsAFullReadFindsThem() throws Exception {
        List<Path> files = generated(false);
        List<String> lines = Files.readAllLines(files.get(0), StandardCharsets.UTF_8);
        List<String> second = Files.readAllLines(files.get(1), StandardCharsets.UTF_8);
        int n = 0;
        // each shape alone: a record of the first file copied into the middle of the second under another shape
        for (String shape : List.of("envelope", "page", "records", "pascal", "upper", "padded", "escaped", "dotless",
                "additional", "rejected", "twice", "number", "spaced", "trailing")) {
            String line = lines.get(10 + n++);
            String id = idOf(line);
            String copy = switch (shape) {
                case "envelope" -> "{\"category\":\"SignInLogs\",\"operationName\":\"Sign-in activity\",\"properties\":" + line + "}";
                case "page" -> "{\"value\":[" + line + "]}";
                case "records" -> "{\"Records\":[" + line + "]}";
                case "pascal" -> line.replace("\"id\":", "\"Id\":");
                case "upper" -> line.replace(id, id.toUpperCase());
                case "padded" -> line.replace("\"" + id + "\"", "\" " + id + " \"");
                case "escaped" -> line.replace("\"" + id + "\"", "\"\\u00" + Integer.toHexString(id.charAt(0)) + id.substring(1) + "\"");
                case "dotless" -> line.replace("\"id\":", "\"\u0131d\":"); // equal to "id" ignoring case, for Java
                case "additional" -> line.replace("\"id\":\"" + id + "\"", "\"AdditionalProperties\":{\"id\":\"" + id + "\"}");
                case "rejected" -> line.replace("\"createdDateTime\":", "\"createdDateTime\":\"not a date\",\"x\":");
                case "twice" -> line.replace("\"id\":\"" + id + "\"", "\"id\":\"x-1\",\"id\":\"" + id + "\"");
                case "number" -> line.replace("\"id\":\"" + id + "\"", "\"id\":12345");
                case "spaced" -> " {\"id\" : \"" + id + "\" ," + line.substring(line.indexOf(id) + id.length() + 2) + "\r";
                case "trailing" -> line + " {}";
                default -> throw new IllegalStateException(shape);
            };
            List<String> changed = new ArrayList<>(second);
            changed.add(changed.size() / 2, copy);
            Files.write(files.get(1), changed, StandardCharsets.UTF_8);
            for (int threads : new int[] {1, 2}) {
                Set<String> exact = SignInCopies.read(source(), threads, 16 * 1024, ANY_COPY).copied();
                if (!List.of("rejected", "number", "trailing").contains(shape)) {
                    assertEquals(Set.of(id), Set.of(exact.stream().map(String::toLowerCase).toArray()), shape + ": the reader delivers the copy");
                }
                assertEquals(exact, SignInCopies.scan(source(), threads, 16 * 1024, ANY_COPY).copied(), shape + ", " + threads + " threads");
            }
        }
        // a CSV export of a sign-in of the NDJSON files: its file is read, not looked at
        Files.write(files.get(1), second, StandardCharsets.UTF_8);
        Path csv = dir.resolve("InteractiveSignIns_2025.csv");
        Files.writeString(csv, "Date (UTC),Request ID,User ID,Application ID,Status\n2025-11-27T10:00:00Z," + idOf(lines.get(40))
                + ",8591514a-199d-457e-b98f-41e61ec1f7e9,04b07795-8ddb-461a-bbee-02f9e1bf7b46,Success\n");
        assertTrue(source().files().contains(csv));
        Set<String> exact = SignInCopies.read(source(), 2, 16 * 1024, ANY_COPY).copied();
        assertEquals(Set.of(idOf(lines.get(40))), exact);
        assertEquals(exact, SignInCopies.scan(source(), 2, 16 * 1024, ANY_COPY).copied());
    }

    private SignInSource source() throws Exception {
        return TenantLoader.load(dir).signIns();
    }

    private List<Path> generated(boolean duplicates) throws Exception {
        new TenantGenerator(11, 60, 1500, false).write(0, dir);
        List<Path> files = new ArrayList<>();
        try (var s = Files.list(dir)) {
            s.filter(p -> p.getFileName().toString().startsWith("signIns")).sorted().forEach(files::add);
        }
        assertTrue(files.size() >= 2, "a tenant of several sign-in files");
        if (!duplicates) {
            // keep the first record of each id only
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (Path f : files) {
                List<String> keep = new ArrayList<>();
                for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    if (seen.add(idOf(line))) keep.add(line);
                }
                Files.write(f, keep, StandardCharsets.UTF_8);
            }
        }
        return files;
    }

    private static String idOf(String line) {
        int at = line.indexOf("\"id\":\"") + 6;
        return line.substring(at, line.indexOf('"', at));
    }
}
