package io.github.mfaeval.cli;

import io.github.mfaeval.TestRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code evaluate --format xlsx -o f.xlsx} in a fresh JVM, as a user runs it: stderr holds no line of a library's
 * logging (POI's "Log4j API could not find a logging provider"). A fresh JVM, since Log4j speaks once per process.
 */
class QuietLibrariesTest {
    @Test
    void anXlsxReportPrintsNoLog4jLine(@TempDir Path tmp) throws Exception {
        Path xlsx = tmp.resolve("r.xlsx");
        Path err = tmp.resolve("err.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "evaluate", TestRules.EXAMPLES.resolve("fabrikam-gaps").toString(), "--format", "xlsx", "-o", xlsx.toString())
                .directory(TestRules.PROJECT.toFile()).redirectError(err.toFile()).redirectOutput(tmp.resolve("out.txt").toFile()).start();
        assertTrue(p.waitFor(10, TimeUnit.MINUTES), "ended");
        String stderr = Files.readString(err);
        assertEquals(Main.ACTION_REQUIRED, p.exitValue(), stderr);
        assertTrue(Files.size(xlsx) > 0);
        assertFalse(stderr.contains("Log4j") || stderr.contains("StatusLogger"), stderr);
    }
}
