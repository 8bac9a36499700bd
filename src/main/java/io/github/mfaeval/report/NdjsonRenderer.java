package io.github.mfaeval.report;

import io.github.mfaeval.result.Actions;
import io.github.mfaeval.result.EnforcementDates;
import io.github.mfaeval.result.Report;
import io.github.mfaeval.result.SubjectNames;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.mfaeval.model.Finding;

import java.io.IOException;
import java.io.Writer;
import java.time.ZoneOffset;

/**
 * One finding per line, one JSON object each (NDJSON), for a SIEM: {@code tenant}, {@code code}, {@code severity},
 * {@code subject}, {@code rule}, {@code section} and {@code time} (the evaluation date, at 00:00 UTC: the day the
 * finding holds for), plus the names and advice a person reading an alert wants. Every finding is written,
 * informational and accepted ones too, so a query can tell "fixed" from "accepted"; {@code action} names the
 * action (of {@code actions[]}) that fixes it, null when nothing is to be done.
 */
public final class NdjsonRenderer implements Renderer {
    @Override
    public void render(Report r, Writer out) throws IOException {
        SubjectNames names = new SubjectNames(r);
        EnforcementDates dates = new EnforcementDates(r);
        java.util.Map<Finding, String> actionOf = new java.util.IdentityHashMap<>();
        for (Actions.Group g : Actions.groups(r)) {
            for (Finding f : g.findings()) actionOf.put(f, g.action().id());
        }
        String time = r.asOf().atStartOfDay().atOffset(ZoneOffset.UTC).toInstant().toString();
        try (JsonGenerator json = JsonRenderer.MAPPER.getFactory().createGenerator(out)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            for (Finding f : r.findings()) {
                json.writeStartObject();
                json.writeStringField("time", time);
                json.writeStringField("tenant", r.tenant().id());
                json.writeStringField("tenantName", r.tenant().displayName());
                json.writeStringField("status", r.status().name());
                json.writeStringField("code", f.code());
                json.writeStringField("severity", f.severity().name());
                json.writeStringField("subject", f.subject());
                json.writeStringField("subjectName", names.of(f.subject()));
                json.writeStringField("rule", f.rule());
                json.writeStringField("section", f.section());
                json.writeStringField("message", f.message());
                json.writeStringField("enforcementDate", dates.of(f) == null ? null : dates.of(f).toString());
                json.writeStringField("action", actionOf.get(f));
                json.writeBooleanField("accepted", f.accepted() != null);
                json.writeEndObject();
                json.flush();
                out.write('\n');
            }
        }
        out.flush();
    }
}
