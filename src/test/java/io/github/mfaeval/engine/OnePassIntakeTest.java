package io.github.mfaeval.engine;

import io.github.mfaeval.TestRules;
import io.github.mfaeval.load.TenantLoader;
import io.github.mfaeval.result.Report;
import io.github.mfaeval.result.SignInVerdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 28: a tenant's sign-in files are read once, whatever their number. With several files the judged sign-ins
 * wait in a spool on disk until the copies are known; the spool is gone after the evaluation, also after a failure,
 * and the report is the one a read of every file, then the copies, gives: the richest copy wins whatever the file
 * order, the copies come last in (createdDateTime, id) order, and the counts add up.
 */
class OnePassIntakeTest {
    private static final Path BASE = TestRules.PROJECT.resolve("test-scenarios/base");
    private static final String APP = "c44b4083-3bb0-49c1-b47d-974e53cbdf3c";

    @TempDir
    Path tmp;

    /**
     * Every sign-in file of a tenant with several is read once: the bytes this process reads (Linux counts them in
     * /proc/self/io, rchar) while it evaluates stay under one and a half times the sign-in files' size. The pre-scan
     * of the ids read every file twice. (A named pipe, which could be read only once, is refused by the loader.)
     */
    @Test
    void everyFileOfATenantWithSeveralFilesIsReadOnce() throws Exception {
        Path io = Path.of("/proc/self/io");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isReadable(io), "counts the bytes read on Linux");
        Path tenant = tmp.resolve("generated");
        new io.github.mfaeval.generate.TenantGenerator(11, 200, 8_000, false).write(0, tenant);
        long size = 0;
        int files = 0;
        try (Stream<Path> s = Files.list(tenant)) {
            for (Path f : (Iterable<Path>) s::iterator) {
                if (f.getFileName().toString().startsWith("signIns")) {
                    size += Files.size(f);
                    files++;
                }
            }
        }
        assertTrue(files >= 2, "a tenant of several sign-in files: " + files);
        Evaluator evaluator = new Evaluator(TestRules.base());
        evaluator.evaluate(TenantLoader.load(tenant), TestRules.AS_OF, v -> { }); // classes loaded, code warm
        long before = bytesRead(io);
        Report report = evaluator.evaluate(TenantLoader.load(tenant), TestRules.AS_OF, v -> { });
        long read = bytesRead(io) - before;
        assertTrue(report.summary().signInsEvaluated() > 5_000);
        assertTrue(read >= size, "the files were read: " + read + " bytes of " + size);
        assertTrue(read < size * 3 / 2, read + " bytes read for " + size + " bytes of sign-in files");
    }

    private static long bytesRead(Path io) throws IOException {
        for (String line : Files.readAllLines(io)) {
            if (line.startsWith("rchar:")) return Long.parseLong(line.substring(6).trim());
        }
        throw new IllegalStateException("no rchar in " + io);
    }

    /** Which copy wins does not depend on the order of the files; the counts add up; the copies come last. */
    @Test
    void copiesAreJudgedOnTheirRichestCopyWhateverTheFileOrder() throws Exception {
        // s-bob-1 is in the base file with a succeeded MFA step; its copy here has none: the base copy wins.
        // s-new is read first here without details, then in the third file with an MFA step: the later copy wins.
        for (String first : List.of("a", "z")) {
            Path tenant = base(tmp.resolve("order-" + first));
            String bare = portal("s-new", "2025-11-20T08:00:00Z", "");
            String rich = portal("s-new", "2025-11-20T08:00:00Z",
                    ", \"authenticationRequirement\": \"multiFactorAuthentication\", \"authenticationDetails\": ["
                            + "{\"authenticationMethod\": \"Password\", \"succeeded\": true, \"authenticationStepRequirement\": \"Primary authentication\"},"
                            + "{\"authenticationMethod\": \"Mobile app notification\", \"succeeded\": true, \"authenticationStepRequirement\": \"Multifactor authentication\"}]");
            Files.writeString(tenant.resolve("signIns-" + first + ".json"), bare);
            Files.writeString(tenant.resolve("signIns-" + (first.equals("a") ? "z" : "a") + ".json"), rich);
            Report report = new Evaluator(TestRules.base()).evaluate(TenantLoader.load(tenant), TestRules.AS_OF);
            List<SignInVerdict> verdicts = report.signIns();
            SignInVerdict copy = verdicts.stream().filter(v -> v.id().equals("s-new")).findFirst().orElseThrow();
            assertEquals(Boolean.TRUE, copy.mfaSatisfied(), first + ": the copy with the MFA step is judged");
            assertEquals(1, verdicts.stream().filter(v -> v.id().equals("s-new")).count());
            assertEquals(report.summary().signInsRead(), report.summary().signInsEvaluated() + report.summary().signInsDuplicate()
                    + report.summary().signInsRejected());
            assertEquals(1, report.summary().signInsDuplicate());
            assertEquals("s-new", verdicts.get(verdicts.size() - 1).id(), "a copied sign-in comes after those read once");
        }
    }

    @Test
    void theSpoolIsGoneAfterTheEvaluation() throws Exception {
        Path tenant = base(tmp.resolve("t"));
        Files.writeString(tenant.resolve("signIns-portal.json"), portal("s-other", "2025-11-25T09:00:00Z", ""));
        Set<Path> before = spools();
        Set<Path> during = new HashSet<>();
        Report report = new Evaluator(TestRules.base()).evaluate(TenantLoader.load(tenant), TestRules.AS_OF, v -> {
            Set<Path> now = spools();
            now.removeAll(before);
            during.addAll(now);
        });
        assertTrue(report.summary().signInsEvaluated() > 0);
        assertFalse(during.isEmpty(), "several files: the judged sign-ins wait in a spool");
        for (Path p : during) assertFalse(Files.exists(p), p + " is left behind");
    }

    @Test
    void theSpoolIsGoneAfterAFailure() throws Exception {
        Path tenant = base(tmp.resolve("t"));
        Files.writeString(tenant.resolve("signIns-portal.json"), portal("s-other", "2025-11-25T09:00:00Z", ""));
        Set<Path> before = spools();
        Set<Path> during = new HashSet<>();
        IOException e = assertThrows(IOException.class, () -> new Evaluator(TestRules.base())
                .evaluate(TenantLoader.load(tenant), TestRules.AS_OF, v -> {
                    Set<Path> now = spools();
                    now.removeAll(before);
                    during.addAll(now);
                    throw new IOException("disk full");
                }));
        assertEquals("disk full", e.getMessage());
        assertFalse(during.isEmpty());
        for (Path p : during) assertFalse(Files.exists(p), p + " is left behind");
        // and after an interruption (a batch's time limit runs out while the spool is replayed)
        Set<Path> interrupted = new HashSet<>();
        try {
            assertThrows(CancellationException.class, () -> new Evaluator(TestRules.base()).onOneThread()
                    .evaluate(TenantLoader.load(tenant), TestRules.AS_OF, v -> {
                        Set<Path> now = spools();
                        now.removeAll(before);
                        interrupted.addAll(now);
                        Thread.currentThread().interrupt();
                    }));
        } finally {
            Thread.interrupted();
        }
        assertFalse(interrupted.isEmpty());
        for (Path p : interrupted) assertFalse(Files.exists(p), p + " is left behind after an interruption");
    }

    /** A run killed outright leaves its spool behind; the next spool made removes it, never one of a live run. */
    @Test
    void aSpoolLeftByAKilledRunIsRemovedByTheNextOne() throws Exception {
        Path tenant = base(tmp.resolve("t"));
        Files.writeString(tenant.resolve("signIns-portal.json"), portal("s-other", "2025-11-25T09:00:00Z", ""));
        Path folder = Files.createDirectories(tmp.resolve("spools"));
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path leftOver = Files.writeString(folder.resolve("mfa-eval-sign-ins-" + gone.pid() + "-123.spool"), "x");
        long alive = ProcessHandle.current().parent().orElseThrow().pid();
        Path another = Files.writeString(folder.resolve("mfa-eval-sign-ins-" + alive + "-456.spool"), "x");
        Path notOurs = Files.writeString(folder.resolve("mfa-eval-sign-ins-notes.txt"), "x");
        String was = System.getProperty("java.io.tmpdir");
        System.setProperty("java.io.tmpdir", folder.toString());
        try {
            new Evaluator(TestRules.base()).evaluate(TenantLoader.load(tenant), TestRules.AS_OF, v -> { });
        } finally {
            System.setProperty("java.io.tmpdir", was);
        }
        assertFalse(Files.exists(leftOver), "the spool of a process that is gone is removed");
        assertTrue(Files.exists(another), "a live run's spool is left alone");
        assertTrue(Files.exists(notOurs), "only spools are touched");
        try (Stream<Path> s = Files.list(folder)) {
            assertEquals(2, s.count(), "this run's own spool is gone too");
        }
    }

    /** No folder for the spool: the tenant fails, naming the folder and the way out, never a report half counted. */
    @Test
    void aSpoolThatCannotBeMadeFailsTheTenantNamingItsFolder() throws Exception {
        Path tenant = base(tmp.resolve("t"));
        Files.writeString(tenant.resolve("signIns-portal.json"), portal("s-other", "2025-11-25T09:00:00Z", ""));
        Path gone = tmp.resolve("no-such-folder");
        String was = System.getProperty("java.io.tmpdir");
        System.setProperty("java.io.tmpdir", gone.toString());
        try {
            SpoolFailed e = assertThrows(SpoolFailed.class,
                    () -> new Evaluator(TestRules.base()).evaluate(TenantLoader.load(tenant), TestRules.AS_OF, v -> { }));
            assertTrue(e.getMessage().contains("could not be made in " + gone), e.getMessage());
            java.io.StringWriter err = new java.io.StringWriter();
            picocli.CommandLine cli = new picocli.CommandLine(new io.github.mfaeval.cli.Main());
            cli.setErr(new java.io.PrintWriter(err));
            cli.setOut(new java.io.PrintWriter(new java.io.StringWriter()));
            int code = cli.execute("evaluate", tenant.toString(), "--as-of", TestRules.AS_OF.toString(), "--rules",
                    TestRules.PROJECT.resolve("rules").toString(), "--edition", "2024-09-24");
            assertEquals(2, code, err.toString());
            assertTrue(err.toString().contains("cannot evaluate " + tenant + ": the temporary file of the judged sign-ins"), err.toString());
            assertTrue(err.toString().contains("-Djava.io.tmpdir=DIR"), err.toString());
            assertFalse(err.toString().contains("cannot read"), "the tenant's folder is not to blame: " + err);
        } finally {
            System.setProperty("java.io.tmpdir", was);
        }
    }

    private static Set<Path> spools() throws IOException {
        try (Stream<Path> s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return new HashSet<>(s.filter(p -> p.getFileName().toString().startsWith("mfa-eval-sign-ins-")).toList());
        }
    }

    private static String portal(String id, String created, String more) {
        return "[{\"id\": \"" + id + "\", \"createdDateTime\": \"" + created + "\", \"userId\": \"u-bob\","
                + " \"userPrincipalName\": \"bob@contoso.example\", \"appId\": \"" + APP + "\", \"status\": {\"errorCode\": 0}" + more + "}]";
    }

    private static Path base(Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(BASE)) {
            for (Path f : (Iterable<Path>) files::iterator) Files.copy(f, to.resolve(f.getFileName().toString()));
        }
        return to;
    }
}
