package io.github.mfaeval.batch;

import io.github.mfaeval.TestRules;
import io.github.mfaeval.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One batch per output folder at a time, with real second processes: a run finding the folder locked exits 2
 * naming the holder, and the lock of a killed run is taken over by the next one.
 */
class OutLockTest {
    @TempDir
    Path temp;

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private Path tenants() throws IOException {
        Path root = temp.resolve("tenants");
        Files.createDirectories(root);
        Path t = Files.createDirectories(root.resolve("contoso-ready"));
        try (var files = Files.list(TestRules.EXAMPLES.resolve("contoso-ready"))) {
            for (Path f : (Iterable<Path>) files::iterator) Files.copy(f, t.resolve(f.getFileName()));
        }
        return root;
    }

    @Test
    void aSecondBatchProcessOnTheSameOutExits2NamingTheHolder() throws Exception {
        Path root = tenants();
        Path out = Files.createDirectories(temp.resolve("out"));
        Instant started = Instant.parse("2025-11-28T01:02:03Z");
        try (OutLock held = OutLock.acquire(out, started)) {
            Process second = new ProcessBuilder(List.of(java(), "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                    Main.class.getName(), "batch", root.toString(), "--out", out.toString(), "--as-of", "2025-11-28",
                    "--rules", TestRules.RULES.toString()))
                    .redirectErrorStream(true).start();
            String output = new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(second.waitFor(120, TimeUnit.SECONDS));
            assertEquals(Main.ERROR, second.exitValue(), output);
            assertTrue(output.contains("is in use by another batch run (pid " + ProcessHandle.current().pid()
                    + ", started 2025-11-28T01:02:03Z"), output);
            assertTrue(Files.notExists(out.resolve("summary.json")), "the second run wrote nothing");
        }
    }

    @Test
    void theLockOfAKilledRunIsTakenOverAndALiveOneIsNot() throws Exception {
        Path root = tenants();
        Path out = Files.createDirectories(temp.resolve("out"));
        Process holder = new ProcessBuilder(List.of(java(), "-cp", System.getProperty("java.class.path"),
                LockHolder.class.getName(), out.toString())).redirectErrorStream(true).start();
        long pid;
        try {
            BufferedReader r = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            String line = r.readLine();
            assertTrue(line != null && line.startsWith("locked "), "the holder took the lock: " + line);
            pid = Long.parseLong(line.substring("locked ".length()));

            BatchTestSupport live = new BatchTestSupport();
            OutLock.Held e = assertThrows(OutLock.Held.class, () -> live.run(root, out, null));
            assertTrue(e.getMessage().contains("(pid " + pid + ", started "), e.getMessage());
        } finally {
            holder.destroyForcibly(); // kill -9: the holder never releases its lock nor empties the file
            holder.waitFor(60, TimeUnit.SECONDS);
        }
        assertTrue(Files.readString(out.resolve(OutLock.FILE)).startsWith("pid " + pid), "the killed run's lock file is left behind");

        BatchTestSupport next = new BatchTestSupport();
        BatchSummary s = next.run(root, out, null);
        assertEquals(1, s.totals().tenants());
        assertTrue(next.log.toString().contains("took over the lock of an earlier run that did not finish (pid " + pid + ", started "),
                next.log::toString);
        assertEquals("", Files.readString(out.resolve(OutLock.FILE)), "a run that finishes leaves the lock file empty");
    }
}
