package io.github.mfaeval.bench;

import io.github.mfaeval.engine.Evaluator;
import io.github.mfaeval.engine.RuleBase;
import io.github.mfaeval.rules.RuleBaseCache;
import io.github.mfaeval.rules.RuleBases;
import io.github.mfaeval.rules.RuleFiles;
import io.github.mfaeval.load.TenantLoader;
import io.github.mfaeval.pipeline.TenantPipeline;
import io.github.mfaeval.report.JsonReportStream;
import io.github.mfaeval.result.Report;
import io.github.mfaeval.result.SignInSelection;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Benchmark helper for bench/run.sh, not a command: evaluates every tenant folder under a directory one
 * after the other with one shared rule base (what a batch run does), and reads each one without rules
 * (the parse-only floor), interleaved tenant by tenant so that both see the same machine. Prints the total
 * times and the overhead per tenant beyond parsing on one line of {@code key=value} pairs, as wall clock and as
 * CPU time of the process (steadier on a shared machine).
 *
 * <p>Each report is rendered as JSON (default sign-in selection) into a discarding writer: its cost counts,
 * the disk it would be written to does not.
 */
public final class BatchLoop {
    private BatchLoop() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: BatchLoop TENANTS_DIR [WARMUP_TENANTS]");
            System.exit(2);
        }
        Path root = Path.of(args[0]);
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        List<Path> tenants;
        try (Stream<Path> list = Files.list(root)) {
            tenants = list.filter(p -> Files.isRegularFile(p.resolve(TenantLoader.MANIFEST))).sorted().toList();
        }
        if (tenants.isEmpty()) throw new IllegalArgumentException("no tenant folders under " + root);
        LocalDate asOf = LocalDate.of(2025, 11, 28);

        long start = System.nanoTime();
        RuleBase base = RuleBases.load(RuleFiles.defaults(), RuleBaseCache.at(null)).base();
        long rulesNanos = System.nanoTime() - start;
        TenantPipeline pipeline = new TenantPipeline(base);

        for (int i = 0; i < Math.min(warmup, tenants.size()); i++) {
            parse(tenants.get(i));
            evaluate(pipeline, tenants.get(i), asOf);
        }
        long parseNanos = 0;
        long evaluateNanos = 0;
        long parseCpu = 0;
        long evaluateCpu = 0;
        long signIns = 0;
        for (int i = 0; i < tenants.size(); i++) {
            Path t = tenants.get(i);
            // Alternate which goes first, so neither always finds the files or the JIT warmer.
            if (i % 2 == 0) {
                long t0 = System.nanoTime();
                long c0 = cpuNanos();
                signIns += parse(t);
                long t1 = System.nanoTime();
                long c1 = cpuNanos();
                evaluate(pipeline, t, asOf);
                parseNanos += t1 - t0;
                evaluateNanos += System.nanoTime() - t1;
                parseCpu += c1 - c0;
                evaluateCpu += cpuNanos() - c1;
            } else {
                long t0 = System.nanoTime();
                long c0 = cpuNanos();
                evaluate(pipeline, t, asOf);
                long t1 = System.nanoTime();
                long c1 = cpuNanos();
                signIns += parse(t);
                evaluateNanos += t1 - t0;
                parseNanos += System.nanoTime() - t1;
                evaluateCpu += c1 - c0;
                parseCpu += cpuNanos() - c1;
            }
        }
        int n = tenants.size();
        System.out.printf(Locale.ROOT, "batch tenants=%d signIns=%d rules_s=%.3f evaluate_s=%.3f parse_s=%.3f "
                        + "evaluate_ms_per_tenant=%.2f parse_ms_per_tenant=%.2f overhead_ms_per_tenant=%.2f "
                        + "evaluate_cpu_s=%.3f parse_cpu_s=%.3f overhead_cpu_ms_per_tenant=%.2f%n",
                n, signIns, rulesNanos / 1e9, evaluateNanos / 1e9, parseNanos / 1e9,
                evaluateNanos / 1e6 / n, parseNanos / 1e6 / n, (evaluateNanos - parseNanos) / 1e6 / n,
                evaluateCpu / 1e9, parseCpu / 1e9, (evaluateCpu - parseCpu) / 1e6 / n);
    }

    /**
     * CPU time of the whole process (every thread: readers, rules, GC, compiler), or 0 where the JVM cannot tell:
     * on a shared machine it is steadier than the wall clock, which also counts the time other processes had the cores.
     */
    private static long cpuNanos() {
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return Math.max(0, os.getProcessCpuTime());
        }
        return 0;
    }

    private static long parse(Path tenant) throws Exception {
        return Evaluator.readOnly(TenantLoader.load(tenant)).read();
    }

    private static void evaluate(TenantPipeline pipeline, Path tenant, LocalDate asOf) throws Exception {
        TenantPipeline.Tenant loaded = pipeline.load(tenant, asOf);
        Writer out = new BufferedWriter(new OutputStreamWriter(java.io.OutputStream.nullOutputStream(), StandardCharsets.UTF_8));
        JsonReportStream json = new JsonReportStream(out, SignInSelection.UNSATISFIED);
        json.begin(loaded.tenantRef(), loaded.asOf(), io.github.mfaeval.result.CollectionGap.of(loaded.data().collection));
        Report report = loaded.evaluate(json);
        json.finish(report);
    }
}
