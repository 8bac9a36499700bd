package io.github.mfaeval.load.activity;

import io.github.mfaeval.load.text.JsonStream;
import io.github.mfaeval.load.text.CsvRows;
import io.github.mfaeval.load.text.Sniff;
import io.github.mfaeval.load.text.TextInput;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.mfaeval.load.text.Position;
import io.github.mfaeval.result.Rejection;
import io.github.mfaeval.model.ArmEvent;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads one Azure Activity Log export, whatever its shape (see {@link ActivityEvents}) and container (JSON
 * document, {@code {"value": [...]}} page, {@code {"records": [...]}} blob, one record per line, Log Analytics
 * {@code tables}, CSV; gzip or not), detected by content with the sign-in readers' utilities. Every record
 * seen becomes an event or a rejection naming file and record.
 */
public final class ActivityLogReader {
    public interface Sink {
        void event(ArmEvent event);

        /** {@code rejection.records()} records that are not evaluated. */
        void rejected(Rejection rejection);
    }

    private ActivityLogReader() {
    }

    /** Reads {@code file}; returns how it was understood, e.g. "JSON page objects, ARM REST / az monitor activity-log list (gzip)". */
    public static String read(Path file, Sink sink) {
        String name = file.getFileName().toString();
        String notReadable = io.github.mfaeval.load.text.InputFiles.problem(file);
        if (notReadable != null) {
            // a pipe, device, socket, folder or link out of the tenant folder: never opened (docs/hostile-input.md)
            sink.rejected(new Rejection(name, "", notReadable));
            return "not read";
        }
        Sniff sniff;
        try {
            sniff = Sniff.of(file);
        } catch (IOException e) {
            sink.rejected(new Rejection(name, "", TextInput.unreadable(e)));
            return "unreadable";
        }
        switch (sniff.kind()) {
            case EMPTY -> {
                // a gzip stream of nothing: written so on purpose, no events (a plain file of no bytes says nothing)
                if (sniff.gzip()) return "no events (empty gzip)";
                sink.rejected(new Rejection(name, "", "is empty: no records, not even an empty list or a CSV header (a failed export?)"));
                return "empty";
            }
            case BINARY, ZIP, UNKNOWN, UTF16_NO_BOM -> {
                sink.rejected(new Rejection(name, "line 1", "is not a JSON or CSV Activity Log export (" + sniff.kind().name().toLowerCase(Locale.ROOT)
                        + (sniff.firstLine().isEmpty() ? "" : ": starts with \"" + io.github.mfaeval.text.SafeText.excerpt(sniff.firstLine()) + "\"") + ")"));
                return sniff.kind().name().toLowerCase(Locale.ROOT);
            }
            default -> {
                // read below
            }
        }
        Records records = new Records(name, sink);
        try (TextInput in = TextInput.open(file)) {
            switch (sniff.kind()) {
                case JSON -> JsonStream.readDocument(in, records);
                case NDJSON -> JsonStream.readLines(in, records);
                default -> {
                    Columns csv = new Columns(name, records);
                    CsvRows.read(in, sniff.separator(), csv);
                }
            }
        } catch (IOException e) {
            sink.rejected(new Rejection(name, "", TextInput.unreadable(e) + (records.count > 0 ? " after " + records.count + " records; the rest is not read" : "")));
        }
        String container = records.container == null ? (sniff.kind() == Sniff.Kind.CSV ? "CSV" : "JSON") : records.container;
        String shape = records.shape == null ? "" : ", " + records.shape.label;
        return container + shape + (sniff.container().isEmpty() ? "" : " (" + sniff.container() + ")");
    }

    /** Turns the container readers' records into events or rejections. */
    private static final class Records implements JsonStream.Records {
        final String name;
        final Sink sink;
        String container;
        ActivityEvents.Shape shape;
        long count;

        Records(String name, Sink sink) {
            this.name = name;
            this.sink = sink;
        }

        @Override
        public void container(String description) {
            if (container == null) container = description;
        }

        @Override
        public void record(JsonNode node, Position at) {
            count++;
            try {
                if (shape == null && node != null && node.isObject()) shape = ActivityEvents.shapeOf(node);
                sink.event(ActivityEvents.read(node, name + " " + at));
            } catch (ActivityEvents.BadEvent e) {
                sink.rejected(new Rejection(name, at.toString(), e.getMessage()));
            }
        }

        @Override
        public void broken(String where, String reason, long n) {
            count += n;
            sink.rejected(new Rejection(name, where, reason, n));
        }

        @Override
        public void notice(String where, String message) {
            // nothing costs a record here
        }
    }

    /** CSV rows (Log Analytics export of AzureActivity) as objects named by the header, "TimeGenerated [UTC]" as TimeGenerated. */
    private static final class Columns implements CsvRows.Rows {
        final String name;
        final Records out;
        String[] header;

        Columns(String name, Records out) {
            this.name = name;
            this.out = out;
        }

        @Override
        public void header(String[] values, long line) {
            header = new String[values.length];
            for (int i = 0; i < values.length; i++) header[i] = values[i].replaceAll("\\s*\\[[^]]*]\\s*$", "").trim();
            out.container("CSV");
        }

        @Override
        public void row(String[] values, Position at) {
            ObjectNode record = JsonStream.MAPPER.createObjectNode();
            for (int i = 0; i < header.length; i++) {
                if (!values[i].isEmpty()) record.put(header[i], values[i]);
            }
            out.record(record, at);
        }

        @Override
        public void broken(String where, String reason, long count) {
            out.broken(where, reason, count);
        }
    }
}
