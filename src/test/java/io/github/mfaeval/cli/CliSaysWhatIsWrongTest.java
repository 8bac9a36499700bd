package io.github.mfaeval.cli;

import io.github.mfaeval.TestRules;
import io.github.mfaeval.report.CsvRenderer;
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

/** The command line says what is wrong, and what it did, in a sentence (issue 27, items 8 to 13). */
class CliSaysWhatIsWrongTest {
    private static final String RULES = TestRules.RULES.toString();
    private static final String FABRIKAM = TestRules.EXAMPLES.resolve("fabrikam-gaps").toString();

    private static ActionsAndOutputsTest.Run run(String... args) {
        return ActionsAndOutputsTest.run(args);
    }

    @Test
    void batchOutOnAFileOrBatchOnOneTenantSaysWhatIsWrong(@TempDir Path tmp) throws IOException {
        Path file = Files.writeString(tmp.resolve("afile"), "x");
        ActionsAndOutputsTest.Run r = run("batch", TestRules.EXAMPLES.toString(), "--out", file.toString(), "--rules", RULES);
        assertEquals(2, r.code());
        assertEquals("mfa-eval: --out " + file + " is a file: batch writes a folder (summary.json, summary.csv, index.html and one"
                + " folder per tenant); name a folder that does not exist yet, or an earlier run's\n", r.err());
        ActionsAndOutputsTest.Run one = run("batch", FABRIKAM, "--out", tmp.resolve("o").toString(), "--rules", RULES);
        assertEquals(2, one.code());
        assertEquals("mfa-eval: " + FABRIKAM + " is one tenant's folder (it holds tenant.json), not a folder of tenant folders:"
                + " evaluate it with mfa-eval evaluate " + FABRIKAM + " (batch evaluates every sub-folder holding a tenant.json)\n", one.err());
    }

    @Test
    void evaluateToAFileSaysStatusCountAndFile(@TempDir Path tmp) {
        Path html = tmp.resolve("x.html");
        ActionsAndOutputsTest.Run r = run("evaluate", FABRIKAM, "--rules", RULES, "-o", html.toString());
        assertEquals(1, r.code());
        assertEquals("mfa-eval: ACTION_REQUIRED: 34 of 38 findings require action (11 high, 18 medium, 5 low); report written to "
                + html + "\n", r.err());
        // to standard output, the report is the output: no extra line
        assertEquals("", run("evaluate", FABRIKAM, "--rules", RULES).err());
    }

    @Test
    void anUnknownExtensionOrACsvFileNameIsRefused(@TempDir Path tmp) {
        ActionsAndOutputsTest.Run pdf = run("evaluate", FABRIKAM, "--rules", RULES, "-o", tmp.resolve("r.pdf").toString());
        assertEquals(2, pdf.code());
        assertEquals("mfa-eval: -o " + tmp.resolve("r.pdf") + ": .pdf is not a report format; name the file .txt, .json, .html, .md,"
                + " .xlsx or .ndjson (or a folder with --format csv)\n", pdf.err());
        assertFalse(Files.exists(tmp.resolve("r.pdf")));
        ActionsAndOutputsTest.Run csv = run("evaluate", FABRIKAM, "--rules", RULES, "--format", "csv", "-o", tmp.resolve("r.csv").toString());
        assertEquals(2, csv.code());
        assertEquals("mfa-eval: --format csv writes eight CSV files into a folder, but -o " + tmp.resolve("r.csv") + " names a .csv file:"
                + " name the folder instead, such as -o " + tmp.resolve("r") + "\n", csv.err());
        assertFalse(Files.exists(tmp.resolve("r.csv")));
        // folders on the way are created, and --help says so
        Path deep = tmp.resolve("new/dir/r.html");
        assertEquals(1, run("evaluate", FABRIKAM, "--rules", RULES, "-o", deep.toString()).code());
        assertTrue(Files.isRegularFile(deep));
        assertTrue(run("evaluate", "--help").out().contains("Missing folders on the way are created."));
    }

    @Test
    void theCsvHelpCountsTheFilesItWrites() {
        String help = run("evaluate", "--help").out();
        List<String> files = List.copyOf(new CsvRenderer().files().keySet());
        assertEquals(8, files.size());
        assertTrue(help.contains("csv: eight files in the --output folder:"), help);
        for (String f : files) assertTrue(help.contains(f), f + " in " + help);
    }

