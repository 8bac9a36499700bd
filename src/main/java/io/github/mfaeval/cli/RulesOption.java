package io.github.mfaeval.cli;

import io.github.mfaeval.engine.RuleBase;
import io.github.mfaeval.rules.RuleBases;
import io.github.mfaeval.rules.RuleBaseCache;
import io.github.mfaeval.rules.RuleBuildException;
import io.github.mfaeval.rules.RuleFiles;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;

/** The --rules option shared by the commands, and how the rule base is built (or taken from the cache) from it. */
final class RulesOption {
    @Option(names = "--rules", paramLabel = "DIR",
            description = "Rules folder (default: $MFA_EVAL_RULES, else the project's rules/, else the copy in the jar).")
    Path rules;

    @Option(names = "--cache-dir", paramLabel = "DIR",
            description = "Where compiled rule bases are kept (default: $MFA_EVAL_CACHE, else $XDG_CACHE_HOME/mfa-eval, else ~/.cache/mfa-eval).")
    Path cacheDir;

    @Option(names = "--no-cache", description = "Build the rules from scratch; neither read nor write the rule cache.")
    boolean noCache;

    @Option(names = "--edition", paramLabel = "ID",
            description = "Edition of Microsoft's page to evaluate against, e.g. 2024-09-24 or 2026-04-03 (default: the latest in the rules folder).")
    String edition;

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    /** --verbose was given (an option of the top command, inherited by every subcommand). */
    boolean verbose() {
        if (mixee == null) return false;
        CommandLine.ParseResult parsed = mixee.root().commandLine().getParseResult();
        return parsed != null && parsed.originalArgs().contains("--verbose");
    }

    /** The rules folder as the chosen edition (default: the latest) sees it. */
    RuleFiles files() throws IOException {
        return folder().edition(edition);
    }

    /** The rules folder itself (its base edition). */
    RuleFiles folder() throws IOException {
        return rules == null ? RuleFiles.defaults() : RuleFiles.fromDirectory(rules);
    }

    /** The rule base, or null after printing every problem as file:line: message. */
    RuleBase build(PrintWriter err) {
        RuleFiles files;
        try {
            files = files();
        } catch (IOException e) {
            Main.error(err, e.getMessage());
            return null;
        }
        return build(files, err);
    }

    /** The rule base of these files, or null after printing every problem as file:line: message. */
    RuleBase build(RuleFiles files, PrintWriter err) {
        try {
            RuleBaseCache.Loaded loaded = RuleBases.load(files, noCache ? RuleBaseCache.none() : RuleBaseCache.at(cacheDir));
            if (loaded.problem() != null) Main.error(err, "warning: " + loaded.problem());
            return loaded.base();
        } catch (RuleBuildException e) {
            String prefix = files.directory() == null ? "" : files.directory() + "/";
            e.getProblems().forEach(p -> err.println(prefix + p.in(files.pathOf(p.file()))));
            if (verbose() && !e.getDroolsMessages().isEmpty()) {
                // for whoever maintains the tool: what Drools said, generated Java and all, before it was explained
                err.println("Drools' own messages (--verbose):");
                e.getDroolsMessages().forEach(err::println);
            }
            err.println("mfa-eval: the rules in " + files.origin() + " (edition " + files.edition().id() + ") do not build ("
                    + e.getProblems().stream().filter(p -> p.error()).count() + " error(s))");
            return null;
        }
    }
}
