package io.github.mfaeval.pipeline;

import io.github.mfaeval.engine.SignInContext;

import java.io.Serializable;

/**
 * What the tenant stage leaves for the sign-in stage of one tenant (its schedule, federation, cross-tenant trust,
 * external methods): serializable, so that a cluster ships it to the executors that evaluate the tenant's chunks.
 */
public final class ChunkContext implements Serializable {
    private static final long serialVersionUID = 1L;
    final SignInContext context;

    ChunkContext(SignInContext context) {
        this.context = context;
    }
}
