package io.github.mfaeval.report;

import io.github.mfaeval.result.Report;
import io.github.mfaeval.result.SignInVerdict;
import io.github.mfaeval.TestRules;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the HTML page holds, without a browser (the browser test checks that it works). */
class HtmlRendererTest {
    static String html(Report r) throws IOException {
        StringWriter out = new StringWriter();
        new HtmlRenderer().render(r, out);
        return out.toString();
    }

    static Report example(String name) {
        return TestRules.evaluate(TestRules.EXAMPLES.resolve(name));
    }

    @Test
    void selfContainedNothingToFetch() throws Exception {
        String page = html(example("fabrikam-gaps"));
        assertFalse(page.matches("(?s).*\\ssrc\\s*=.*"), "no src attribute: nothing to load");
        assertFalse(page.contains("<link"), "no stylesheet or font links");
        assertFalse(page.contains("url("), "no CSS url()");
        assertFalse(page.contains("@import"));
        Matcher href = Pattern.compile("href=\"([^\"]*)\"").matcher(page);
        while (href.find()) {
            String target = href.group(1);
            assertTrue(target.startsWith("#") || target.startsWith(SourceSection.ARTICLE), "link to " + target);
        }
        // The policy allows nothing but this page's own style and scripts, identified by their hashes.
        Matcher csp = Pattern.compile("<meta http-equiv=\"Content-Security-Policy\" content=\"([^\"]*)\">").matcher(page);
        assertTrue(csp.find(), "a Content-Security-Policy");
        String policy = csp.group(1);
        assertTrue(policy.startsWith("default-src 'none';"), policy);
        List<String> blocks = new ArrayList<>();
        Matcher inline = Pattern.compile("(?s)<(script|style)>(.*?)</\\1>").matcher(page);
        while (inline.find()) blocks.add(inline.group(2));
        assertEquals(3, blocks.size(), "one style, two scripts");
        for (String block : blocks) {
            String hash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(block.getBytes(StandardCharsets.UTF_8)));
            assertTrue(policy.contains("'sha256-" + hash + "'"), "the policy allows the inline block hashed " + hash);
        }
    }

    @Test
    void statusScheduleAndEveryFindingWithItsSourceAndRule() throws IOException {
        Report r = example("fabrikam-gaps");
        String page = html(r);
        assertTrue(page.contains("<span id=\"status\" class=\"status-badge status-ACTION_REQUIRED\">Action required</span>"));
        assertTrue(page.contains("phase 1 since 2024-07-01, phase 2 since 2025-01-01. Enforcement was not postponed."));
        String findings = page.substring(page.indexOf("<table id=\"findings-table\""), page.indexOf("</table>", page.indexOf("<table id=\"findings-table\"")));
        assertEquals(r.findings().size(), findings.split("<tr data-severity=").length - 1, "one row per finding");
        assertTrue(findings.contains("<a href=\"" + SourceSection.ARTICLE + "#request-more-time-to-prepare-for-enforcement\""));
        assertTrue(findings.contains("<code>MM-POST-003</code>"), "rule id");
        assertTrue(findings.contains("<code>POSTPONEMENT_<wbr>INVALID</code>"), "finding code");
        assertTrue(findings.indexOf("sev-HIGH") < findings.indexOf("sev-MEDIUM"), "most severe first");
        // Drill-down: a user finding links to the user, whose row explains why.
        assertTrue(findings.contains("<a href=\"#user-2\">erik.dev@fabrikam.com</a>"), findings);
        String erik = page.substring(page.indexOf("<tr id=\"user-2\">"), page.indexOf("</tr>", page.indexOf("<tr id=\"user-2\">")));
        assertTrue(erik.contains("Not ready") && erik.contains("<details>") && erik.contains("MM-USR-001") && erik.contains("FAQs"), erik);
    }

    @Test
    void upcomingAndPostponedPhasesSayWhenAndHowSoon() throws IOException {
        String page = html(TestRules.evaluate(TestRules.EXAMPLES.resolve("northwind-guests"), LocalDate.of(2025, 3, 1)));
        assertTrue(page.contains("Phase 1 is enforced from 2025-03-15: in 14 days. Enforcement was postponed for this tenant."), page);
        assertTrue(page.contains("<span class=\"state state-UPCOMING\">Upcoming</span> in 14 days"));
        assertTrue(page.contains("Yes, to 2025-03-15"));
    }

    @Test
    void chartsAreInlineSvgWithCounts() throws IOException {
        String page = html(example("fabrikam-gaps"));
        assertTrue(page.contains("<svg class=\"chart\" id=\"chart-sign-ins\""));
        assertTrue(page.contains("Azure CLI (phase 2)</text>"));
        assertTrue(page.contains(">5 without MFA \u00b7 2 with MFA</text>"), "portal sign-ins of fabrikam");
        assertTrue(page.contains("<svg class=\"chart\" id=\"chart-users\""));
        assertTrue(page.contains(">NOT_COVERED (MEDIUM)</text>"));
    }

    @Test
    void inputsSummaryNamesFilesCountsMissingAndRejected(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws IOException {
        String page = html(HostileTenant.evaluate(dir));
        assertTrue(page.contains("<code>signIns.json</code></td><td class=\"num-cell\">10</td>"));
        assertTrue(page.contains("Missing: <code>perUserMfa.json</code>"));
        assertTrue(page.contains("<h3 id=\"rejected\">Rejected records (1)</h3>"));
        assertTrue(page.contains("Sign-ins read: 11 = 10 evaluated + 1 rejected + 0 duplicate."));
    }

    @Test
    void veryLongListsAreCutWithANote() throws IOException {
        Report r = example("contoso-ready");
        List<SignInVerdict> many = new ArrayList<>();
        while (many.size() <= HtmlRenderer.MAX_SIGN_INS) many.addAll(r.signIns());
        Report big = new Report(r.schemaVersion(), r.tenant(), r.asOf(), r.status(), r.schedule(), many, r.users(), r.findings(),
                r.summary(), r.inputs(), r.rules());
        String page = html(big);
        assertTrue(page.contains("Showing the first " + HtmlRenderer.MAX_SIGN_INS + " of " + many.size() + " sign-ins"));
        // The first page as rows, the rest of the cut as data the page's script turns into rows.
        String section = page.substring(page.indexOf("<table id=\"sign-ins-table\""), page.indexOf("data-pager=\"sign-ins-table\""));
        String table = section.substring(0, section.indexOf("</table>"));
        assertEquals(HtmlRenderer.PAGE_SIZE, table.split("<tr><td").length - 1);
        assertEquals(HtmlRenderer.MAX_SIGN_INS, section.split("<tr><td").length - 1);
        assertTrue(section.contains("data-rows=\"sign-ins-table\" data-count=\"" + (HtmlRenderer.MAX_SIGN_INS - HtmlRenderer.PAGE_SIZE) + "\""));
    }
}
