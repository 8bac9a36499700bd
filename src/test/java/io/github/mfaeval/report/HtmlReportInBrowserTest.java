package io.github.mfaeval.report;

import io.github.mfaeval.result.Report;
import io.github.mfaeval.result.ScheduleEntry;
import io.github.mfaeval.result.SubjectNames;
import io.github.mfaeval.TestRules;
import io.github.mfaeval.batch.BatchRunner;
import io.github.mfaeval.batch.BatchSummary;
import io.github.mfaeval.batch.Progress;
import io.github.mfaeval.batch.TenantEvaluation;
import io.github.mfaeval.model.Finding;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each example tenant's HTML report, opened in headless Chromium: the page loads without script errors or
 * blocked resources, and shows the status, the schedule and the findings; and a batch's index.html, with its
 * tenant rows. Leaves the pages in
 * target/html-reports and screenshots in target/screenshots for review.
 * <p>
 * Skipped only when chromium is not installed; CI (.ci/run) installs it and sets MFA_EVAL_REQUIRE_CHROMIUM=1,
 * so there a missing browser fails instead of skipping silently.
 */
class HtmlReportInBrowserTest {
    static final Path PAGES = TestRules.PROJECT.resolve("target/html-reports");
    static final Path SCREENSHOTS = TestRules.PROJECT.resolve("target/screenshots");
    static HeadlessChromium chromium;

    @BeforeAll
    static void findChromium() {
        chromium = HeadlessChromium.forTest();
    }

