package io.github.mfaeval.load.signin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.mfaeval.load.text.Position;
import io.github.mfaeval.model.SignIn;

/**
 * One export dialect of sign-ins: the name reports give it, whether it claims a CSV header or a JSON record, and its
 * one mapping to the {@link io.github.mfaeval.model.SignIn} fact. {@link SignInFormats} asks them in a fixed order;
 * the first that claims a header or a record reads it.
 * <p>
 * Every dialect is brought into Graph beta shape first ({@link #columns} for a CSV row, {@link #graphShape} for a JSON
 * record), where what differs only in spelling is accepted once, by the tree mapper ({@link SignInMapper}); each
 * format's {@link #signIn} says how its records then become a fact. The Graph dialect also has a token-stream fast
 * path beside it ({@link GraphSignInParser}), whose reference is that tree mapping.
 */
interface SignInFormat {
    /** The dialect as reports name it; a record's table or category may follow in brackets ("Log Analytics (SigninLogs)"). */
    String name();

    /** True when a CSV file with this header holds sign-ins of this dialect. */
    default boolean claimsHeader(String[] header) {
        return false;
    }

    /** True when this JSON object is a sign-in record of this dialect. */
    default boolean claimsRecord(ObjectNode record) {
        return false;
    }

    /** The columns of a CSV file of this dialect (a header it claims), which turn its rows into records. */
    default SignInColumns columns(String[] header, String fileName) {
        throw new UnsupportedOperationException(name() + " is not a CSV dialect");
    }

    /** A JSON record this format claims, in Graph shape; {@code hint} is the sign-in type the file name implies, or null. */
    default GraphRecord graphShape(ObjectNode record, String hint) {
        throw new UnsupportedOperationException(name() + " is not a JSON dialect");
    }

    /**
     * The one mapping of a record of this dialect (in Graph shape) onto its fact. Every dialect today differs only in
     * how it reaches Graph shape ({@link #columns}, {@link #graphShape}), so they share the tree mapper's last step; a
     * dialect whose records mean something else once in that shape overrides this.
     */
    default SignIn signIn(GraphRecord record, String file, Position at) throws SignInMapper.BadRecord {
        return record.throughGraphTree(file, at);
    }
}
