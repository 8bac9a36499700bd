package io.github.mfaeval.engine;

import io.github.mfaeval.model.ReferenceBuild;
import io.github.mfaeval.model.ReferenceFact;
import org.drools.base.base.ClassObjectType;
import org.drools.base.base.ObjectType;
import org.drools.core.impl.InternalRuleBase;
import org.drools.base.reteoo.InitialFactImpl;
import org.drools.core.reteoo.ObjectTypeNode;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieContainer;
import org.kie.api.runtime.KieSession;

import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The compiled rules of one rules folder: one KieBase per stage, the rule catalogue, and the reference
 * facts the decision tables produced. Immutable and safe to share across threads; sessions are not.
 */
public final class RuleBase {
    private final Path source;
    private final String fingerprint;
    private final Edition edition;
    private final KieContainer container;
    private final Map<Stage, KieBase> bases;
    private final Map<String, RuleInfo> catalogue;
    private final List<RuleProblem> warnings;
    private final FindingCatalogue findingCatalogue;
    private final io.github.mfaeval.result.ActionCatalogue actionCatalogue;
    private final List<ReferenceFact> reference;
    private final Set<String> referenceRules;
    private final Map<Stage, List<ReferenceFact>> referenceByStage = new EnumMap<>(Stage.class);
    private final Map<Stage, Map<Class<?>, Boolean>> readsByStage = new java.util.concurrent.ConcurrentHashMap<>();
    /** The globals each stage declares, looked up once: a session is made per chunk of facts. */
    private final Map<Stage, Set<String>> globals = new EnumMap<>(Stage.class);
    /** {@link #reference(Class)} per type: asked for by every tenant of a batch. */
    private final Map<Class<?>, List<?>> referenceByType = new java.util.concurrent.ConcurrentHashMap<>();
    /** The decisions the tool itself applies, read once from their tables (see {@link Decisions}). */
    private final Decisions decisions;

    public RuleBase(Path source, String fingerprint, Edition edition, KieContainer container, Map<Stage, KieBase> bases,
             Map<String, RuleInfo> catalogue, List<RuleProblem> warnings, FindingCatalogue findingCatalogue) {
        this.source = source;
        this.fingerprint = fingerprint;
        this.edition = edition;
        this.container = container;
        this.bases = new EnumMap<>(bases);
        this.catalogue = Collections.unmodifiableMap(catalogue);
        this.warnings = List.copyOf(warnings);
        this.findingCatalogue = findingCatalogue == null ? FindingCatalogue.none() : findingCatalogue;
        for (Map.Entry<Stage, KieBase> e : this.bases.entrySet()) {
            Set<String> names = new HashSet<>();
            e.getValue().getKiePackages().forEach(p -> p.getGlobalVariables().forEach(g -> names.add(g.getName())));
            globals.put(e.getKey(), Set.copyOf(names));
        }
        ReferenceSink sink = new ReferenceSink();
        Set<String> fired = new HashSet<>();
        KieSession session = newSession(Stage.REFERENCE, null, sink, fired);
        try {
            session.insert(new ReferenceBuild());
            session.fireAllRules();
        } finally {
            session.dispose();
        }
        this.reference = List.copyOf(sink.facts());
        this.referenceRules = Set.copyOf(fired);
        for (Stage stage : Stage.values()) {
            if (stage != Stage.REFERENCE) referenceByStage.put(stage, readBy(bases.get(stage), reference));
        }
        this.decisions = Decisions.of(reference, catalogue);
        this.actionCatalogue = this.findingCatalogue.actions().withReadiness(decisions.readiness());
    }

    /**
     * The reference facts that some rule of the kbase can match: those whose class one of its object type nodes
     * accepts (a pattern on the class, a superclass or an interface, also under not, exists or accumulate). What a
     * stage is given is read off its own rules, so a new table or fact type needs no wiring in Java.
     */
    private static List<ReferenceFact> readBy(KieBase base, List<ReferenceFact> reference) {
        if (base == null) return List.of();
        List<ObjectType> types = objectTypes(base);
        Map<Class<?>, Boolean> read = new java.util.HashMap<>();
        return reference.stream()
                .filter(f -> read.computeIfAbsent(f.getClass(), c -> accepts(types, c)))
                .toList();
    }

    private static List<ObjectType> objectTypes(KieBase base) {
        List<ObjectType> types = new java.util.ArrayList<>();
        for (ObjectTypeNode node : ((InternalRuleBase) base).getRete().getObjectTypeNodes()) {
            ObjectType type = node.getObjectType();
            // Every kbase has a node for the initial fact; a pattern on Object would take everything, as it should.
            if (type instanceof ClassObjectType c && c.getClassType() == InitialFactImpl.class) continue;
            types.add(type);
        }
        return types;
    }

    private static boolean accepts(List<ObjectType> types, Class<?> c) {
        return types.stream().anyMatch(t -> t.isAssignableFrom(c));
    }

    /**
     * Whether some rule of the stage can match a fact of this class (the same test that hands each stage its
     * reference facts): a stage is given only the derived facts it can read.
     */
    public boolean reads(Stage stage, Class<?> type) {
        return readsByStage.computeIfAbsent(stage, s -> new java.util.concurrent.ConcurrentHashMap<>())
                .computeIfAbsent(type, c -> {
                    KieBase base = bases.get(stage);
                    return base != null && accepts(objectTypes(base), c);
                });
    }

    /** A new session of a stage, explained into the given sinks; the caller disposes it. */
    KieSession newSession(Stage stage, FindingSink findings, ReferenceSink referenceSink, Set<String> fired) {
        KieSession session = bases.get(stage).newKieSession();
        session.addEventListener(new Explainer(findings, referenceSink, fired, stage.explains()));
        if (findings != null && session.getGlobals() != null && hasGlobal(stage, "findings")) {
            session.setGlobal("findings", findings);
        }
        if (referenceSink != null && hasGlobal(stage, "reference")) {
            session.setGlobal("reference", referenceSink);
        }
        return session;
    }

