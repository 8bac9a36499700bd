package io.github.mfaeval.report;

import io.github.mfaeval.text.SafeText;

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
                text(json, "time", time);
                text(json, "tenant", r.tenant().id());
                text(json, "tenantName", r.tenant().displayName());
                text(json, "status", r.status().name());
                text(json, "code", f.code());
                text(json, "severity", f.severity().name());
                text(json, "subject", f.subject());
                text(json, "subjectName", names.of(f.subject()));
                text(json, "rule", f.rule());
                text(json, "section", f.section());
                text(json, "message", f.message());
                text(json, "enforcementDate", dates.of(f) == null ? null : dates.of(f).toString());
                text(json, "action", actionOf.get(f));
                json.writeBooleanField("accepted", f.accepted() != null);
                json.writeEndObject();
                json.flush();
                out.write('\n');
            }
        }
        out.flush();
    }

    /**
     * A string field with controls and bidi characters shown as '?', as in the text report: a SIEM shows these
     * lines to people, and JSON escapes only the C0 controls, not CSI (U+009B) or a right-to-left override.
     */
    private static void text(JsonGenerator json, String field, String value) throws IOException {
        json.writeStringField(field, value == null ? null : SafeText.terminal(value));
    }
}
