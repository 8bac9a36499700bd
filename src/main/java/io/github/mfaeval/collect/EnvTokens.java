package io.github.mfaeval.collect;

import java.util.function.Function;

/**
 * {@code --auth token}: bearer tokens someone already has ({@code az account get-access-token}), taken from
 * environment variables ({@code MFA_EVAL_GRAPH_TOKEN}, {@code MFA_EVAL_ARM_TOKEN}). A refused token is read
 * again once (a wrapper script may have renewed it); there is no other way to get a fresh one.
 */
public final class EnvTokens implements TokenSource {
    public static final String GRAPH_VARIABLE = "MFA_EVAL_GRAPH_TOKEN";
    public static final String ARM_VARIABLE = "MFA_EVAL_ARM_TOKEN";

    private final String graphVariable;
    private final String armVariable;
    private final Function<String, String> env;

    public EnvTokens(String graphVariable, String armVariable, Function<String, String> env) {
        this.graphVariable = graphVariable;
        this.armVariable = armVariable;
        this.env = env;
    }

    private String variable(Audience audience) {
        return audience == Audience.GRAPH ? graphVariable : armVariable;
    }

    @Override
    public String token(Audience audience, boolean fresh) throws AuthException {
        String name = variable(audience);
        String value = env.apply(name);
        if (value == null || value.isBlank()) {
            throw new AuthException("--auth token: the environment variable " + name + " is not set (a bearer token for " + audience.title + ")");
        }
        String v = value.strip();
        // "Bearer xyz" pasted whole is accepted
        return v.regionMatches(true, 0, "Bearer ", 0, 7) ? v.substring(7).strip() : v;
    }

    @Override
    public boolean offers(Audience audience) {
        String value = env.apply(variable(audience));
        return value != null && !value.isBlank();
    }

    @Override
    public String describe() {
        return "token (from " + graphVariable + " and " + armVariable + ")";
    }
}
