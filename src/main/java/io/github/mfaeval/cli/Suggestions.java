package io.github.mfaeval.cli;

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
                    int d = distance(typed, name);
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

    /** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
