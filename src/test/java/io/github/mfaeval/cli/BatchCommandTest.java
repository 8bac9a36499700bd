package io.github.mfaeval.cli;

import io.github.mfaeval.TestRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The exit codes a scheduler acts on. */
class BatchCommandTest {
    @TempDir
    Path temp;

    private String stderr = "";

    private int batch(String root, String out, String... more) {
        String[] args = new String[6 + more.length];
        System.arraycopy(new String[] {"batch", root, "--out", out, "--rules", TestRules.RULES.toString()}, 0, args, 0, 6);
        System.arraycopy(more, 0, args, 6, more.length);
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            return Main.run(args);
        } finally {
            System.setErr(err);
            stderr = captured.toString(StandardCharsets.UTF_8);
        }
    }

    private Path tenants(String... examples) throws Exception {
        Path root = Files.createTempDirectory(temp, "root");
        for (String e : examples) {
            Path to = Files.createDirectories(root.resolve(e));
            try (DirectoryStream<Path> files = Files.newDirectoryStream(TestRules.EXAMPLES.resolve(e))) {
                for (Path f : files) Files.copy(f, to.resolve(f.getFileName()));
            }
        }
        return root;
    }

    @Test
    void exitCodesTellReadyFromFindingsFromFailedTenants() throws Exception {
        assertEquals(Main.READY, batch(tenants("contoso-ready").toString(), temp.resolve("o1").toString(), "--as-of", "2025-11-28"));
        assertEquals(Main.ACTION_REQUIRED, batch(TestRules.EXAMPLES.toString(), temp.resolve("o2").toString(), "--as-of", "2025-11-28"));
        Path broken = tenants("contoso-ready", "fabrikam-gaps");
        Files.writeString(broken.resolve("contoso-ready/tenant.json"), "[]");
        assertEquals(Main.TENANTS_FAILED, batch(broken.toString(), temp.resolve("o3").toString(), "--as-of", "2025-11-28",
                "--threads", "1", "--tenant-timeout", "10m"));
        assertTrue(stderr.contains("contoso-ready: FAILED (input)"), stderr);
        assertTrue(Files.exists(temp.resolve("o3/tenants/fabrikam-gaps/report.json")), "the other tenant was evaluated");
    }

    @Test
    void aRootWithoutTenantsOrAnOutputAsItsOwnBaselineIsAnError() throws Exception {
        Path empty = Files.createDirectories(temp.resolve("empty"));
        assertEquals(Main.ERROR, batch(empty.toString(), temp.resolve("o").toString()));
        assertTrue(stderr.contains("no tenant folders"), stderr);
        assertEquals(Main.ERROR, batch(TestRules.EXAMPLES.toString(), temp.resolve("o").toString(), "--baseline", temp.resolve("o").toString()));
        assertEquals(Main.ERROR, batch(TestRules.EXAMPLES.toString(), temp.resolve("o").toString(), "--threads", "0"));
    }

    @Test
    void helpDocumentsTheExitCodes() {
        String help = new CommandLine(new Main()).getSubcommands().get("batch").getUsageMessage();
        assertTrue(help.contains("3   some tenant could not be evaluated"), help);
        assertTrue(help.contains("--tenant-timeout=DURATION"), help);
    }

    @Test
    void durationsAreWrittenAsPeopleWriteThem() {
        BatchCommand.DurationConverter c = new BatchCommand.DurationConverter();
        assertEquals(Duration.ofSeconds(90), c.convert("90s"));
        assertEquals(Duration.ofMinutes(90), c.convert("1h30m"));
        assertEquals(Duration.ofHours(2), c.convert("PT2H"));
        assertEquals(Duration.ZERO, c.convert("0"));
        assertThrows(CommandLine.TypeConversionException.class, () -> c.convert("10 minutes"));
        assertThrows(CommandLine.TypeConversionException.class, () -> c.convert("m"));
    }
}
