package io.github.mfaeval.report;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.mfaeval.TestRules;
import io.github.mfaeval.generate.TenantGenerator;
import io.github.mfaeval.result.Report;
import io.github.mfaeval.result.SubjectNames;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.github.mfaeval.report.HtmlReportInBrowserTest.assertScriptsRanWithoutErrors;
import static io.github.mfaeval.report.HtmlReportInBrowserTest.bodyRows;
import static io.github.mfaeval.report.HtmlReportInBrowserTest.count;
import static io.github.mfaeval.report.HtmlReportInBrowserTest.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A tenant with more users than one page of a table: the page carries only the first page of each long table as
 * rows and the rest as data, so it opens fast; the browser still reaches every row by paging, filtering, sorting
 * and following a link, in the order the renderer wrote them.
 */
class LongTablesInBrowserTest {
    private static final int USERS = 260;
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path dir;
    static Report report;
    static String html;
    static Path page;

    @BeforeAll
    static void render() throws IOException {
        Path tenant = dir.resolve("tenant");
        new TenantGenerator(7, USERS, 600, false).write(0, tenant);
        report = TestRules.evaluate(tenant);
        assertTrue(report.users().size() > HtmlRenderer.PAGE_SIZE, "the generated tenant has more than one page of users");
        page = HtmlReportInBrowserTest.write("long-tables", report);
        html = Files.readString(page);
    }

    @Test
    void theFirstPageIsRowsAndTheRestIsDataOfTheSameRows() throws IOException {
        String users = table(html, "users-table");
        assertEquals(HtmlRenderer.PAGE_SIZE, bodyRows(users), "the first page as rows");
        List<String> later = laterRows("users-table");
        assertEquals(report.users().size() - HtmlRenderer.PAGE_SIZE, later.size(), "every other user as data");
        List<String> ids = new ArrayList<>(ids(users));
        for (String row : later) {
            assertTrue(row.startsWith("<tr id=\"user-"), row);
            ids.addAll(ids(row));
        }
        assertEquals(report.users().size(), ids.stream().distinct().count(), "each user once, none lost");
        assertTrue(html.contains("<noscript><p class=\"note\">Showing the first " + HtmlRenderer.PAGE_SIZE + " of " + report.users().size()
                + " users"), "without scripts the page says where the rest is");
        int block = html.indexOf("<script type=\"application/json\" data-rows=\"users-table\"");
        String data = html.substring(html.indexOf('>', block) + 1, html.indexOf("</script>", block));
        assertFalse(data.contains("</") || data.contains("<!"), "nothing in the data can close the block or open a comment");
    }

    @Test
    void pagingFilteringAndLinksReachEveryRow() {
        HeadlessChromium chromium = HeadlessChromium.forTest();
        String dom = chromium.dumpDom(page.toUri());
        assertScriptsRanWithoutErrors(dom);
        int all = report.users().size();
        assertTrue(dom.contains(">" + all + " of " + all + " shown</output>"), "the count includes the rows not yet added");
        assertEquals(HtmlRenderer.PAGE_SIZE, bodyRows(table(dom, "users-table")), "opening the page adds no row");
        assertTrue(dom.contains("<output>Page 1 of " + (all + HtmlRenderer.PAGE_SIZE - 1) / HtmlRenderer.PAGE_SIZE + "</output>"), "pager");

        // A link to a user on the last page: every row is added, that one shown with its "why" open.
        String last = "user-" + all;
        String linked = chromium.dumpDom(URI.create(page.toUri() + "#" + last));
        assertScriptsRanWithoutErrors(linked);
        String users = table(linked, "users-table");
        assertEquals(all, bodyRows(users), "all rows are in the table once a link needs one of them");
        assertFalse(linked.contains("data-rows=\"users-table\""), "the data block is gone once its rows are added");
        String row = users.substring(users.indexOf("<tr id=\"" + last + "\""));
        row = row.substring(0, row.indexOf("</tr>"));
        assertFalse(row.startsWith("<tr id=\"" + last + "\" hidden"), "the linked row is shown: " + row);
        assertTrue(row.contains("<details open=\"\">"), "its why is open");
        List<String> order = ids(table(html, "users-table"));
        laterRows("users-table").forEach(r -> order.addAll(ids(r)));
        assertEquals(order, ids(users), "rows keep the renderer's order");

        // ?q= filters the findings by text: the filter searches the rows that were data too.
        String subject = report.findings().get(report.findings().size() - 1).subject();
        String name = new SubjectNames(report).of(subject);
        long expected = report.findings().stream().filter(f -> new SubjectNames(report).of(f.subject()).equals(name)).count();
        String filtered = chromium.dumpDom(URI.create(page.toUri() + "?q=" + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8)));
        assertScriptsRanWithoutErrors(filtered);
        String findings = table(filtered, "findings-table");
        int visible = count(findings, "<tr data-severity=\"[A-Z]+\">");
        assertTrue(visible >= expected && visible > 0, "the filtered finding rows are shown: " + visible + " for " + name);
        assertEquals(report.findings().size(), bodyRows(findings), "filtering added every finding row");
    }

    private static List<String> laterRows(String table) {
        int block = html.indexOf("<script type=\"application/json\" data-rows=\"" + table + "\"");
        assertTrue(block >= 0, "a data block for " + table);
        String data = html.substring(html.indexOf('>', block) + 1, html.indexOf("</script>", block));
        try {
            return JSON.readValue(data, new TypeReference<List<String>>() { });
        } catch (IOException e) {
            throw new AssertionError("the data block of " + table + " is not a JSON list of strings", e);
        }
    }

    private static List<String> ids(String rows) {
        List<String> ids = new ArrayList<>();
        Matcher m = Pattern.compile("<tr id=\"(user-\\d+)\"").matcher(rows);
        while (m.find()) ids.add(m.group(1));
        return ids;
    }
}
