package io.github.mfaeval.collect;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Takes every token and secret the tool holds out of every message it records or prints. A server may echo
 * the request's {@code Authorization} header in its error text (a proxy, a debugging gateway, a hostile
 * endpoint): that text reaches collection.json, the log and the report, so it passes through here first.
 *
 * <p>Two nets: the exact values the tool holds (each access token as it is sent, the client secret, the
 * certificate password), replaced wherever they occur; and the shapes a credential has whatever its value, so a
 * token cut short by a message's length limit (which no exact match finds) is caught too: {@code Bearer …}
 * and a JSON Web Token ({@code eyJ….….…}).
 */
public final class Redaction {
    public static final String MARK = "[redacted]";
    // shorter values are no secret worth the false matches (and an empty one would match everywhere)
    private static final int SHORTEST = 8;
    private static final Set<String> HELD = ConcurrentHashMap.newKeySet();
    private static final Pattern BEARER = Pattern.compile("(?i)\\b(bearer)(\\s+|%20|\\+)[A-Za-z0-9._~+/=%-]{16,}");
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*(\\.[A-Za-z0-9_-]*)?");

    private Redaction() {
    }

    /** A token or secret the tool now holds: from here on it never appears in a message. */
    public static void hold(String secret) {
        if (secret != null && secret.length() >= SHORTEST) HELD.add(secret);
    }

    /** The text with every held secret, bearer credential and JSON Web Token replaced by {@value #MARK}. */
    public static String redact(String text) {
        if (text == null || text.isEmpty()) return text;
        String out = text;
        for (String s : HELD) {
            if (out.contains(s)) out = out.replace(s, MARK);
        }
        if (out.indexOf('.') >= 0 && out.contains("eyJ")) out = JWT.matcher(out).replaceAll(MARK);
        return BEARER.matcher(out).replaceAll("$1 " + MARK);
    }
}
