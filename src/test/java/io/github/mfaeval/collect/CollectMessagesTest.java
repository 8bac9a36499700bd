package io.github.mfaeval.collect;

import io.github.mfaeval.TestRules;
import io.github.mfaeval.report.TextRenderer;
import io.github.mfaeval.result.Report;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What collect says about a folder it is asked to fill, and what a report says about a collection that never finished. */
class CollectMessagesTest {
    private static final Path NORTHWIND = TestRules.EXAMPLES.resolve("northwind-guests");

    @Test
    void aTenantJsonWithAFixedAsOfIsWarnedAbout(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("n");
        Files.createDirectories(out);
        // a snapshot's manifest, "asOf": "2025-11-28", left in the folder collected into
        Files.copy(NORTHWIND.resolve("tenant.json"), out.resolve("tenant.json"));
        try (FakeGraph fake = new FakeGraph(NORTHWIND, 50)) {
            List<String> log = new ArrayList<>();
            HostileServerTest.collect(fake.url(), out, RequestLimits.DEFAULT, log);
            assertTrue(log.stream().anyMatch(l -> l.contains("warning: tenant.json carries a fixed asOf 2025-11-28: evaluate and batch judge "
                    + "this folder as of that date, not today")), log.toString());
            assertTrue(Files.readString(out.resolve("collection.json")).contains("carries a fixed asOf 2025-11-28"));
        }
    }

    @Test
    void aCollectionKilledHalfWayIsNeverCalledComplete(@TempDir Path tmp) throws Exception {
        Path folder = tmp.resolve("t");
        Files.createDirectories(folder);
        try (Stream<Path> files = Files.list(NORTHWIND)) {
            for (Path f : files.toList()) Files.copy(f, folder.resolve(f.getFileName()));
        }
        // what collection.json holds when the process is killed after its third file: no finishedAt, no "complete"
        Files.writeString(folder.resolve("collection.json"), """
                {"tool": "mfa-eval 1.0", "tenant": "northwind.example", "auth": "token", "startedAt": "2025-11-28T02:00:00Z",
                 "signInWindow": {"from": "2025-10-29T02:00:00Z", "to": "2025-11-28T02:00:00Z", "days": 30, "basis": "--days 30"},
                 "files": [{"name": "tenant.json", "status": "collected"}, {"name": "users.json", "status": "collected", "records": 12},
                           {"name": "userRegistrationDetails.json", "status": "collected", "records": 12}],
                 "warnings": []}
                """);
        Report r = TestRules.evaluate(folder);
        StringWriter text = new StringWriter();
        new TextRenderer().render(r, text);
        assertFalse(text.toString().contains("every file collected"), text.toString());
        assertTrue(text.toString().contains("the collection did not finish (killed or interrupted; collect --resume finishes it): "
                + "3 file(s) collected before it stopped"), text.toString());
    }
}
