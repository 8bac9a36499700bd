package io.github.mfaeval.report;

import io.github.mfaeval.result.Report;
import io.github.mfaeval.TestRules;
import io.github.mfaeval.batch.BatchRunner;
import io.github.mfaeval.batch.Progress;
import io.github.mfaeval.batch.TenantEvaluation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tenant page and the batch index as a person sees them on a laptop (1280 px) and a phone (390 px), in
 * headless Chromium (through {@link FramedPage}): nothing scrolls sideways, the first action (on the index, the
 * first tenant) shows without scrolling, and the index's tenant link opens that tenant's page. Screenshots of
 * each go to target/screenshots for review.
 */
class LayoutInBrowserTest {
    static HeadlessChromium chromium;

    @BeforeAll
    static void findChromium() {
        chromium = HeadlessChromium.forTest();
    }

    @ParameterizedTest(name = "{0} at {1}x{2}")
    @CsvSource({"fabrikam-gaps, 1280, 800", "fabrikam-gaps, 390, 844", "northwind-guests, 390, 844", "contoso-ready, 1280, 800"})
    void theTenantPageFitsTheScreenAndLeadsWithTheFirstAction(String tenant, int width, int height) throws IOException {
        Report r = TestRules.evaluate(TestRules.EXAMPLES.resolve(tenant));
        Path page = HtmlReportInBrowserTest.write(tenant, r);
        Path frame = FramedPage.write(page, width, height, r.actions().isEmpty() ? "#actions" : ".action-head", null);
        FramedPage.Measure m = FramedPage.read(chromium.dumpDomAllowingFileAccess(frame.toUri(), Math.max(width, 500), height + 40));
        assertEquals("1", m.pageReady(), "the page's script ran");
        assertFalse(m.scrollsSideways(), () -> "scrolls sideways: " + m);
        // On a phone every table becomes one block per row; on a laptop only the wide sign-ins table may scroll in its box.
        assertTrue(width < 640 ? m.wideTables().isEmpty() : m.wideTables().replace("sign-ins-table", "").isBlank(),
                () -> "a table scrolls sideways, hiding columns: " + m);
        assertTrue(m.firstBottom() > 0 && m.firstBottom() <= m.innerHeight(),
                () -> (r.actions().isEmpty() ? "what to do" : "the first action") + " is below the first screen: " + m);
        chromium.screenshotAllowingFileAccess(frame.toUri(), HtmlReportInBrowserTest.SCREENSHOTS.resolve(tenant + "-" + width + ".png"),
                Math.max(width, 500), height);
    }

    /** A generated tenant of 5,000 users (guests' long #EXT# names among them), rendered once for the size checks. */
    private static Path largePage;

    private static synchronized Path largePage() throws IOException {
        if (largePage == null) {
            Path dir = Files.createTempDirectory("mfa-eval-5000-");
            new io.github.mfaeval.generate.TenantGenerator(1, 5000, 20_000, false).write(0, dir.resolve("tenant"));
            largePage = HtmlReportInBrowserTest.write("generated-5000", TestRules.evaluate(dir.resolve("tenant")));
        }
        return largePage;
    }

    @ParameterizedTest(name = "{0} at {1} px, every folded part open")
    @CsvSource({"generated-5000, 390, 844", "generated-5000, 500, 844", "fabrikam-gaps, 390, 844", "northwind-guests, 500, 844"})
    void onAPhoneLongNamesWrapInsteadOfWideningThePage(String tenant, int width, int height) throws IOException {
        Path page = tenant.equals("generated-5000") ? largePage()
                : HtmlReportInBrowserTest.write(tenant, TestRules.evaluate(TestRules.EXAMPLES.resolve(tenant)));
        Path frame = FramedPage.write(page, width, height, "#actions", null, true);
        FramedPage.Measure m = FramedPage.read(chromium.dumpDomAllowingFileAccess(frame.toUri(), Math.max(width, 500), height + 40));
        assertFalse(m.scrollsSideways(), () -> "scrolls sideways at " + width + " px (furthest right: " + m.widest() + "): " + m);
    }

