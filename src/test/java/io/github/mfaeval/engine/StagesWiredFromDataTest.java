package io.github.mfaeval.engine;

import io.github.mfaeval.rules.RuleBaseBuilder;
import io.github.mfaeval.rules.RuleFiles;
import io.github.mfaeval.TestRules;
import io.github.mfaeval.load.TenantLoader;
import io.github.mfaeval.model.ReferenceFact;
import io.github.mfaeval.model.WatchedApp;
import io.github.mfaeval.result.Report;
import io.github.mfaeval.result.SignInVerdict;
import io.github.mfaeval.result.UserVerdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each stage starts from the reference facts its own rules have patterns for: nothing in Java lists them. A new
 * table with a new fact type, or an existing table's facts read by another stage, needs only files under rules/
 * (and the fact's model class).
 */
class StagesWiredFromDataTest {
    private static final String AZURE_PORTAL = "c44b4083-3bb0-49c1-b47d-974e53cbdf3c";

    private static Map<Stage, Set<String>> typesPerStage(RuleBase rules) {
        Map<Stage, Set<String>> out = new EnumMap<>(Stage.class);
        for (Stage stage : Stage.values()) {
            Set<String> types = new TreeSet<>();
            for (ReferenceFact f : rules.referenceFor(stage)) types.add(f.getClass().getSimpleName());
            out.put(stage, types);
        }
        return out;
    }

    @Test
    void eachStageGetsTheTablesItsRulesRead() {
        Map<Stage, Set<String>> base = typesPerStage(TestRules.base());
        assertEquals(Set.of(), base.get(Stage.REFERENCE));
        assertEquals(Set.of("AdminPortalTarget"), base.get(Stage.POLICY));
        // PostponementLimit: the tenant's enforcement settings are held to the latest postponed start (tenant-settings.drl);
        // ListedApp: a collection's sign-in filter is held to the applications the rules list (collection.drl)
        assertEquals(Set.of("DirectoryRole", "ListedApp", "PhaseDefault", "PostponementLimit", "PostponementWindow"), base.get(Stage.TENANT));
        assertEquals(Set.of("ListedApp", "MfaMethod", "NoMfaProtocol", "RequirementProvider", "ResultPhrase"), base.get(Stage.SIGNIN));
        assertEquals(Set.of("DirectoryRole", "PhishingResistantMethod", "SyncAccountPattern"), base.get(Stage.USER));

        // The 2026 edition's Azure Resource Manager terms and postponement limits reach the stages that read them.
        Map<Stage, Set<String>> edition = typesPerStage(TestRules.edition("2026-04-03"));
        assertTrue(edition.get(Stage.SIGNIN).contains("ArmTerm"), edition.toString());
        assertTrue(edition.get(Stage.TENANT).contains("PostponementLimit"), edition.toString());
        assertFalse(edition.get(Stage.USER).contains("ArmTerm"), edition.toString());
    }

    @Test
    void factsKeepTheOrderOfTheTableRows() {
        List<ReferenceFact> signin = TestRules.base().referenceFor(Stage.SIGNIN);
        for (int i = 1; i < signin.size(); i++) assertTrue(signin.get(i - 1).getOrder() < signin.get(i).getOrder());
    }

    @Test
    void aNewTableAndANewUseOfATableNeedOnlyRuleFiles(@TempDir Path tmp) throws Exception {
        Path rules = TestRules.copyOfRules(tmp);
        // A new table of a new fact type (WatchedApp: the one model class), read by a new sign-in rule ...
        Files.writeString(rules.resolve("reference/watched-apps.drl.csv"), """
                "Notes","Applications an author wants cited on every sign-in to them."
                "Global","io.github.mfaeval.engine.ReferenceSink reference"

                "Table","Watched applications"
                "Action","reference.add(new WatchedApp({Client app id}))"
                "Application","Rule id","Source section","Active","Client app id"
                "Azure portal","MM-WATCH-001","Applications","true","%s"
                """.formatted(AZURE_PORTAL));
        Files.writeString(rules.resolve("signin/watched.drl"), """
                package signin;

                import io.github.mfaeval.model.SignIn;
                import io.github.mfaeval.model.WatchedApp;

                rule "A sign-in to a watched application is cited"
                    @id(MM-WATCH-100) @section("Applications") @severity(INFO)
                when
                    $s : SignIn( $app : appIdLower )
                    WatchedApp( appId == $app )
                then
                    // Explanation only: the sign-in's line cites this rule and the table row.
                end
                """);
        // ... and an existing table (applications) read by a stage that did not read it before (users).
        Files.writeString(rules.resolve("user/listed-phase-1.drl"), """
                package user;

                import io.github.mfaeval.model.UserFact;
                import io.github.mfaeval.model.ListedApp;

                rule "A user who signed in to a listed application is cited with the Phase 1 applications"
                    @id(MM-WATCH-200) @section("Applications") @severity(INFO)
                when
                    $u : UserFact( signIns.inScope > 0 )
                    ListedApp( phase == 1 )
                then
                    // Explanation only.
                end
                """);
        RuleBase built = RuleBaseBuilder.build(RuleFiles.fromDirectory(rules));
        assertTrue(built.referenceFor(Stage.SIGNIN).stream().anyMatch(f -> f instanceof WatchedApp));
        assertFalse(built.referenceFor(Stage.TENANT).stream().anyMatch(f -> f instanceof WatchedApp));
        assertTrue(built.referenceFor(Stage.USER).stream().anyMatch(f -> f.getSourceRule().equals("MM-APP-001")));

        Report r = new Evaluator(built).evaluate(TenantLoader.load(TestRules.EXAMPLES.resolve("contoso-ready")), TestRules.AS_OF);
        List<SignInVerdict> portal = r.signIns().stream().filter(s -> AZURE_PORTAL.equals(s.appId())).toList();
        assertFalse(portal.isEmpty());
        for (SignInVerdict s : portal) {
            assertTrue(s.rules().containsAll(List.of("MM-WATCH-100", "MM-WATCH-001")), s.rules().toString());
        }
        assertTrue(r.signIns().stream().filter(s -> !AZURE_PORTAL.equals(s.appId())).noneMatch(s -> s.rules().contains("MM-WATCH-100")));
        List<UserVerdict> signedIn = r.users().stream().filter(u -> u.signIns().inScope() > 0).toList();
        assertFalse(signedIn.isEmpty());
        for (UserVerdict u : signedIn) assertTrue(u.rules().containsAll(List.of("MM-WATCH-200", "MM-APP-001")), u.rules().toString());
        assertTrue(r.rules().fired().containsAll(List.of("MM-WATCH-001", "MM-WATCH-100", "MM-WATCH-200")));
    }
}
