package io.github.mfaeval.engine;

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
            SpreadsheetCompiler compiler = new SpreadsheetCompiler();
            if (lower.endsWith(".drl.csv")) {
                return compiler.compile(new ByteArrayInputStream(content), InputType.CSV);
            }
            return compiler.compile(new ByteArrayInputStream(content), InputType.XLS);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
