package io.github.mfaeval.cli;

import io.github.mfaeval.collect.Redaction;
import io.github.mfaeval.text.SafeText;

/**
 * Every line {@code collect} prints, made safe the way {@code evaluate} and {@code batch} make theirs: no token
 * or secret the tool holds ({@link Redaction}), and no control or bidi character from a server's error text or a
 * tenant name of {@code --tenants} ({@link SafeText#terminal}), so neither can steer the terminal or forge a line.
 */
final class CollectLines {
    private CollectLines() {
    }

    static String safe(String line) {
        return SafeText.terminal(Redaction.redact(line));
    }
}
