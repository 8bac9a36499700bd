package io.github.mfaeval.cli;

import io.github.mfaeval.rules.Spelling;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.List;

/** The option a misspelt one most likely meant: the closest name by edit distance (letters swapped count as one). */
final class Suggestions {
    private Suggestions() {
    }

    static String nearestOption(CommandSpec spec, List<String> unmatched) {
        for (String arg : unmatched) {
            if (!arg.startsWith("-")) continue;
            String typed = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String best = null;
            int bestDistance = Integer.MAX_VALUE;
            for (OptionSpec o : spec.options()) {
                if (o.hidden()) continue;
                for (String name : o.names()) {
                    int d = Spelling.distance(typed, name);
                    if (d < bestDistance) {
                        bestDistance = d;
                        best = name;
                    }
                }
            }
            if (best != null && bestDistance <= Math.max(2, typed.length() / 4)) return best;
        }
        return null;
    }
}
