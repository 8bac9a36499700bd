package io.github.mfaeval.batch;

import io.github.mfaeval.TestRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** index.html and the tenants' report.html: a row per tenant, links that reach their files, input as text. */
class BatchIndexTest {
    static final String SCRIPT = "<script>alert(1)</script>";

    @TempDir
    Path temp;

    /** The example tenants, a folder whose tenant.json is not JSON, and (optionally) more made by the caller. */
    static Path examplesAndABrokenTenant(Path root) throws IOException {
        try (Stream<Path> examples = Files.list(TestRules.EXAMPLES)) {
            for (Path tenant : examples.toList()) copy(tenant, root.resolve(tenant.getFileName().toString()));
        }
        Files.createDirectories(root.resolve("broken"));
        Files.writeString(root.resolve("broken/tenant.json"), "{ \"tenantId\": ");
        return root;
    }

    static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) Files.copy(f, to.resolve(f.getFileName()));
        }
    }

    @Test
    void oneRowPerTenantWithLinksToExistingFilesAndTheBrokenTenantsError() throws IOException {
        Path root = examplesAndABrokenTenant(temp.resolve("tenants"));
        Path out = temp.resolve("out");
        BatchSummary s = new BatchTestSupport().run(root, out, null);
        String index = Files.readString(out.resolve("index.html"));

        assertEquals(4, s.tenants().size());
        assertEquals(4, count(index, "<tr data-tenant="), "one row per tenant");
        for (TenantRow r : s.tenants()) {
            assertTrue(index.contains("<tr data-tenant=\"" + r.tenant() + "\">"), r.tenant());
            if (r.error() == null) assertTrue(Files.isRegularFile(out.resolve("tenants").resolve(r.tenant()).resolve("report.html")));
        }
        List<String> links = links(index);
        assertEquals(4, links.size());
        for (String link : links) {
            assertTrue(Files.isRegularFile(out.resolve(URLDecoder.decode(link, StandardCharsets.UTF_8))), link + " resolves");
        }
        assertTrue(links.contains("tenants/broken/error.json"), links.toString());
        assertTrue(links.contains("tenants/fabrikam-gaps/report.html"), links.toString());

        TenantRow broken = s.tenants().stream().filter(r -> r.tenant().equals("broken")).findFirst().orElseThrow();
        assertEquals(TenantStatus.FAILED, broken.status());
        assertTrue(index.contains("<span class=\"error-text\">input: " + io.github.mfaeval.report.Html.esc(broken.error().message())
                + "</span>"), "the broken tenant's error is shown");
        assertTrue(index.contains("<span class=\"num\">1</span><span class=\"of\">Failed</span>"), "totals by status");
        assertTrue(index.contains(s.run().rulesFingerprint()), "run metadata");
    }

    @Test
    void aHostileDisplayNameAndFolderNameArriveAsText() throws IOException {
        Path root = temp.resolve("tenants");
        Path evil = root.resolve("evil #1 ?x");
        copy(TestRules.EXAMPLES.resolve("contoso-ready"), evil);
        Path manifest = evil.resolve("tenant.json");
        Files.writeString(manifest, Files.readString(manifest).replace("Contoso Ltd", SCRIPT));
        Path out = temp.resolve("out");
        new BatchTestSupport().run(root, out, null);
        String index = Files.readString(out.resolve("index.html"));

        assertTrue(index.contains("<strong>&lt;script&gt;alert(1)&lt;/script&gt;</strong>"), "the name as text");
        assertFalse(index.contains(SCRIPT), "never as markup");
        assertEquals(2, count(index, "<script>"), "only the page's own scripts");
        List<String> links = links(index);
        assertEquals(List.of("tenants/evil%20%231%20%3Fx/report.html"), links);
        assertTrue(Files.isRegularFile(out.resolve(URLDecoder.decode(links.get(0), StandardCharsets.UTF_8))));
    }

    @Test
    void resumeRendersTheTenantPageAgainFromTheKeptReport() throws IOException {
        Path root = examplesAndABrokenTenant(temp.resolve("tenants"));
        Path out = temp.resolve("out");
        BatchTestSupport batch = new BatchTestSupport();
        batch.run(root, out, null);
        Path page = out.resolve("tenants/fabrikam-gaps/report.html");
        String before = Files.readString(page);
        Files.delete(page);
        batch.run(root, out, null, true, null, TenantEvaluation.standard(TestRules.base()));
        assertEquals(before, Files.readString(page), "the same page, from report.json");
        assertFalse(Files.exists(out.resolve("tenants/broken/report.html")));
    }

    static List<String> links(String index) {
        Matcher m = Pattern.compile("<a class=\"report-link\" href=\"([^\"]*)\"").matcher(index);
        List<String> links = new ArrayList<>();
        while (m.find()) links.add(m.group(1).replace("&amp;", "&"));
        return links;
    }

    private static int count(String text, String literal) {
        int n = 0;
        for (int at = text.indexOf(literal); at >= 0; at = text.indexOf(literal, at + 1)) n++;
        return n;
    }
}
