package io.github.mfaeval.load.signin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * PowerShell dumps of sign-ins ({@code Get-MgBetaAuditLogSignIn | ConvertTo-Json}): Graph records with PascalCase
 * names, which the tree mapper reads in any case. A record is claimed by its first name being PascalCase.
 * <p>
 * Recognises a PowerShell dump cut short. {@code ConvertTo-Json} stops at -Depth 2 unless told otherwise, and
 * {@code Export-Csv} cannot write nested objects: both write the object's type name ("Microsoft.Graph.PowerShell.
 * Models.MicrosoftGraphSignInStatus", "System.Object[]") or its hashtable text ("@{ErrorCode=0; …}") where the
 * value should be. Reading on would silently lose the value, so such a record is refused with the fix.
 */
public final class PowerShellDump implements SignInFormat {
    static final PowerShellDump FORMAT = new PowerShellDump();

    private static final Pattern STAND_IN = Pattern.compile(
            "(Microsoft\\.Graph\\.(Beta\\.)?PowerShell\\.Models\\.\\w+(\\[])?"
                    + "|System\\.Object\\[]|System\\.Collections\\.[\\w.`\\[\\],]+|System\\.Management\\.Automation\\.\\w+"
                    + "|@\\{\\w+=.*})", Pattern.DOTALL);
    private static final int MAX_DEPTH = 8;

    private PowerShellDump() {
    }

    @Override
    public String name() {
        return "PowerShell SDK (PascalCase)";
    }

    @Override
    public boolean claimsRecord(ObjectNode record) {
        String first = record.fieldNames().hasNext() ? record.fieldNames().next() : "";
        return !first.isEmpty() && Character.isUpperCase(first.charAt(0));
    }

    @Override
    public GraphRecord graphShape(ObjectNode record, String hint) {
        GraphJson.applyHint(record, hint);
        return new GraphRecord(record, Map.of(), name(), this);
    }


    /** True when the text is what PowerShell writes in place of a nested value. */
    public static boolean isStandIn(String text) {
        if (text == null) return false;
        String t = text.trim();
        // Every stand-in starts with one of these: skip the regex for the millions of ordinary values.
        if (t.isEmpty() || (t.charAt(0) != 'M' && t.charAt(0) != 'S' && t.charAt(0) != '@')) return false;
        return STAND_IN.matcher(t).matches();
    }

    /** The path of the first value replaced by a type name or hashtable text, or null. */
    public static String cutAt(JsonNode node) {
        return cutAt(node, "", 0);
    }

    private static String cutAt(JsonNode node, String path, int depth) {
        if (node == null || depth > MAX_DEPTH) return null;
        if (node.isTextual()) return isStandIn(node.textValue()) ? path : null;
        if (node.isArray()) {
            int i = 0;
            for (JsonNode e : node) {
                String found = cutAt(e, path + "[" + i++ + "]", depth + 1);
                if (found != null) return found;
            }
            return null;
        }
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                // the @odata.type of a Graph object is a type name on purpose
                if (e.getKey().startsWith("@odata") || e.getKey().endsWith("@odata.context") || e.getKey().endsWith("@odata.type")) continue;
                String found = cutAt(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), depth + 1);
                if (found != null) return found;
            }
        }
        return null;
    }

    /** What to tell the user about a value cut at {@code path}. */
    public static String problem(String path, JsonNode record) {
        String shown = record == null ? "" : " (\"" + abbreviate(at(record, path)) + "\")";
        return path + " holds a PowerShell type name instead of its value" + shown
                + ": the dump was cut by ConvertTo-Json's default -Depth or written by Export-Csv; "
                + "export again with ConvertTo-Json -Depth 10";
    }

    private static String at(JsonNode record, String path) {
        JsonNode n = record;
        for (String part : path.split("\\.")) {
            String name = part.replaceAll("\\[\\d+]$", "");
            n = n.get(name);
            if (n == null) return "";
            java.util.regex.Matcher m = Pattern.compile("\\[(\\d+)]").matcher(part);
            while (m.find() && n != null) n = n.get(Integer.parseInt(m.group(1)));
            if (n == null) return "";
        }
        return n.asText();
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
