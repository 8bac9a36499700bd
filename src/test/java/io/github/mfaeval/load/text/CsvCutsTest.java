package io.github.mfaeval.load.text;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Where a CSV file is cut for parallel reading, and which files it leaves whole. */
class CsvCutsTest {
    private static CsvCuts.Plan plan(String text, long partBytes) throws Exception {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return CsvCuts.plan(new ByteArrayInputStream(b), 0, b.length, partBytes, ',');
    }

    private static String rows(String row, int n) {
        return (row + "\n").repeat(n);
    }

    @Test
    void cutsAtRecordEndsCountingLinesInsideQuotedValuesAndSkippingBlankRows() throws Exception {
        String head = "\n  \nId,Details\n";
        String body = rows("1,\"{\n  \"\"a\"\": 1\n}\"", 10) + "   \n" + rows("2,plain", 10);
        CsvCuts.Plan p = plan(head + body, 40);
        assertNotNull(p);
        assertArrayEquals(new String[] {"Id", "Details"}, p.header());
        for (CsvCuts.Cut c : p.cuts()) {
            String before = (head + body).substring(0, (int) c.offset());
            assertEquals('\n', before.charAt(before.length() - 1));
            assertEquals(before.chars().filter(ch -> ch == '\n').count(), c.linesBefore());
            // records: the three-line quoted rows count once each, blank lines and the header not at all
            long quoted = Math.min(10, before.split("1,\"\\{", -1).length - 1);
            long plain = before.split("2,plain", -1).length - 1;
            assertEquals(quoted + plain, c.recordsBefore(), before);
        }
        assertEquals(true, p.cuts().size() > 3);
    }

    @Test
    void leavesWholeWhatItCannotFollowExactly() throws Exception {
        String head = "Id,Details\n";
        assertNull(plan(head + rows("1,a\"b", 50), 40), "a quote inside an unquoted value");
        assertNull(plan(head + rows("1,\"a\"b", 50), 40), "text after a closing quote");
        assertNull(plan(head + rows("1,a", 50) + "2,\"never closed\n", 40), "a value never closed");
        assertNull(plan(head + rows("1,a\r2,b", 50), 40), "a bare carriage return");
        assertNull(plan(head + rows("1,a", 20) + "\u00a0\n" + rows("1,a", 20), 40), "a one-value row of text beyond ASCII");
        assertNull(plan(head + rows("1,a", 3), 1 << 20), "too small to cut");
        assertNotNull(plan(head + rows("1,\"a \"\"quoted\"\" word\"", 50) + "2,\"x\r\ny\"\r\n", 40), "doubled quotes and CRLF inside a value");
    }
}
