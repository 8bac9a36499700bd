package io.github.mfaeval.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.github.mfaeval.TestRules;
import io.github.mfaeval.cli.Main;
import io.github.mfaeval.report.AtomicFile;
import io.github.mfaeval.report.JsonRenderer;
import io.github.mfaeval.result.Report;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A batch killed part way (a real process kill, as by the OOM killer or a reboot) leaves only whole reports,
 * and resuming it gives exactly what an uninterrupted run gives, timestamps aside.
 */
class KillAndResumeTest {
    static final int TENANTS = 400;

    @TempDir
    Path temp;

    @Test
    void aKilledRunResumedGivesTheSameOutputAsAnUninterruptedRun() throws Exception {
        Path root = temp.resolve("tenants");
        GeneratedTenants.generate(root, TENANTS);
        Files.writeString(root.resolve(GeneratedTenants.name(TENANTS - 1)).resolve("tenant.json"), "not json");
        Path killed = temp.resolve("killed");
        Path whole = temp.resolve("whole");

        Process child = new ProcessBuilder(List.of(javaBinary(), "-XX:TieredStopAtLevel=1", "-Xss4m",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "batch", root.toString(), "--out", killed.toString(), "--as-of", "2025-11-28", "--threads", "1",
                "--rules", TestRules.RULES.toString()))
                .redirectErrorStream(true).redirectOutput(temp.resolve("child.log").toFile()).start();
        try {
            awaitReports(child, killed, 5);
        } finally {
            child.destroyForcibly();
            child.waitFor(60, TimeUnit.SECONDS);
        }
        assertFalse(Files.exists(killed.resolve("summary.json")), "the run was killed before it finished");
        Map<Path, FileTime> survivors = reports(killed);
        assertTrue(survivors.size() >= 5 && survivors.size() < TENANTS, "killed part way: " + survivors.size() + " reports");
        for (Path report : survivors.keySet()) {
            // Written whole or not at all: every report that exists is complete JSON.
            JsonRenderer.MAPPER.readValue(killed.resolve(report).toFile(), Report.class);
        }

        String[] common = {"--as-of", "2025-11-28", "--threads", "2", "--rules", TestRules.RULES.toString()};
        int resumed = quietly(concat(new String[] {"batch", root.toString(), "--out", killed.toString(), "--resume"}, common));
        int uninterrupted = quietly(concat(new String[] {"batch", root.toString(), "--out", whole.toString()}, common));

        assertEquals(Main.TENANTS_FAILED, uninterrupted, "one tenant is broken");
        assertEquals(uninterrupted, resumed);
        Map<Path, FileTime> after = reports(killed);
        for (Map.Entry<Path, FileTime> kept : survivors.entrySet()) {
            assertEquals(kept.getValue(), after.get(kept.getKey()), kept.getKey() + " was current: resume keeps it, not redoes it");
        }
        List<Path> files = files(killed);
        assertEquals(files(whole), files, "the same files, and no temporary file left behind");
        for (Path f : files) {
            if (f.toString().startsWith("summary")) continue;
            if (f.toString().equals("index.html")) {
                // The page shows when the run started and ended; everything else must be the same.
                assertEquals(htmlWithoutTimes(whole.resolve(f)), htmlWithoutTimes(killed.resolve(f)));
                continue;
            }
            assertArrayEquals(Files.readAllBytes(whole.resolve(f)), Files.readAllBytes(killed.resolve(f)), f.toString());
        }
        assertEquals(withoutTimes(whole.resolve("summary.json")), withoutTimes(killed.resolve("summary.json")));
        assertEquals(csvWithoutTimes(whole.resolve("summary.csv")), csvWithoutTimes(killed.resolve("summary.csv")));
    }

    private static String htmlWithoutTimes(Path page) throws IOException {
        return Files.readString(page).replaceAll("<time datetime=\"[0-9-]+T[^\"]*\">[^<]*</time>", "<time/>");
    }

    private static void awaitReports(Process child, Path out, int count) throws Exception {
        // A bound so a broken child cannot hang the build; not a statement about speed.
        long giveUp = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (reports(out).size() < count) {
            if (!child.isAlive()) fail("the batch ended before it could be killed (exit " + child.exitValue() + ")");
            if (System.nanoTime() > giveUp) fail("no reports appeared");
            Thread.sleep(10);
        }
    }

    /**
     * Report files (relative paths) with their modification times. Lists tenant folders rather than walking
     * the tree, since a running batch renames temporary files away while they are being looked at.
     */
    private static Map<Path, FileTime> reports(Path out) throws IOException {
        Map<Path, FileTime> found = new TreeMap<>();
        Path tenants = out.resolve("tenants");
        if (!Files.isDirectory(tenants)) return found;
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(tenants)) {
            for (Path dir : dirs) {
                Path report = dir.resolve("report.json");
                if (Files.isRegularFile(report)) found.put(out.relativize(report), Files.getLastModifiedTime(report));
            }
        }
        return found;
    }

    private static List<Path> files(Path out) throws IOException {
        List<Path> all = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(out)) {
            walk.filter(Files::isRegularFile).forEach(p -> all.add(out.relativize(p)));
        }
        all.sort(null);
        assertTrue(all.stream().noneMatch(AtomicFile::isTemporary), all::toString);
        return all;
    }

    private static JsonNode withoutTimes(Path summary) throws IOException {
        JsonNode json = JsonRenderer.MAPPER.readTree(summary.toFile());
        ((ObjectNode) json.get("run")).remove(List.of("startedAt", "endedAt"));
        return json;
    }

    private static List<List<String>> csvWithoutTimes(Path csv) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (MappingIterator<List<String>> it = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY)
                .readerForListOf(String.class).readValues(csv.toFile())) {
            it.forEachRemaining(rows::add);
        }
        int started = rows.get(0).indexOf("runStartedAt");
        int ended = rows.get(0).indexOf("runEndedAt");
        assertTrue(started > 0 && ended > 0, rows.get(0)::toString);
        for (List<String> row : rows.subList(1, rows.size())) {
            row.set(started, "");
            row.set(ended, "");
        }
        return rows;
    }

    /** Runs the CLI with its 400 log lines kept out of the build's output. */
    private int quietly(String... args) throws IOException {
        PrintStream err = System.err;
        try (PrintStream log = new PrintStream(Files.newOutputStream(temp.resolve("in-process.log"),
                StandardOpenOption.CREATE, StandardOpenOption.APPEND), true, StandardCharsets.UTF_8)) {
            System.setErr(log);
            return Main.run(args);
        } finally {
            System.setErr(err);
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = new String[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
