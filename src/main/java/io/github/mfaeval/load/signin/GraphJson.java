package io.github.mfaeval.load.signin;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;

/**
 * Graph beta sign-ins, as JSON documents (pages, arrays) or NDJSON: any JSON object no other dialect claims. Its
 * mapping is the tree mapper ({@link SignInMapper}), the reference; beside it, the token-stream fast path
 * ({@link GraphSignInParser}, driven over a file's bytes by {@link GraphJsonFastPath}) maps the plain records of a
 * file to the same fact without building a tree, and hands any record it cannot take to this mapping.
 */
final class GraphJson implements SignInFormat {
    static final GraphJson FORMAT = new GraphJson();

    private GraphJson() {
    }

    @Override
    public String name() {
        return "Graph";
    }

    @Override
    public boolean claimsRecord(ObjectNode record) {
        return true;
    }

    @Override
    public GraphRecord graphShape(ObjectNode record, String hint) {
        applyHint(record, hint);
        return new GraphRecord(record, Map.of(), name(), this);
    }


    /** The sign-in type the file name implies, for a record that says nothing of its type or interactivity. */
    static void applyHint(ObjectNode r, String hint) {
        if (hint != null && SignInFormats.absent(r, "signInEventTypes") && SignInFormats.absent(r, "isInteractive")) {
            r.putArray("signInEventTypes").add(hint);
        }
    }

    /** The fast path for a file's records, or null when they must go through the tree (authentication details to join). */
    static GraphSignInParser fastPath(PortalAuthDetails details) {
        return details == null ? FAST.get() : null;
    }

    /** One token mapper per reading thread: it caches the field names it has seen. */
    private static final ThreadLocal<GraphSignInParser> FAST = ThreadLocal.withInitial(GraphSignInParser::new);
}
