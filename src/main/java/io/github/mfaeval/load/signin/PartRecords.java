package io.github.mfaeval.load.signin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.mfaeval.load.text.Json;
import io.github.mfaeval.load.text.Position;
import io.github.mfaeval.model.SignIn;

/**
 * Turns the container readers' records of one part of a sign-in file into facts or rejections, for a
 * {@link SignInReader.PartSink}; says how the part was understood (container, dialect, encoding).
 */
final class PartRecords implements RawRecords {
    final String name;
    final PortalAuthDetails details;
    final SignInReader.PartSink out;
    final String hint;
    String container;
    String dialect;
    String encoding = "";
    long total;

    PartRecords(String name, PortalAuthDetails details, SignInReader.PartSink out) {
        this.name = name;
        this.details = details;
        this.out = out;
        this.hint = SignInFormats.eventTypeOfName(name);
    }

    /** The Graph dialect's token-stream mapper, unless the records need the portal's authentication details joined. */
    GraphSignInParser fast() {
        return GraphJson.fastPath(details);
    }

    @Override
    public void container(String description) {
        if (container == null) container = description;
    }

    @Override
    public void record(JsonNode node, Position at) {
        normalised(SignInFormats.graphShape(node, hint), at);
    }

    @Override
    public void mapped(SignIn m) {
        mapped(m, GraphJson.FORMAT.name());
    }

    @Override
    public void mapped(SignIn m, String dialect) {
        if (this.dialect == null) this.dialect = dialect;
        total++;
        out.signIn(m);
    }

    @Override
    public void normalised(GraphRecord n, Position at) {
        if (dialect == null && n.dialect() != null) dialect = n.dialect();
        try {
            JsonNode node = n.node();
            if (details != null && node != null && node.isObject() && Json.field(node, "authenticationDetails") == null) {
                String id = Json.text(node, "id");
                JsonNode steps = id == null ? null : details.stepsFor(id);
                if (steps != null) ((ObjectNode) node).set("authenticationDetails", steps);
            }
            SignIn m = n.format().signIn(n, name, at);
            total++;
            out.signIn(m);
        } catch (SignInMapper.BadRecord | PortalCsv.RowProblem e) {
            broken(at, e.getMessage(), 1);
        } catch (RuntimeException e) {
            broken(at, "cannot be read: " + e, 1);
        }
    }

    @Override
    public void broken(String where, String reason, long count) {
        total += count;
        out.rejected(null, where, reason, count);
    }

    @Override
    public void broken(Position at, String reason, long count) {
        total += count;
        out.rejected(at, null, reason, count);
    }

    @Override
    public void notice(String where, String message) {
        out.notice(where, message);
    }
}