    @Test
    void generateRefusesToOverwriteATenantFolderUnlessForced(@TempDir Path tmp) throws IOException {
        ActionsAndOutputsTest.Run first = run("generate", "--users", "3", "--sign-ins", "5", "--out", tmp.toString());
        assertEquals(0, first.code(), first.err());
        assertEquals("1 tenant of 3 users and 5 sign-ins written to " + tmp + "\n", first.out());
        Path marker = Files.writeString(tmp.resolve("tenant-00001/notes.txt"), "mine");
        ActionsAndOutputsTest.Run again = run("generate", "--users", "3", "--sign-ins", "5", "--out", tmp.toString());
        assertEquals(2, again.code());
        assertEquals("mfa-eval: " + tmp.resolve("tenant-00001") + " already exists: generate would overwrite it. Add --force to"
                + " overwrite, or choose another --out\n", again.err());
        assertTrue(Files.exists(marker));
        assertEquals(0, run("generate", "--users", "3", "--sign-ins", "5", "--out", tmp.toString(), "--force").code());
    }

    @Test
    void misspellingsLeadWithDidYouMeanInTheSameWordsEverywhere(@TempDir Path tmp) {
        ActionsAndOutputsTest.Run command = run("evalute", FABRIKAM);
        assertEquals(2, command.code());
        assertTrue(command.err().startsWith("mfa-eval: Did you mean: mfa-eval evaluate"), command.err());
        assertFalse(command.err().contains("Unmatched argument"), command.err());
        ActionsAndOutputsTest.Run option = run("evaluate", "--as-off", "2025-01-01", FABRIKAM);
        assertEquals("mfa-eval: Did you mean: --as-of? (unknown option '--as-off')\nTry 'mfa-eval evaluate --help'.\n", option.err());
        assertFalse(option.err().contains("Possible solutions"), option.err());
        ActionsAndOutputsTest.Run inspect = run("inspect", TestRules.EXAMPLES.toString());
        assertEquals(2, inspect.code());
        assertTrue(inspect.err().contains("To inspect one: mfa-eval inspect " + TestRules.EXAMPLES.resolve("contoso-ready")), inspect.err());
    }

    @Test
    void collectThatCannotSignInSaysItsErrorOnce(@TempDir Path tmp) throws IOException {
        // A certificate that is not one: the tenant fails before any request (the endpoints are loopback, never reached).
        Path pem = Files.writeString(tmp.resolve("bad.pem"), "not a pem");
        String local = "http://127.0.0.1:9";
        ActionsAndOutputsTest.Run r = run("collect", "--tenant", "contoso.onmicrosoft.com", "--out", tmp.resolve("c").toString(),
                "--auth", "certificate", "--client-id", "00000000-0000-0000-0000-000000000001", "--certificate", pem.toString(),
                "--login-endpoint", local, "--graph-endpoint", local, "--arm-endpoint", local);
        assertEquals(3, r.code());
        String all = r.out() + r.err();
        assertEquals(1, all.split("not a usable PKCS#12 or PEM certificate", -1).length - 1, all);
    }

    @Test
    void helpKeepsUrlsWhole() {
        String help = run("collect", "--help").out();
        for (String url : List.of("https://graph.microsoft.com", "https://graph.microsoft.us", "https://microsoftgraph.chinacloudapi.cn",
                "https://management.azure.com", "https://management.usgovcloudapi.net", "https://management.chinacloudapi.cn")) {
            assertTrue(help.contains(url), url + " whole in " + help);
        }
    }

    @Test
    void theLaunchersBuildPrintsNoEscapeCodes(@TempDir Path tmp) throws Exception {
        // A copy of the launcher in a checkout without a jar, and a Maven that writes colour codes as Maven 3.8 does with -B -q.
        Path app = Files.createDirectories(tmp.resolve("app"));
        Files.copy(TestRules.PROJECT.resolve("mfa-eval"), app.resolve("mfa-eval"));
        Files.createDirectories(app.resolve("src/main"));
        Files.writeString(app.resolve("pom.xml"), "");
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path mvn = Files.writeString(bin.resolve("mvn"), "#!/bin/sh\nprintf '\\033[0m\\033[0m[ERROR] the build failed\\n\\033[0m'\nexit 1\n");
        assertTrue(mvn.toFile().setExecutable(true));
        ProcessBuilder pb = new ProcessBuilder("bash", app.resolve("mfa-eval").toString(), "--version").redirectErrorStream(true);
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        Process p = pb.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(1, p.exitValue(), output);
        assertFalse(output.contains("\u001b") || output.contains("[0m"), output);
        assertTrue(output.contains("[ERROR] the build failed"), output);
    }
}