    static Path write(String name, Report report) throws IOException {
        Files.createDirectories(PAGES);
        Path page = PAGES.resolve(name + ".html");
        try (Writer out = Files.newBufferedWriter(page, StandardCharsets.UTF_8)) {
            new HtmlRenderer().render(report, out);
        }
        return page;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"contoso-ready", "fabrikam-gaps", "northwind-guests"})
    void pageLoadsWithoutErrorsAndShowsStatusScheduleAndFindings(String tenant) throws IOException {
        Report r = TestRules.evaluate(TestRules.EXAMPLES.resolve(tenant));
        String dom = chromium.dumpDom(write(tenant, r).toUri());
        assertScriptsRanWithoutErrors(dom);

        String label = switch (r.status()) {
            case READY -> "Ready";
            case ACTION_REQUIRED -> "Action required";
            case INCOMPLETE -> "Incomplete";
        };
        assertTrue(dom.contains("<span id=\"status\" class=\"status-badge status-" + r.status() + "\">" + label + "</span>"), "status shown");

        String schedule = table(dom, "schedule-table");
        assertEquals(r.schedule().size(), bodyRows(schedule), "one row per phase");
        for (ScheduleEntry s : r.schedule()) {
            assertTrue(schedule.contains("<td class=\"nowrap\">Phase " + s.phase() + "</td>"), "phase " + s.phase());
            assertTrue(schedule.contains(">" + s.start() + "</time>"), "start of phase " + s.phase());
            assertTrue(schedule.contains(s.postponed() ? "Yes, to " + s.start() : "<td>No</td>"), "postponed or not");
        }

        int n = r.findings().size();
        if (n == 0) {
            assertTrue(dom.contains("No findings."));
        } else {
            assertEquals(n, bodyRows(table(dom, "findings-table")), "one row per finding");
            assertTrue(dom.contains(">" + n + " of " + n + " shown</output>"), "the script counted the findings");
        }
    }

    @Test
    void aLinkCanFilterTheFindingsAndOpenAUsersWhy() throws IOException {
        Report r = TestRules.evaluate(TestRules.EXAMPLES.resolve("fabrikam-gaps"));
        SubjectNames names = new SubjectNames(r);
        long expected = r.findings().stream().filter(f -> rowText(f, names).contains("svc-backup")).count();
        assertTrue(expected > 0 && expected < r.findings().size());
        URI page = URI.create(write("fabrikam-gaps", r).toUri() + "?q=svc-backup#user-2");
        String dom = chromium.dumpDom(page);
        assertScriptsRanWithoutErrors(dom);
        assertTrue(dom.contains(">" + expected + " of " + r.findings().size() + " shown</output>"), "filtered count");
        String findings = table(dom, "findings-table");
        assertEquals(r.findings().size() - expected, count(findings, "<tr data-severity=\"[A-Z]+\" hidden=\"\">"), "rows hidden by the filter");
        String user = dom.substring(dom.indexOf("<tr id=\"user-2\">"));
        user = user.substring(0, user.indexOf("</tr>"));
        assertTrue(user.contains("<details open=\"\">"), "the linked user's why is open: " + user);
    }

    @Test
    void hostileNamesArriveAsTextInTheBrowser(@TempDir Path dir) throws IOException {
        String dom = chromium.dumpDom(write("hostile-names", HostileTenant.evaluate(dir)).toUri());
        assertScriptsRanWithoutErrors(dom);
        assertEquals(2, count(dom, "<script"), "only the page's own scripts");
        assertEquals(0, count(dom, "<img"), "no injected element");
        Matcher tag = Pattern.compile("<[a-zA-Z][^>]*>").matcher(dom);
        while (tag.find()) {
            String attrs = tag.group().replaceAll("\"[^\"]*\"", "\"\"");
            assertFalse(attrs.matches("(?s).*\\son[a-z]+=.*"), () -> "event handler attribute in " + tag.group());
        }
        assertTrue(dom.contains("<h1 id=\"tenant-name\">&lt;script&gt;alert(1)&lt;/script&gt; Fabrikam &amp; Co"), "tenant name as text");
        assertTrue(dom.contains("fay\" onmouseover=\"alert(2)@fabrikam.com</td>"), "UPN with quotes as text in a cell");
    }

    @Test
    void theBatchIndexLoadsWithoutErrorsAndShowsTheTenantRows(@TempDir Path temp) throws IOException {
        Path root = temp.resolve("tenants");
        try (var examples = Files.list(TestRules.EXAMPLES)) {
            for (Path tenant : examples.toList()) {
                Path to = Files.createDirectories(root.resolve(tenant.getFileName().toString()));
                try (var files = Files.list(tenant)) {
                    for (Path f : files.toList()) Files.copy(f, to.resolve(f.getFileName()));
                }
            }
        }
        Files.createDirectories(root.resolve("broken"));
        Files.writeString(root.resolve("broken/tenant.json"), "not json");
        Path out = temp.resolve("out");
        BatchRunner.Options options = new BatchRunner.Options(root, out, TestRules.AS_OF, 2, false, null, null, "test");
        BatchSummary summary = new BatchRunner(TestRules.base(), options, TenantEvaluation.standard(TestRules.base()),
                new Progress(new PrintWriter(Writer.nullWriter()), false, System::nanoTime), Clock.systemUTC()).run();

        Path index = out.resolve("index.html");
        String dom = chromium.dumpDom(index.toUri());
        assertScriptsRanWithoutErrors(dom);
        String tenants = table(dom, "tenants-table");
        assertEquals(4, bodyRows(tenants), "one row per tenant");
        for (var row : summary.tenants()) assertTrue(tenants.contains("<tr data-tenant=\"" + row.tenant() + "\">"), row.tenant());
        assertTrue(dom.contains(">4 of 4 shown</output>"), "the script counted the tenants");
        assertTrue(tenants.contains("status-FAILED"), "the broken tenant's status");
        chromium.screenshot(index.toUri(), SCREENSHOTS.resolve("batch-index.png"), 1280, 1400);
    }

    @Test
    void screenshotsForReview() throws IOException {
        for (String tenant : new String[] {"contoso-ready", "fabrikam-gaps"}) {
            Path page = write(tenant, TestRules.evaluate(TestRules.EXAMPLES.resolve(tenant)));
            Path png = SCREENSHOTS.resolve(tenant + ".png");
            chromium.screenshot(page.toUri(), png, 1280, 2000);
            byte[] bytes = Files.readAllBytes(png);
            assertTrue(bytes.length > 20_000, tenant + ": a real picture, not a blank page (" + bytes.length + " bytes)");
            assertEquals("\u0089PNG", new String(bytes, 0, 4, StandardCharsets.ISO_8859_1));
        }
    }

    static void assertScriptsRanWithoutErrors(String dom) {
        Matcher html = Pattern.compile("<html\\b[^>]*>").matcher(dom);
        assertTrue(html.find(), "a page");
        assertFalse(html.group().contains("data-errors"), () -> "script errors or blocked resources: " + errors(dom));
        assertTrue(Pattern.compile("<body\\b[^>]*\\bdata-ready=\"1\"").matcher(dom).find(), "the page's script ran to the end");
        assertTrue(html.group().contains("class=\"js\""), "the script enabled the controls");
    }

    private static String errors(String dom) {
        int at = dom.indexOf("id=\"page-errors\"");
        return at < 0 ? "(no error box)" : dom.substring(at, Math.min(dom.length(), dom.indexOf("</div>", at)));
    }

    static String table(String dom, String id) {
        int start = dom.indexOf("<table id=\"" + id + "\"");
        assertTrue(start >= 0, "table " + id + " is on the page");
        return dom.substring(start, dom.indexOf("</table>", start));
    }

    static int bodyRows(String table) {
        return count(table.substring(table.indexOf("<tbody>")), "<tr[ >]");
    }

    static int count(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        int n = 0;
        while (m.find()) n++;
        return n;
    }

    /** The text of a finding's row, as the page's filter sees it. */
    private static String rowText(Finding f, SubjectNames names) {
        return String.join(" ", f.severity().name(), f.code(), names.of(f.subject()), f.message(), String.valueOf(f.section()), f.rule())
                .toLowerCase(Locale.ROOT);
    }
}