    private boolean hasGlobal(Stage stage, String name) {
        return globals.getOrDefault(stage, Set.of()).contains(name);
    }

    /** What to read from a session once its rules are done, before it is disposed of. */
    interface AfterFire {
        void accept(KieSession session);
    }

    /**
     * Runs one stage over {@code context} then {@code facts} in a fresh session (nothing is carried between chunks or
     * tenants); its findings go to {@code findings}, its rule ids to {@code fired}. An interrupted thread (a batch
     * whose per-tenant time limit ran out) stops at the next rule firing: the caller gets a CancellationException,
     * never a partial report.
     */
    void run(Stage stage, List<?> context, List<?> facts, FindingSink findings, Set<String> fired, AfterFire after) {
        stopIfInterrupted();
        KieSession session = newSession(stage, findings, null, fired);
        try {
            session.addEventListener(new HaltWhenInterrupted(session));
            for (Object o : context) session.insert(o);
            for (Object o : facts) session.insert(o);
            session.fireAllRules();
            stopIfInterrupted();
            after.accept(session);
        } finally {
            session.dispose();
        }
    }

    /** {@link #run(Stage, List, List, FindingSink, Set, AfterFire)} with nothing to read afterwards. */
    void run(Stage stage, List<?> context, List<?> facts, FindingSink findings, Set<String> fired) {
        run(stage, context, facts, findings, fired, session -> { });
    }

    /**
     * The facts a session's rules inserted (logically: what still holds once the rules are done), in the order they
     * were inserted, so that the next stage gets them in the same order on every run.
     */
    static List<Object> derivedFacts(KieSession session) {
        List<org.drools.core.common.InternalFactHandle> handles = new java.util.ArrayList<>();
        for (org.kie.api.runtime.rule.FactHandle h : session.getFactHandles()) {
            org.drools.core.common.InternalFactHandle handle = (org.drools.core.common.InternalFactHandle) h;
            if (handle.getEqualityKey() != null && handle.getEqualityKey().getStatus() == org.drools.core.common.EqualityKey.JUSTIFIED) {
                handles.add(handle);
            }
        }
        handles.sort(java.util.Comparator.comparingLong(org.drools.core.common.InternalFactHandle::getId));
        List<Object> facts = new java.util.ArrayList<>();
        for (org.drools.core.common.InternalFactHandle h : handles) facts.add(h.getObject());
        return facts;
    }

    private static void stopIfInterrupted() {
        if (Thread.currentThread().isInterrupted()) {
            throw new java.util.concurrent.CancellationException("evaluation interrupted");
        }
    }

    /** Halts a session whose thread was interrupted, so even rules that keep re-firing come to an end. */
    private static final class HaltWhenInterrupted extends org.kie.api.event.rule.DefaultAgendaEventListener {
        private final KieSession session;

        HaltWhenInterrupted(KieSession session) {
            this.session = session;
        }

        @Override
        public void afterMatchFired(org.kie.api.event.rule.AfterMatchFiredEvent event) {
            if (Thread.currentThread().isInterrupted()) session.halt();
        }
    }

    public Path source() { return source; }
    /** SHA-256 over the rule files' names and contents. */
    public String fingerprint() { return fingerprint; }
    public Map<String, RuleInfo> catalogue() { return catalogue; }
    /** The findings catalogue (findings.csv): the message of every finding the rules raise. */
    public FindingCatalogue findingCatalogue() { return findingCatalogue; }
    /** What to do about each finding code: the actions of the findings catalogue. */
    public io.github.mfaeval.result.ActionCatalogue actionCatalogue() { return actionCatalogue; }
    /** A collector of the findings of one tenant's evaluation (or of part of it, on a cluster's executor). */
    public FindingSink newFindingSink() { return new FindingSink(catalogue, findingCatalogue); }
    /** The edition of Microsoft's page these rules implement. */
    public Edition edition() { return edition; }
    public List<RuleProblem> warnings() { return warnings; }
    public List<ReferenceFact> reference() { return reference; }

    /**
     * The reference facts a stage's sessions start from: those its rules have patterns for, in the order the table
     * rows made them.
     */
    public List<ReferenceFact> referenceFor(Stage stage) {
        return referenceByStage.getOrDefault(stage, List.of());
    }

    @SuppressWarnings("unchecked")
    public <T> List<T> reference(Class<T> type) {
        return (List<T>) referenceByType.computeIfAbsent(type, t -> reference.stream().filter(t::isInstance).toList());
    }

    /**
     * Of several copies of one sign-in, the one its verdict is judged on first: the ranking of
     * rules/reference/copy-ranking.drl.csv. A rules folder without that table has no ranking: comparing two copies
     * then fails the evaluation (never a verdict on a copy chosen by chance).
     */
    public java.util.Comparator<io.github.mfaeval.model.SignIn> copyRanking() { return decisions.copyRanking(); }

    /** What the decision tables the tool applies itself say wrongly (a criterion without a row, ...): build errors. */
    public List<RuleProblem> decisionProblems() { return decisions.problems(); }

    /** Ids of the decision-table rows that produced reference facts (all active rows). */
    public Set<String> referenceRules() { return referenceRules; }

    /** The compiled rules of a stage, as Drools holds them (the rule toolchain's tests read its configuration). */
    public KieBase kieBase(Stage stage) { return bases.get(stage); }

    /** The container the stages came from; null when they were made from a cached module's model classes. */
    KieContainer container() { return container; }
}
