package io.github.mfaeval.batch;

import io.github.mfaeval.text.SafeText;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * What a batch says on stderr: a line per tenant as it finishes (what a scheduler's log keeps), and, when
 * someone is watching a terminal, a progress line redrawn in place below them: tenants done of total,
 * failures, time elapsed and an estimate of the time left.
 */
public final class Progress {
    private static final String CLEAR_LINE = "\r\033[K";

    private final PrintWriter err;
    private final boolean interactive;
    private final LongSupplier nanoTime;
    private long started;
    private int total;
    private int done;
    private int failed;

    /**
     * @param interactive draw the progress line; off when stderr is not a terminal, where it would only
     *                    fill a log with carriage returns
     * @param nanoTime    the clock (tests give their own: no test waits on real time)
     */
    public Progress(PrintWriter err, boolean interactive, LongSupplier nanoTime) {
        this.err = err;
        this.interactive = interactive;
        this.nanoTime = nanoTime;
    }

    /** Progress on the real clock, drawn only when the JVM has a console. */
    public static Progress onStderr(PrintWriter err) {
        return new Progress(err, System.console() != null, System::nanoTime);
    }

    synchronized void start(int tenants, int skippedFolders) {
        started = nanoTime.getAsLong();
        total = tenants;
        if (skippedFolders > 0) {
            log(String.format("%d sub-folder(s) without %s skipped (listed in the summary)", skippedFolders, "tenant.json"));
        }
        draw();
    }

    synchronized void finished(TenantRow row, boolean kept, long tookNanos) {
        done++;
        if (row.status().failed()) failed++;
        String what;
        if (row.status().failed()) {
            what = row.status() + " (" + row.error().stage() + "): " + row.error().message();
        } else if (kept) {
            what = row.status() + ", report current: kept";
        } else {
            what = row.status() + ", " + row.findingsRequiringAction() + " finding(s) requiring action"
                    + (row.findingsAccepted() > 0 ? ", " + row.findingsAccepted() + " accepted" : "")
                    + String.format(Locale.ROOT, " (%.2f s)", tookNanos / 1e9);
        }
        log(String.format("[%d/%d] %s: %s", done, total, row.tenant(), what));
        draw();
    }

    synchronized void end(BatchSummary summary, String summaryFile) {
        BatchSummary.Totals t = summary.totals();
        log(String.format("%d tenant(s) in %s: %d ready, %d action required, %d incomplete, %d failed, %d timed out; summary: %s",
                t.tenants(), clock(elapsed()), t.ready(), t.actionRequired(), t.incomplete(), t.failed(), t.timedOut(), summaryFile));
    }

    /** One log line; folder names and messages from the input cannot break it in two or steer the terminal. */
    synchronized void log(String line) {
        if (interactive) err.print(CLEAR_LINE);
        err.println("mfa-eval: " + SafeText.terminal(line));
        err.flush();
    }

    /** The progress line, e.g. "12/400 tenants, 1 failed, 0:42 elapsed, about 22:10 left". */
    synchronized String line() {
        Duration elapsed = elapsed();
        String left = done == 0 ? "estimating" : "about " + clock(elapsed.multipliedBy(total - done).dividedBy(done)) + " left";
        return String.format("%d/%d tenants, %d failed, %s elapsed, %s", done, total, failed, clock(elapsed), left);
    }

    private void draw() {
        if (!interactive) return;
        err.print(CLEAR_LINE + line());
        err.flush();
    }

    private Duration elapsed() {
        return Duration.ofNanos(nanoTime.getAsLong() - started);
    }

    static String clock(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String.format("%d:%02d", s / 60, s % 60);
    }
}
