package io.github.mfaeval.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.mfaeval.TestRules;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The period the activity log covers is shown wherever the Phase 2 write counts are (issue 24): a reader can
 * tell a log of last week from one of last January, in every format, with the same days everywhere.
 */
class ActivityLogPeriodTest {
    private static final String EDITION = "2026-04-03";
    private static final String PERIOD = "events from 2025-09-15 to 2025-11-22";

    private static CliTest.Run evaluate(Path out, String... format) {
        List<String> args = new java.util.ArrayList<>(List.of("evaluate", TestRules.EXAMPLES.resolve("fabrikam-gaps").toString(),
                "--rules", TestRules.RULES.toString(), "--edition", EDITION, "-o", out.toString()));
        args.addAll(List.of(format));
        return CliTest.run(args.toArray(String[]::new));
    }

    @Test
    void everyFormatShowsThePeriodOfTheActivityLog(@TempDir Path tmp) throws IOException {
        evaluate(tmp.resolve("r.json"));
        JsonNode period = new ObjectMapper().readTree(tmp.resolve("r.json").toFile()).at("/inputs/activityLogPeriod");
        assertEquals("2025-09-15T14:20:00Z", period.path("first").asText(), period.toString());
        assertEquals("2025-11-22T02:31:00Z", period.path("last").asText(), period.toString());

        evaluate(tmp.resolve("r.txt"));
        assertTrue(Files.readString(tmp.resolve("r.txt")).contains(PERIOD), Files.readString(tmp.resolve("r.txt")));
        evaluate(tmp.resolve("r.md"));
        assertTrue(Files.readString(tmp.resolve("r.md")).replace("\\", "").contains(PERIOD), "Markdown, its escapes aside");
        evaluate(tmp.resolve("r.html"));
        assertTrue(Files.readString(tmp.resolve("r.html")).contains("<span id=\"activity-log-period\">" + PERIOD + "</span>"));

        evaluate(tmp.resolve("csv"), "--format", "csv");
        List<String> rows = Files.readAllLines(tmp.resolve("csv/sign-in-period.csv"));
        assertTrue(rows.stream().anyMatch(r -> r.startsWith("activityLog,") && r.endsWith(",2025-09-15T14:20:00Z,2025-11-22T02:31:00Z")), rows.toString());

        evaluate(tmp.resolve("r.xlsx"));
        boolean found = false;
        try (InputStream in = Files.newInputStream(tmp.resolve("r.xlsx")); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            for (Row row : wb.getSheetAt(0)) for (Cell c : row) found |= c.toString().contains(PERIOD);
        }
        assertTrue(found, "the summary sheet names the activity log's period");
    }
}
