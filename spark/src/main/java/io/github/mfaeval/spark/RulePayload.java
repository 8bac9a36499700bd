package io.github.mfaeval.spark;

import io.github.mfaeval.engine.RuleBase;
import io.github.mfaeval.rules.RuleBases;
import io.github.mfaeval.rules.RuleBaseCache;
import io.github.mfaeval.rules.RuleBuildException;
import io.github.mfaeval.rules.RuleFiles;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The rule files the driver read (a few hundred KB), shipped to the executors in a broadcast. Each executor JVM
 * builds its rule base from them once, or loads it from its rule cache, and every task of that JVM shares it: the
 * rule base is immutable and thread-safe, sessions are per chunk.
 */
final class RulePayload implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Rule bases of this JVM by rule fingerprint (in local mode the driver's own is registered here). */
    private static final Map<String, RuleBase> BASES = new ConcurrentHashMap<>();

    private final String origin;
    private final TreeMap<String, byte[]> files;
    private final String fingerprint;
    private final String cacheDir;

    RulePayload(RuleFiles files, String cacheDir) {
        this.origin = files.origin();
        this.files = new TreeMap<>(files.files());
        this.fingerprint = files.fingerprint();
        this.cacheDir = cacheDir;
    }

    /** Makes {@code base} (built from these files) the one every task in this JVM uses. */
    void register(RuleBase base) {
        BASES.putIfAbsent(fingerprint, base);
    }

    /** This JVM's rule base for these files: built or loaded from the rule cache on first use only. */
    RuleBase ruleBase() {
        return BASES.computeIfAbsent(fingerprint, k -> build());
    }

    private RuleBase build() {
        try {
            RuleFiles rules = RuleFiles.of(origin, files);
            String dir = cacheDir != null ? cacheDir : System.getenv(RuleBaseCache.ENV);
            try {
                return RuleBases.load(rules, RuleBaseCache.at(dir != null ? Path.of(dir) : null)).base();
            } catch (RuntimeException e) {
                // An executor whose cache folder is not writable still builds the rules, only slower.
                return RuleBases.load(rules, RuleBaseCache.none()).base();
            }
        } catch (RuleBuildException e) {
            throw new IllegalStateException("the rules do not build on this executor: " + e.getProblems(), e);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
