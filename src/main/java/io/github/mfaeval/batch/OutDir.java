package io.github.mfaeval.batch;

import io.github.mfaeval.report.AtomicFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The layout of a batch output folder (also read as a baseline): tenants/NAME/report.json and report.html for
 * an evaluated tenant, tenants/NAME/error.json for one that failed, and summary.json, summary.csv and
 * index.html for the run.
 */
final class OutDir {
    static final String TENANTS = "tenants";
    static final String REPORT = "report.json";
    static final String REPORT_HTML = "report.html";
    static final String ERROR = "error.json";
    static final String SUMMARY_JSON = "summary.json";
    static final String SUMMARY_CSV = "summary.csv";
    static final String ACTION_PLAN_CSV = "action-plan.csv";
    static final String INDEX = "index.html";

    private final Path root;

    OutDir(Path root) {
        this.root = root;
    }

    Path root() { return root; }
    Path report(String tenant) { return root.resolve(TENANTS).resolve(tenant).resolve(REPORT); }
    Path html(String tenant) { return root.resolve(TENANTS).resolve(tenant).resolve(REPORT_HTML); }
    Path error(String tenant) { return root.resolve(TENANTS).resolve(tenant).resolve(ERROR); }
    Path summaryJson() { return root.resolve(SUMMARY_JSON); }
    Path summaryCsv() { return root.resolve(SUMMARY_CSV); }

    Path actionPlan() { return root.resolve(ACTION_PLAN_CSV); }
    Path index() { return root.resolve(INDEX); }

    /** A path as the summary shows it: relative to the output folder, "/" separated. */
    String relative(Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

    /** Temporary files a killed run left between writing a report and renaming it into place. */
    void removeTemporaryFiles() throws IOException {
        if (!Files.isDirectory(root)) return;
        List<Path> strays;
        try (Stream<Path> walk = Files.walk(root, 3)) {
            strays = walk.filter(p -> Files.isRegularFile(p) && AtomicFile.isTemporary(p)).toList();
        }
        for (Path p : strays) Files.deleteIfExists(p);
    }
}
