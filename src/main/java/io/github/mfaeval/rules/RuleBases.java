package io.github.mfaeval.rules;

import io.github.mfaeval.engine.RuleBase;

/**
 * The one way the commands, Spark and the benchmark get a {@link RuleBase}: the rules folder as one edition sees it,
 * through a rule cache. {@link RuleBaseCache#at} is the cache on disk (the given folder, else the default one);
 * {@link RuleBaseCache#none()} is {@code --no-cache}: it neither reads nor writes, every load builds. Rule errors
 * throw {@link RuleBuildException} the same either way.
 */
public final class RuleBases {
    private RuleBases() {
    }

    /** The rule base of these files, where it came from, and why not from the cache when an entry was unusable. */
    public static RuleBaseCache.Loaded load(RuleFiles files, RuleBaseCache cache) throws RuleBuildException {
        return cache.load(files);
    }
}
