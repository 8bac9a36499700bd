package io.github.mfaeval.pipeline;

import io.github.mfaeval.TestRules;
import io.github.mfaeval.model.SignIn;
import io.github.mfaeval.report.JsonRenderer;
import io.github.mfaeval.result.Report;
import io.github.mfaeval.result.SignInVerdict;
import io.github.mfaeval.result.Summary;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pipeline's named steps give what evaluate gives, whoever calls them one by one (a cluster, the benchmark). */
class TenantPipelineTest {
    private final TenantPipeline pipeline = new TenantPipeline(TestRules.base());

    private static String json(Report r) throws Exception {
        StringWriter out = new StringWriter();
        new JsonRenderer().render(r, out);
        return out.toString();
    }

    @Test
    void theStepsOneByOneMakeTheReportEvaluateMakes() throws Exception {
        for (String name : List.of("contoso-ready", "fabrikam-gaps", "northwind-guests")) {
            Path folder = TestRules.EXAMPLES.resolve(name);
            TenantPipeline.Tenant t = pipeline.load(folder, TestRules.AS_OF);
            pipeline.tenantStage(t);
            List<SignInVerdict> verdicts = new ArrayList<>();
            SignInResults signIns = pipeline.signIns(t, verdicts::add);
            Report stepByStep = pipeline.finish(t, signIns).withSignIns(verdicts);
            assertEquals(json(pipeline.evaluate(folder, TestRules.AS_OF)), json(stepByStep), name);
        }
    }

    @Test
    void theSignInStepNeedsTheTenantStageFirst() throws Exception {
        TenantPipeline.Tenant t = pipeline.load(TestRules.EXAMPLES.resolve("contoso-ready"), TestRules.AS_OF);
        assertThrows(IllegalStateException.class, () -> pipeline.signIns(t, v -> { }));
    }

    @Test
    void theParseFloorCountsWhatEvaluateReads() throws Exception {
        for (String name : List.of("contoso-ready", "fabrikam-gaps", "northwind-guests")) {
            Path folder = TestRules.EXAMPLES.resolve(name);
            Summary s = pipeline.evaluate(folder, TestRules.AS_OF).summary();
            for (int readers : new int[] {1, 2}) {
                TenantPipeline.ReadCounts c = TenantPipeline.readOnly(folder, readers);
                assertEquals(new TenantPipeline.ReadCounts(s.signInsRead(), s.signInsRejected(), s.signInsDuplicate()), c, name);
            }
        }
    }

    @Test
    void aClusterReadingPartsAndChunksJudgesAsTheSignInStepDoes() throws Exception {
        Path folder = TestRules.EXAMPLES.resolve("fabrikam-gaps");
        TenantPipeline.Tenant t = pipeline.loadForCluster(folder, TestRules.AS_OF);
        ChunkContext context = pipeline.tenantStage(t);
        List<SignIn> read = new ArrayList<>();
        for (Path file : t.signInFiles()) {
            for (SignInParts.Part part : TenantPipeline.signInParts(file, 1 << 20)) {
                TenantPipeline.readPart(file, part, t.authDetailFiles(), new SignInParts.Sink() {
                    @Override
                    public void signIn(SignIn s) {
                        read.add(s);
                    }

                    @Override
                    public void rejected(long index, long line, String where, String reason, long count) {
                    }
                });
            }
        }
        assertTrue(read.size() > 0);
        // One sign-in file: the sign-in step keeps the first record of each id (the others are duplicates).
        java.util.Set<String> seen = new java.util.HashSet<>();
        read.removeIf(x -> !seen.add(x.getId()));
        SignInShare share = pipeline.signInShare(context);
        List<SignInVerdict> judged = new ArrayList<>();
        for (int i = 0; i < read.size(); i += 7) {
            for (SignInShare.Judged j : pipeline.evaluateChunk(share, read.subList(i, Math.min(read.size(), i + 7)))) judged.add(j.verdict());
        }
        Report evaluated = pipeline.evaluate(folder, TestRules.AS_OF);
        assertEquals(evaluated.signIns(), judged);
        assertEquals(evaluated.summary().signInsInScope(), share.inScope());
        assertEquals(evaluated.summary().signInsSatisfied(), share.satisfied());
    }
}
