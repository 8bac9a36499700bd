package io.github.mfaeval.rules;

import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** The DRL a decision table stands for, as Drools generates it: what an author needs to read a table's error. */
public final class DecisionTables {
    private DecisionTables() {
    }

    /** DRL text of a rule file: itself for .drl, generated for tables; null when it cannot be read. */
    public static String drlOf(String file, byte[] content) {
        String lower = file.toLowerCase(Locale.ROOT);
        try {
            if (lower.endsWith(".drl")) {
                return new String(content, StandardCharsets.UTF_8);
            }
            if (AuthorTable.isAuthorTable(file, content)) {
                AuthorTable.Translation t = AuthorTable.translate(file, content);
                return t.failed() ? null : t.drl();
            }
            content = withoutByteOrderMark(file, content);
            SpreadsheetCompiler compiler = new SpreadsheetCompiler();
            if (lower.endsWith(".drl.csv")) {
                return compiler.compile(new ByteArrayInputStream(content), InputType.CSV);
            }
            return compiler.compile(new ByteArrayInputStream(content), InputType.XLS);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** A CSV table as Drools can read it: Drools' own CSV reader takes the byte order mark Excel writes for part of the first cell. */
    static byte[] withoutByteOrderMark(String file, byte[] content) {
        if (file.toLowerCase(Locale.ROOT).endsWith(".csv") && content.length >= 3
                && (content[0] & 0xff) == 0xEF && (content[1] & 0xff) == 0xBB && (content[2] & 0xff) == 0xBF) {
            return java.util.Arrays.copyOfRange(content, 3, content.length);
        }
        return content;
    }
}
