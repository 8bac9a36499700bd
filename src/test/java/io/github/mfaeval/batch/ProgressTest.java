package io.github.mfaeval.batch;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProgressTest {
    private final AtomicLong now = new AtomicLong();

    private static TenantRow ready(String name) {
        return new TenantRow(name, "id", "n", TenantStatus.READY, null, "r", null, "fp", null, 0, 0, null, null, null, null);
    }

    private static TenantRow failed(String name) {
        return new TenantRow(name, null, null, TenantStatus.FAILED, null, "e", new FailureReport.Failure("input", "tenant.json: not valid JSON", "x"),
                "fp", null, null, null, null, null, null, null);
    }

    private void advance(long seconds) {
        now.addAndGet(TimeUnit.SECONDS.toNanos(seconds));
    }

    @Test
    void aTerminalSeesDoneOfTotalFailuresElapsedAndAnEstimate() {
        StringWriter err = new StringWriter();
        Progress p = new Progress(new PrintWriter(err, true), true, now::get);
        p.start(4, 0);
        assertEquals("0/4 tenants, 0 failed, 0:00 elapsed, estimating", p.line());
        advance(10);
        p.finished(ready("a"), false, 0);
        advance(10);
        p.finished(failed("b"), false, 0);
        assertEquals("2/4 tenants, 1 failed, 0:20 elapsed, about 0:20 left", p.line());
        assertTrue(err.toString().contains("\r\033[K2/4 tenants, 1 failed"), "the line is redrawn in place");
        assertTrue(err.toString().contains("mfa-eval: [2/4] b: FAILED (input): tenant.json: not valid JSON"));
    }

    @Test
    void aLogGetsOneLinePerTenantAndNoProgressLine() {
        StringWriter err = new StringWriter();
        Progress p = new Progress(new PrintWriter(err, true), false, now::get);
        p.start(2, 1);
        p.finished(ready("a"), false, TimeUnit.MILLISECONDS.toNanos(250));
        p.finished(ready("b"), true, 0);
        String log = err.toString();
        assertFalse(log.contains("\r"), "no carriage returns in a log file");
        assertFalse(log.contains("elapsed,"));
        assertEquals("""
                mfa-eval: 1 sub-folder(s) without tenant.json skipped (listed in the summary)
                mfa-eval: [1/2] a: READY, 0 finding(s) requiring action (0.25 s)
                mfa-eval: [2/2] b: READY, report current: kept
                """, log.replace(System.lineSeparator(), "\n"));
    }

    @Test
    void longRunsShowHours() {
        assertEquals("1:02:03", Progress.clock(java.time.Duration.ofSeconds(3723)));
        assertEquals("0:59", Progress.clock(java.time.Duration.ofSeconds(59)));
    }
}
