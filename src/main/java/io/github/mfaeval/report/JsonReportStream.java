package io.github.mfaeval.report;

import io.github.mfaeval.result.Report;
import io.github.mfaeval.result.SignInSelection;
import io.github.mfaeval.result.SignInSink;
import io.github.mfaeval.result.SignInVerdict;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;

/**
 * Writes a JSON report while the tenant is evaluated: first what is known before any sign-in is read
 * (schema version, tenant, date), then the {@code signIns} array one verdict at a time as the rules decide
 * them, then everything that needs all sign-ins (status, schedule, summary, findings, users, inputs,
 * rules). Only the per-user part of a report is ever held in memory.
 *
 * <p>The field order is therefore the one of {@link Report}'s {@code @JsonPropertyOrder}; {@link JsonRenderer}
 * renders a report held in memory through this class too, so both give the same bytes.
 */
public final class JsonReportStream implements SignInSink {
    /** Writing the report failed (as opposed to reading the tenant). */
    public static final class WriteFailed extends IOException {
        WriteFailed(IOException cause) {
            super(cause.getMessage(), cause);
        }
    }

    // One verdict at a time must not flush the writer (Jackson's default flushes after every value).
    private static final ObjectWriter WRITER = JsonRenderer.MAPPER.writer()
            .without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);

    private final Writer out;
    private final SignInSelection selection;
    private final JsonGenerator json;
    private long written;
    private boolean begun;

    public JsonReportStream(Writer out, SignInSelection selection) throws IOException {
        this.out = out;
        this.selection = selection;
        this.json = WRITER.createGenerator(out);
        // The caller owns the writer: Jackson must not close it.
        this.json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }

    /** Writes the head and opens the {@code signIns} array. */
    public void begin(Report.TenantRef tenant, LocalDate asOf) throws IOException {
        begin(tenant, asOf, java.util.List.of());
    }

    /** The head with what the collection could not get, known before any sign-in is read: it comes first. */
    public void begin(Report.TenantRef tenant, LocalDate asOf, java.util.List<io.github.mfaeval.result.CollectionGap> gaps) throws IOException {
        try {
            json.writeStartObject();
            json.writeNumberField("schemaVersion", Report.SCHEMA_VERSION);
            field("tenant", tenant);
            field("asOf", asOf);
            if (gaps != null && !gaps.isEmpty()) field("collectionGaps", gaps);
            json.writeFieldName("signIns");
            json.writeStartArray();
            begun = true;
        } catch (IOException e) {
            throw new WriteFailed(e);
        }
    }

    /** Writes the verdict if the selection keeps it. */
    @Override
    public void accept(SignInVerdict verdict) throws IOException {
        if (!begun) throw new IllegalStateException("begin() first");
        if (!selection.keeps(verdict)) return;
        try {
            WRITER.writeValue(json, verdict);
        } catch (IOException e) {
            throw new WriteFailed(e);
        }
        written++;
    }

    /** Closes the array and writes the rest of the report (its {@code signIns} are not looked at). */
    public void finish(Report report) throws IOException {
        try {
            json.writeEndArray();
            field("status", report.status());
            field("schedule", report.schedule());
            field("summary", report.summary());
            field("findingCounts", report.findingCounts());
            field("findings", report.findings());
            field("actions", report.actions());
            field("users", report.users());
            field("inputs", report.inputs());
            field("rules", report.rules());
            // Present only when they apply: accepted risks declared, a batch run, a baseline given.
            if (report.acceptedRisks() != null) field("acceptedRisks", report.acceptedRisks());
            if (report.changes() != null) field("changes", report.changes());
            if (report.provenance() != null) field("provenance", report.provenance());
            // The edition of Microsoft's page the rules implement; the Phase 2 writes only when an activity log was read.
            field("edition", report.edition());
            if (report.armWrites() != null) field("armWrites", report.armWrites());
            json.writeEndObject();
            json.flush();
            out.write(System.lineSeparator());
            out.flush();
        } catch (IOException e) {
            throw new WriteFailed(e);
        }
    }

    /** How many verdicts went into the report. */
    public long written() {
        return written;
    }

    private void field(String name, Object value) throws IOException {
        json.writeFieldName(name);
        WRITER.writeValue(json, value);
    }
}
