package io.github.mfaeval;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every relative link of the README and of docs/*.md leads somewhere: to a file or folder of the checkout and, when
 * it names an anchor in a Markdown file, to one of that file's headings (as GitHub makes anchors of them). A reader
 * who follows the front door into docs/ must never land on nothing.
 */
class DocsLinksTest {
    private static final Pattern LINK = Pattern.compile("\\[[^\\]]*\\]\\(([^)\\s]+)\\)");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*?)\\s*#*\\s*$");

    @Test
    void everyRelativeLinkOfTheReadmeAndTheDocsLeadsToAFileAndHeading() throws IOException {
        List<Path> docs = new ArrayList<>();
        docs.add(Path.of("README.md"));
        try (Stream<Path> s = Files.list(Path.of("docs"))) {
            s.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
        }
        List<String> broken = new ArrayList<>();
        for (Path doc : docs) broken.addAll(brokenLinks(doc));
        assertEquals(List.of(), broken, "broken links in the README or docs/");
    }

    @Test
    void theReadmeStaysAFrontDoor() throws IOException {
        long lines = Files.readAllLines(Path.of("README.md"), StandardCharsets.UTF_8).size();
        assertTrue(lines <= 200, "README.md has " + lines + " lines; it is the front door (at most 200): move details into docs/");
    }

    /** The check itself: a missing file, a missing heading and a link back out of a folder are each found. */
    @Test
    void aBrokenLinkIsFound(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("docs"));
        Files.writeString(dir.resolve("docs/a.md"), "# Title\n\n## The `--sign-ins` option, in short\n\nSee [b](b.md), [self](#title).\n");
        Files.writeString(dir.resolve("README.md"), String.join("\n",
                "# Front",
                "[ok](docs/a.md) [ok anchor](docs/a.md#the---sign-ins-option-in-short) [web](https://example.com/x)",
                "[gone](docs/gone.md) [no heading](docs/a.md#nowhere) [here](#front) [not here](#back)",
                "```",
                "[in code](docs/not-a-link.md)",
                "```", ""));
        List<String> broken = new ArrayList<>(brokenLinks(dir.resolve("README.md")));
        broken.addAll(brokenLinks(dir.resolve("docs/a.md")));
        assertEquals(4, broken.size(), broken.toString());
        assertTrue(broken.get(0).contains("docs/gone.md: no such file"), broken.toString());
        assertTrue(broken.get(1).contains("docs/a.md#nowhere: no such heading"), broken.toString());
        assertTrue(broken.get(2).contains("#back: no such heading"), broken.toString());
        assertTrue(broken.get(3).contains("b.md: no such file"), broken.toString());
    }

    /** Each broken link of one Markdown file, as "file:line: target: why"; links inside fenced code are not links. */
    static List<String> brokenLinks(Path doc) throws IOException {
        List<String> broken = new ArrayList<>();
        List<String> lines = Files.readAllLines(doc, StandardCharsets.UTF_8);
        boolean fenced = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.trim().startsWith("```")) {
                fenced = !fenced;
                continue;
            }
            if (fenced) continue;
            Matcher m = LINK.matcher(line.replaceAll("`[^`]*`", "``"));
            while (m.find()) {
                String target = m.group(1);
                if (target.matches("^[a-z][a-z0-9+.-]*:.*")) continue; // https:, mailto: ...
                String problem = problem(doc, target);
                if (problem != null) broken.add(doc + ":" + (i + 1) + ": " + target + ": " + problem);
            }
        }
        return broken;
    }

    private static String problem(Path doc, String target) throws IOException {
        int hash = target.indexOf('#');
        String file = hash < 0 ? target : target.substring(0, hash);
        String anchor = hash < 0 ? null : target.substring(hash + 1);
        Path to = file.isEmpty() ? doc : doc.toAbsolutePath().getParent().resolve(file).normalize();
        if (!Files.exists(to)) return "no such file";
        if (anchor == null || anchor.isEmpty() || !to.toString().endsWith(".md") || Files.isDirectory(to)) return null;
        return anchors(to).contains(anchor) ? null : "no such heading";
    }

    /** The anchors GitHub gives a file's headings: lower case, punctuation dropped, spaces as hyphens, repeats numbered. */
    static Set<String> anchors(Path md) throws IOException {
        Set<String> anchors = new HashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        boolean fenced = false;
        for (String line : Files.readAllLines(md, StandardCharsets.UTF_8)) {
            if (line.trim().startsWith("```")) {
                fenced = !fenced;
                continue;
            }
            Matcher m = HEADING.matcher(line);
            if (fenced || !m.matches()) continue;
            String slug = m.group(1).toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
            int n = seen.merge(slug, 1, Integer::sum);
            anchors.add(n == 1 ? slug : slug + "-" + (n - 1));
        }
        return anchors;
    }
}
