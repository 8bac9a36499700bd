package io.github.mfaeval.report;

import io.github.mfaeval.result.Report;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.github.mfaeval.report.HostileTenant.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Names such as {@code <script>alert(1)</script>} and {@code " onmouseover="…} arrive as text in every format. */
class EscapingTest {
    @TempDir
    static Path tenant;
    static Report report;

    @BeforeAll
    static void evaluate() {
        report = HostileTenant.evaluate(tenant);
        assertEquals(TENANT_NAME, report.tenant().displayName(), "the hostile values reach the report model");
        assertEquals(Report.Status.INCOMPLETE, report.status(), "the hostile record is rejected");
    }

    private static String render(Renderer renderer) throws IOException {
        StringWriter out = new StringWriter();
        renderer.render(report, out);
        return out.toString();
    }

    @Test
    void jsonCarriesEveryValueExactly() throws IOException {
        JsonNode tree = JsonRenderer.MAPPER.readTree(render(new JsonRenderer()));
        List<String> texts = new ArrayList<>();
        collectTexts(tree, texts);
        for (String value : VALUES) {
            assertTrue(texts.contains(value), () -> "not carried as a JSON string: " + value);
        }
        assertTrue(texts.stream().anyMatch(t -> t.contains(POLICY_NAME)), "policy name inside a finding message");
        assertTrue(texts.stream().anyMatch(t -> t.contains(REJECTED_ID)), "id of the rejected record");
    }

    @Test
    void textShowsNamesAsTheyAreButNeverTerminalControls() throws IOException {
        String text = render(new TextRenderer());
        assertTrue(text.contains(SCRIPT + " Fabrikam & Co?[2J?[31m"), "escape sequences shown as ?, the rest as is:\n" + text);
        assertFalse(text.chars().anyMatch(c -> c == 0x1b), "no escape character reaches the terminal");
        assertTrue(text.contains(REJECTED_ID), "the rejected record is named");
    }

    @Test
    void htmlEscapesEveryValue() throws IOException {
        String html = render(new HtmlRenderer());
        assertEquals(2, count(html, "<script"), "only the page's own two scripts");
        assertFalse(html.contains("onmouseover=\""), "no attribute injected");
        assertFalse(html.contains("<img"), "no element injected");
        assertFalse(html.chars().anyMatch(c -> c == 0x1b), "control characters replaced");
        assertTrue(html.contains("<h1 id=\"tenant-name\">&lt;script&gt;alert(1)&lt;/script&gt; Fabrikam &amp; Co[U+001B][2J[U+001B][31m</h1>"), "controls shown as their code points");
        assertTrue(html.contains("erik&lt;script&gt;alert(1)&lt;/script&gt;@fabrikam.com"), "UPN as text");
        assertTrue(html.contains("fay&quot; onmouseover=&quot;alert(2)@fabrikam.com"), "UPN with quotes as text");
        assertTrue(html.contains("&quot; onmouseover=&quot;alert(2) Duo &lt;script&gt;alert(1)&lt;/script&gt; Zo\u00eb \u2713"), "policy name as text");
        assertTrue(html.contains("&lt;img src=x onerror=alert(3)&gt;"), "rejected record as text");
        // Every attribute value is quoted and holds no raw quote: a value cannot end its attribute early.
        Matcher tag = Pattern.compile("<[a-zA-Z][^>]*>").matcher(html);
        while (tag.find()) {
            String attrs = tag.group().replaceAll("\"[^\"]*\"", "\"\"");
            assertFalse(attrs.matches("(?s).*\\son[a-z]+=.*"), () -> "event handler attribute in " + tag.group());
        }
    }

    @Test
    void csvCarriesEveryValueAsTextAndDefusesFormulas() throws IOException {
        Map<String, List<Map<String, String>>> files = CsvRendererTest.parse(report);
        List<String> cells = new ArrayList<>();
        files.values().forEach(rows -> rows.forEach(row -> cells.addAll(row.values())));
        assertTrue(cells.contains(SCRIPT_UPN));
        assertTrue(cells.contains(ATTRIBUTE_UPN));
        assertTrue(cells.contains(io.github.mfaeval.text.SafeText.terminal(TENANT_NAME)), "subject name of tenant findings, controls as '?'");
        assertTrue(cells.contains(APPLICATION));
        assertFalse(cells.contains(FORMULA_UPN), "a formula is never a cell's first character");
        assertTrue(cells.contains("'" + FORMULA_UPN), "it is shown as text, after an apostrophe");
        assertTrue(cells.stream().anyMatch(c -> c.contains(POLICY_NAME)), "policy name inside the finding message");
        for (String c : cells) {
            assertFalse(!c.isEmpty() && "=+-@".indexOf(c.charAt(0)) >= 0, () -> "cell starts like a formula: " + c);
        }
    }

    private static void collectTexts(JsonNode node, List<String> out) {
        if (node.isTextual()) out.add(node.textValue());
        node.forEach(child -> collectTexts(child, out));
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) n++;
        return n;
    }
}
