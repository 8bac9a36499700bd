package io.github.mfaeval.cli;

import io.github.mfaeval.TestRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code evaluate --format html|csv} as a user runs it. */
class EvaluateFormatsTest {
    private static final String RULES = TestRules.RULES.toString();

    private static int evaluate(Path tenant, String... more) {
        String[] args = Stream.concat(Stream.of("evaluate", tenant.toString(), "--as-of", "2025-11-28", "--rules", RULES),
                Stream.of(more)).toArray(String[]::new);
        return Main.run(args);
    }

    @Test
    void csvWritesTheFiveFilesIntoTheOutputFolder(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("reports/fabrikam");
        assertEquals(Main.ACTION_REQUIRED, evaluate(TestRules.EXAMPLES.resolve("fabrikam-gaps"), "--format", "csv", "-o", out.toString()));
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(List.of("action-plan.csv", "actions.csv", "findings.csv", "phase2-writes.csv", "schedule.csv", "sign-in-period.csv", "signins.csv", "users.csv"),
                    files.map(p -> p.getFileName().toString()).sorted().toList(), "five files, no temporary leftovers");
        }
        assertTrue(Files.readString(out.resolve("action-plan.csv")).startsWith("Priority,Severity,"));
    }

    @Test
    void csvFilesAreUtf8(@TempDir Path tmp) throws IOException {
        Path tenant = tmp.resolve("tenant");
        Files.createDirectories(tenant);
        try (Stream<Path> files = Files.list(TestRules.EXAMPLES.resolve("contoso-ready"))) {
            for (Path f : files.toList()) {
                Files.writeString(tenant.resolve(f.getFileName()),
                        Files.readString(f).replace("alice.admin@contoso.com", "zo\u00eb.\u00e5dmin\u2713@contoso.com"));
            }
        }
        evaluate(tenant, "--format", "csv", "-o", tmp.resolve("out").toString());
        byte[] bytes = Files.readAllBytes(tmp.resolve("out/users.csv"));
        String text = strictUtf8(bytes);
        assertTrue(text.contains(",zo\u00eb.\u00e5dmin\u2713@contoso.com,"), text);
        assertFalse(text.startsWith("\uFEFF"), "no byte order mark");
    }

    @Test
    void csvNeedsAnOutputFolder(@TempDir Path tmp) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream saved = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            assertEquals(Main.ERROR, evaluate(TestRules.EXAMPLES.resolve("contoso-ready"), "--format", "csv"));
        } finally {
            System.setErr(saved);
        }
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--output DIR"), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void htmlWritesOnePage(@TempDir Path tmp) throws IOException {
        Path page = tmp.resolve("contoso.html");
        assertEquals(Main.READY, evaluate(TestRules.EXAMPLES.resolve("contoso-ready"), "--format", "html", "--output", page.toString()));
        String html = Files.readString(page);
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("<h1 id=\"tenant-name\">Contoso Ltd</h1>"));
        try (Stream<Path> files = Files.list(tmp)) {
            assertEquals(1, files.count(), "one self-contained file");
        }
    }

    @Test
    void helpNamesTheFormatsAndWhereCsvGoes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream saved = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            Main.run("evaluate", "--help");
        } finally {
            System.setOut(saved);
        }
        String help = out.toString(StandardCharsets.UTF_8);
        assertTrue(help.contains("text, json, html, csv"), help);
        assertTrue(help.contains("action-plan.csv"), help);
    }

    private static String strictUtf8(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    }
}
