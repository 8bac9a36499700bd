package io.github.mfaeval.report;

import io.github.mfaeval.result.Report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every report format by the name a user types, and the renderer behind it: the one place a renderer is chosen.
 * Most formats are one text; {@code csv} is several files in a folder and {@code xlsx} one binary workbook.
 */
public enum ReportFormat {
    text(".txt"), json(".json"), html(".html", ".htm"), csv(), markdown(".md", ".markdown"), xlsx(".xlsx"), ndjson(".ndjson", ".jsonl");

    /** File name endings that name the format (lower case). */
    public final List<String> extensions;

    ReportFormat(String... extensions) {
        this.extensions = List.of(extensions);
    }

    /** The format a file name's extension says, or null when it says none. */
    public static ReportFormat ofFile(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        for (ReportFormat f : values()) {
            for (String e : f.extensions) if (name.endsWith(e)) return f;
        }
        return name.endsWith(".csv") ? csv : null;
    }

    /** Whether the format is written as several files into a folder (csv). */
    public boolean writesFolder() {
        return this == csv;
    }

    /** Whether the format is one text (every format but csv and xlsx). */
    public boolean isText() {
        return this != csv && this != xlsx;
    }

    /** The renderer of a format that is one text; csv and xlsx are written by {@link #write(Report, Path)} only. */
    public Renderer renderer() {
        return switch (this) {
            case text -> new TextRenderer();
            case json -> new JsonRenderer();
            case html -> new HtmlRenderer();
            case markdown -> new MarkdownRenderer();
            case ndjson -> new NdjsonRenderer();
            case csv, xlsx -> throw new IllegalStateException(this + " is not one text");
        };
    }

    /**
     * Writes the report to {@code output}, each file whole then moved into place: the files of csv into the
     * folder {@code output}, the xlsx workbook, or the text of any other format.
     */
    public void write(Report report, Path output) throws IOException {
        if (this == csv) {
            for (Map.Entry<String, Renderer> file : new CsvRenderer().files().entrySet()) {
                AtomicFile.write(output.resolve(file.getKey()), w -> file.getValue().render(report, w));
            }
        } else if (this == xlsx) {
            AtomicFile.writeBytes(output, out -> new XlsxRenderer().render(report, out));
        } else {
            Renderer renderer = renderer();
            AtomicFile.write(output, w -> renderer.render(report, w));
        }
    }
}
