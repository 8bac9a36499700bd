package io.github.mfaeval.report;

import io.github.mfaeval.result.Report;
import io.github.mfaeval.result.SignInSelection;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.mfaeval.TestRules;
import io.github.mfaeval.engine.Evaluator;
import io.github.mfaeval.load.TenantData;
import io.github.mfaeval.load.TenantLoader;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JSON report written while evaluating is the report held in memory, whichever way it is produced. */
class StreamingReportTest {
    static final List<String> TENANTS = List.of("contoso-ready", "fabrikam-gaps", "northwind-guests");

    static String streamed(Evaluator evaluator, Path tenant, SignInSelection selection) throws Exception {
        TenantData data = TenantLoader.load(tenant);
        StringWriter out = new StringWriter();
        JsonReportStream json = new JsonReportStream(out, selection);
        json.begin(Report.TenantRef.of(data.tenant), TestRules.AS_OF);
        Report report = evaluator.evaluate(data, TestRules.AS_OF, json);
        assertNull(report.signIns(), "streamed verdicts are not kept");
        json.finish(report);
        return out.toString();
    }

    static String inMemory(Path tenant) throws Exception {
        StringWriter out = new StringWriter();
        new JsonRenderer().render(TestRules.evaluate(tenant), out);
        return out.toString();
    }

    @Test
    void allSignInsStreamedIsTheReportHeldInMemory() throws Exception {
        for (String t : TENANTS) {
            Path tenant = TestRules.EXAMPLES.resolve(t);
            assertEquals(inMemory(tenant), streamed(new Evaluator(TestRules.base()), tenant, SignInSelection.ALL), t);
        }
    }

    @Test
    void twoThreadsOrOneGiveTheSameReport() throws Exception {
        for (String t : TENANTS) {
            Path tenant = TestRules.EXAMPLES.resolve(t);
            Evaluator two = new Evaluator(TestRules.base());
            assertEquals(streamed(two.onOneThread(), tenant, SignInSelection.ALL), streamed(two, tenant, SignInSelection.ALL), t);
        }
    }

    @Test
    void theSelectionChoosesWhichSignInsAreListed() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        for (String t : TENANTS) {
            Path tenant = TestRules.EXAMPLES.resolve(t);
            Evaluator evaluator = new Evaluator(TestRules.base());
            JsonNode all = mapper.readTree(streamed(evaluator, tenant, SignInSelection.ALL));
            JsonNode unsatisfied = mapper.readTree(streamed(evaluator, tenant, SignInSelection.UNSATISFIED));
            JsonNode none = mapper.readTree(streamed(evaluator, tenant, SignInSelection.NONE));
            assertEquals(all.get("summary").get("signInsEvaluated").asLong(), all.get("signIns").size(), t);
            assertEquals(all.get("summary").get("signInsNotSatisfied").asLong(), unsatisfied.get("signIns").size(), t);
            for (JsonNode s : unsatisfied.get("signIns")) {
                assertTrue(s.get("inScope").asBoolean() && !s.get("mfaSatisfied").asBoolean(), t + ": " + s);
            }
            assertEquals(0, none.get("signIns").size(), t);
            // Everything but the list is the same whatever is listed.
            for (JsonNode other : List.of(unsatisfied, none)) {
                Iterator<String> names = all.fieldNames();
                while (names.hasNext()) {
                    String name = names.next();
                    if (!name.equals("signIns")) assertEquals(all.get(name), other.get(name), t + ": " + name);
                }
            }
        }
    }

    @Test
    void theStreamWritesEveryFieldOfTheReport() throws Exception {
        JsonNode written = new ObjectMapper().readTree(streamed(new Evaluator(TestRules.base()),
                TestRules.EXAMPLES.resolve("northwind-guests"), SignInSelection.NONE));
        List<String> fields = new ArrayList<>();
        written.fieldNames().forEachRemaining(fields::add);
        // The optional fields (accepted risks, changes, provenance) are written only when set: a plain
        // evaluation sets none of them, so compare with the components this report has.
        Report report = new Evaluator(TestRules.base()).evaluate(
                io.github.mfaeval.load.TenantLoader.load(TestRules.EXAMPLES.resolve("northwind-guests")), TestRules.AS_OF);
        List<String> components = new ArrayList<>();
        for (var c : Report.class.getRecordComponents()) {
            if (c.getName().equals("signIns") || c.getAccessor().invoke(report) != null) components.add(c.getName());
        }
        // actions and findingCounts are no components: Report derives them from the findings, and the stream writes them too
        // (collectionGaps likewise, only for a folder made by collect: not this one).
        components.add("actions");
        components.add("findingCounts");
        components.sort(null);
        assertEquals(components, fields.stream().sorted().toList(), "JsonReportStream must write every field added to Report");
    }

    @Test
    void aSinkThatFailsStopsTheEvaluationWithItsError() throws Exception {
        IOException full = new IOException("no space left on device");
        AtomicInteger calls = new AtomicInteger();
        TenantData data = TenantLoader.load(TestRules.EXAMPLES.resolve("northwind-guests"));
        for (Evaluator e : List.of(new Evaluator(TestRules.base()), new Evaluator(TestRules.base()).onOneThread())) {
            IOException thrown = assertThrows(IOException.class, () -> e.evaluate(data, TestRules.AS_OF, v -> {
                if (calls.incrementAndGet() == 3) throw full;
            }));
            assertSame(full, thrown);
            calls.set(0);
        }
    }
}
