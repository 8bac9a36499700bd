package io.github.mfaeval.engine;

import io.github.mfaeval.TestRules;
import io.github.mfaeval.load.TenantLoader;
import io.github.mfaeval.result.Report;
import io.github.mfaeval.result.SignInVerdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
     * A sign-in file that can be opened as often as the evaluation likes, but only as a named pipe: each open for
     * reading is counted. A tenant of several files must open each as often as a tenant of one file does (the
     * pre-scan of the ids read every file twice).
     */
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void everyFileOfATenantWithSeveralFilesIsReadOnce() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(new java.io.File("/usr/bin/mkfifo").canExecute(), "needs mkfifo");
        int alone = opensOfThePipe(false);
        int withAnother = opensOfThePipe(true);
        assertTrue(alone >= 1, "the pipe is a sign-in file: " + alone);
        assertEquals(alone, withAnother, "a tenant of several files opens its files as often as a tenant of one");
    }

    private int opensOfThePipe(boolean anotherFile) throws Exception {
        Path tenant = base(tmp.resolve(anotherFile ? "two" : "one"));
        Files.delete(tenant.resolve("signIns.json"));
        String records = Files.readString(BASE.resolve("signIns.json"));
        Path pipe = tenant.resolve("signIns.json");
        Process mk = new ProcessBuilder("/usr/bin/mkfifo", pipe.toString()).inheritIO().start();
        assertEquals(0, mk.waitFor());
        if (anotherFile) Files.writeString(tenant.resolve("signIns-portal.json"), portal("s-other", "2025-11-25T09:00:00Z", ""));
        AtomicInteger opens = new AtomicInteger();
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        Thread writer = new Thread(() -> {
            while (!stop.get()) {
                try (OutputStream out = Files.newOutputStream(pipe)) { // blocks until a reader opens the pipe
                    if (stop.get()) return;
                    opens.incrementAndGet();
                    out.write(records.getBytes(StandardCharsets.UTF_8));
                } catch (IOException e) {
                    // the reader closed early (a look at the first bytes): the next open is another read
                }
            }
        }, "pipe writer");
        writer.setDaemon(true);
        writer.start();
        try {
            Report report = new Evaluator(TestRules.base()).evaluate(TenantLoader.load(tenant), TestRules.AS_OF);
            assertTrue(report.summary().signInsEvaluated() > 0);
        } finally {
            stop.set(true);
            try (InputStream unblock = Files.newInputStream(pipe)) { // lets the writer's last open return
                unblock.readAllBytes();
            }
            writer.join(10_000);
        }
        return opens.get();
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