    @ParameterizedTest(name = "{0} at 1280 px: the What to do column reads")
    @CsvSource({"generated-5000", "fabrikam-gaps"})
    void onALaptopTheFindingsWhatToDoColumnIsReadable(String tenant) throws IOException {
        Path page = tenant.equals("generated-5000") ? largePage()
                : HtmlReportInBrowserTest.write(tenant, TestRules.evaluate(TestRules.EXAMPLES.resolve(tenant)));
        Path frame = FramedPage.write(page, 1280, 800, "#actions", null, false);
        FramedPage.Measure m = FramedPage.read(chromium.dumpDomAllowingFileAccess(frame.toUri(), 1280, 840));
        // about 50 characters a line at 15 px; the tallest of the first 50 rows at most 10 lines of 22.5 px
        assertTrue(m.whatToDoWidth() >= 380, () -> "the What to do column is " + m.whatToDoWidth() + " px wide: " + m);
        assertTrue(m.tallestFindingRow() > 0 && m.tallestFindingRow() <= 225, () -> "a findings row is " + m.tallestFindingRow() + " px tall: " + m);
        assertFalse(m.scrollsSideways(), () -> "scrolls sideways: " + m);
        assertTrue(m.wideTables().replace("sign-ins-table", "").isBlank(), () -> "a table scrolls sideways, hiding columns: " + m);
        chromium.screenshotAllowingFileAccess(frame.toUri(), HtmlReportInBrowserTest.SCREENSHOTS.resolve(tenant + "-findings-1280.png"), 1280, 800);
    }

    @ParameterizedTest(name = "batch index at {0}x{1}")
    @CsvSource({"1280, 800", "390, 844"})
    void theBatchIndexFitsTheScreenAndItsTenantLinkOpensTheTenant(int width, int height, @TempDir Path temp) throws IOException {
        Path root = temp.resolve("tenants");
        try (var examples = Files.list(TestRules.EXAMPLES)) {
            for (Path tenant : examples.toList()) {
                Path to = Files.createDirectories(root.resolve(tenant.getFileName().toString()));
                try (var files = Files.list(tenant)) {
                    for (Path f : files.toList()) Files.copy(f, to.resolve(f.getFileName()));
                }
            }
        }
        Path out = temp.resolve("out");
        BatchRunner.Options options = new BatchRunner.Options(root, out, TestRules.AS_OF, 2, false, null, null, "test");
        new BatchRunner(TestRules.base(), options, TenantEvaluation.standard(TestRules.base()),
                new Progress(new PrintWriter(Writer.nullWriter()), false, System::nanoTime), Clock.systemUTC()).run();

        Path frame = FramedPage.write(out.resolve("index.html"), width, height, "#tenants-table tbody a.report-link",
                "#tenants-table tbody a.report-link");
        FramedPage.Measure m = FramedPage.read(chromium.dumpDomAllowingFileAccess(frame.toUri(), Math.max(width, 500), height + 40));
        assertEquals("1", m.pageReady(), "the index's script ran");
        assertFalse(m.scrollsSideways(), () -> "scrolls sideways: " + m);
        assertEquals("", m.wideTables(), () -> "a table scrolls sideways, hiding columns: " + m);
        assertTrue(m.firstBottom() > 0 && m.firstBottom() <= m.innerHeight(), () -> "the most urgent tenant's link is below the first screen: " + m);
        // The most urgent tenant comes first: fabrikam-gaps (action required, enforced since phase 1), and its link opens its page.
        assertEquals("tenants/fabrikam-gaps/report.html", m.link());
        assertEquals("Fabrikam Test Lab", m.landed(), "the tenant link opened the tenant's report");
        // The measuring page followed the link; the screenshot is of the index itself.
        Path still = FramedPage.write(out.resolve("index.html"), width, height, "#tenants-table", null);
        chromium.screenshotAllowingFileAccess(still.toUri(), HtmlReportInBrowserTest.SCREENSHOTS.resolve("batch-index-" + width + ".png"),
                Math.max(width, 500), height);
    }

    @Test
    void aPrintedPageHasItsOwnStyle() {
        assertTrue(PageAssets.CSS.contains("@media print"), "a print stylesheet");
        assertTrue(PageAssets.SCRIPT.contains("beforeprint"), "folded sections open for printing");
    }
}
