package io.github.mfaeval.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How a rules folder's editions are laid over its base: replace by path, add new files, nothing else. */
class EditionsTest {
    private static Path write(Path root, String name, String text) throws IOException {
        Path p = root.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    private static Path folder(Path tmp) throws IOException {
        write(tmp, "kmodule.xml", "<kmodule/>");
        write(tmp, "edition.properties", "id=2024-09-24\ntitle=First\n");
        write(tmp, "tenant/a.drl", "base a");
        write(tmp, "tenant/b.drl", "base b");
        write(tmp, "editions/2026-04-03/edition.properties", "id=2026-04-03\ntitle=Second\nsection.Applications=Application IDs and URLs\n");
        write(tmp, "editions/2026-04-03/tenant/b.drl", "new b");
        write(tmp, "editions/2026-04-03/user/c.drl", "new c");
        return tmp;
    }

    @Test
    void theFolderIsTheBaseEditionAndAnEditionReplacesAndAddsFiles(@TempDir Path tmp) throws Exception {
        RuleFiles base = RuleFiles.fromDirectory(folder(tmp));
        assertEquals("2024-09-24", base.edition().id());
        assertEquals(List.of("2024-09-24", "2026-04-03"), base.availableEditions());
        assertEquals("base b", base.text("tenant/b.drl"));
        assertFalse(base.files().containsKey("user/c.drl"));
        assertTrue(base.files().keySet().stream().noneMatch(n -> n.startsWith("editions/")), "the base never sees an edition's files");

        RuleFiles latest = base.latest();
        assertEquals("2026-04-03", latest.edition().id());
        assertEquals("Second", latest.edition().title());
        assertEquals("base a", latest.text("tenant/a.drl"));
        assertEquals("new b", latest.text("tenant/b.drl"));
        assertEquals("new c", latest.text("user/c.drl"));
        assertEquals("editions/2026-04-03/tenant/b.drl", latest.pathOf("tenant/b.drl"));
        assertEquals("tenant/a.drl", latest.pathOf("tenant/a.drl"));
        assertEquals("Application IDs and URLs", latest.edition().section("Applications"));
        assertEquals("FAQs", latest.edition().section("FAQs"));
        assertNotEquals(base.fingerprint(), latest.fingerprint(), "each edition is its own rule base in the cache");
        assertEquals(base.fingerprint(), latest.edition("2024-09-24").fingerprint());
    }

    @Test
    void anUnknownEditionOrAMislabelledOneIsRefused(@TempDir Path tmp) throws Exception {
        RuleFiles base = RuleFiles.fromDirectory(folder(tmp));
        IOException unknown = assertThrows(IOException.class, () -> base.edition("2025-02-27"));
        assertTrue(unknown.getMessage().contains("available: 2024-09-24, 2026-04-03"), unknown.getMessage());
        write(tmp, "editions/2027-01-01/edition.properties", "id=2026-04-03\n");
        IOException wrong = assertThrows(IOException.class, () -> RuleFiles.fromDirectory(tmp).edition("2027-01-01"));
        assertTrue(wrong.getMessage().contains("does not match its folder 2027-01-01"), wrong.getMessage());
    }

    @Test
    void anEditionFolderWithoutItsDescriptionSaysItIsMissing(@TempDir Path tmp) throws Exception {
        folder(tmp);
        Files.delete(tmp.resolve("editions/2026-04-03/edition.properties"));
        IOException missing = assertThrows(IOException.class, () -> RuleFiles.fromDirectory(tmp).edition("2026-04-03"));
        assertEquals("editions/2026-04-03/edition.properties is missing: an edition's folder describes itself "
                + "(id=2026-04-03, title, page; see docs/editions.md)", missing.getMessage());
    }
}
