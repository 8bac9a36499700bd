package io.github.mfaeval.report;

import io.github.mfaeval.result.Report;
import io.github.mfaeval.result.SignInSelection;
import io.github.mfaeval.result.SignInVerdict;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.Writer;

/**
 * A report held in memory as JSON, following schema/report.schema.json: written through
 * {@link JsonReportStream}, so it is byte for byte what a streamed evaluation writes with every sign-in.
 */
public final class JsonRenderer implements Renderer {
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public void render(Report report, Writer out) throws IOException {
        JsonReportStream stream = new JsonReportStream(out, SignInSelection.ALL);
        stream.begin(report.tenant(), report.asOf(), report.collectionGaps());
        if (report.signIns() != null) {
            for (SignInVerdict v : report.signIns()) stream.accept(v);
        }
        stream.finish(report);
    }
}
