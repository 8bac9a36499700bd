package io.github.mfaeval.cli;

import io.github.mfaeval.TestRules;
import io.github.mfaeval.report.AtomicFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hostile names and options at the command line (docs/hostile-input.md). */
class HostileCliTest {
    static final String RULES = TestRules.RULES.toString();

    static void assertNoControls(String text) {
        for (char c : text.toCharArray()) {
            boolean allowed = c == '\n' || (!Character.isISOControl(c) && c != '\u202E' && c != '\u2066');
            assertTrue(allowed, () -> String.format("U+%04X reached the terminal in:%n%s", (int) c, text));
        }
    }

    @Test
    void inspectShowsHostileFileNamesAndContentWithoutObeyingThem(@TempDir Path tenant) throws IOException {
        Files.writeString(tenant.resolve("tenant.json"), "{\"tenantId\": \"t\"}");
        Files.writeString(tenant.resolve("signIns\nMissing        nothing.json"), "[]");
        Files.writeString(tenant.resolve("notes\u001b[2J\u202Etxt.exe"), "x");
        Files.writeString(tenant.resolve("signIns-2.json"), "[{\"id\": \"a\u001b]0;owned\u0007\", \"createdDateTime\": 5}]");
        CliTest.Run r = CliTest.run("inspect", tenant.toString());
        assertNoControls(r.out());
        for (String line : r.out().split("\n")) {
            assertFalse(line.equals("Missing        nothing.json") || line.startsWith("Missing        nothing.json"), r.out());
        }
        assertTrue(r.out().contains("signIns?Missing        nothing.json"), r.out());
    }

    @Test
    void errorMessagesQuotingAFolderNameCannotSteerTheTerminal(@TempDir Path temp) throws IOException {
        Path tenant = Files.createDirectories(temp.resolve("t\u001b[31m\u009b2J\u202Eevil\rmfa-eval: all good"));
        CliTest.Run r = CliTest.run("evaluate", tenant.toString(), "--rules", RULES);
        assertEquals(Main.ERROR, r.code());
        assertNoControls(r.err());
        assertFalse(r.err().contains("\r"), r.err());
        assertTrue(r.err().contains("t?[31m?2J?evil?mfa-eval: all good"), r.err());
    }

    @Test
    void aNegativeOrEndlessTenantTimeoutIsRefusedWithAMessage(@TempDir Path temp) {
        for (String bad : List.of("PT-1S", "-5m", "9223372036854775807s", "99999999999999999999999s", "P99999999D")) {
            CliTest.Run r = CliTest.run("batch", TestRules.EXAMPLES.toString(), "--out", temp.resolve("out").toString(),
                    "--tenant-timeout", bad, "--rules", RULES);
            assertEquals(Main.ERROR, r.code(), bad + ": " + r.err());
            assertTrue(r.err().contains("--tenant-timeout") && (r.err().contains("negative") || r.err().contains("too long")
                    || r.err().contains("not a duration")), bad + ": " + r.err());
            assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
            assertFalse(Files.exists(temp.resolve("out").resolve("summary.json")), bad);
        }
    }

    @Test
    void aLongOutputFileNameWorks(@TempDir Path temp) throws IOException {
        // 250 bytes: legal (NAME_MAX is 255), but "." + name + random digits + ".tmp" is not
        String name = "r".repeat(246) + ".txt";
        Path out = temp.resolve(name);
        CliTest.Run r = CliTest.run("evaluate", TestRules.EXAMPLES.resolve("contoso-ready").toString(), "--as-of", "2025-11-28",
                "--rules", RULES, "-o", out.toString());
        assertEquals(Main.READY, r.code(), r.err());
        assertTrue(Files.size(out) > 0);
        try (var files = Files.list(temp)) {
            assertEquals(List.of(out), files.toList(), "no temporary file left");
        }
    }

    /**
     * A full disk while a file is written names the file. The file size limit of a child process (ulimit -f) makes
     * writes fail the way a full disk does (EFBIG instead of ENOSPC, the same path through the code).
     */
    @Test
    void aWriteThatRunsOutOfSpaceNamesTheFile(@TempDir Path temp) throws Exception {
        Path target = temp.resolve("summary.json");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder("sh", "-c", "ulimit -f 64 && exec \"$0\" -cp \"$1\" \"$2\" \"$3\"",
                java, System.getProperty("java.class.path"), BigWrite.class.getName(), target.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertTrue(output.startsWith("failed: " + target + ": "), output);
        assertFalse(Files.exists(target), "nothing under the real name");
    }

    /** Writes 1 MB through {@link AtomicFile} and prints how it failed. */
    public static final class BigWrite {
        public static void main(String[] args) {
            try {
                AtomicFile.write(Path.of(args[0]), w -> {
                    char[] block = new char[8192];
                    java.util.Arrays.fill(block, 'x');
                    for (int i = 0; i < 128; i++) w.write(block);
                });
                System.out.println("written");
            } catch (IOException e) {
                System.out.println("failed: " + e.getMessage());
            }
        }
    }
}
